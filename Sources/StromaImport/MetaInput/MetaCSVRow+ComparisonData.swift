import StromaDomain

extension MetaCSVRow {
    /// The comparison data of a row of the comparison layout, by data kind.
    func data(kind: String) throws -> ComparisonData {
        switch kind {
        case "yi,vi":
            return .effect(
                yi: try number("yi", valid: "a number"),
                vi: try number("vi", valid: "a sampling variance > 0") { $0 > 0 })
        case "n1,m1,sd1,n2,m2,sd2":
            var errorType = DispersionType.sd
            if position["error_type"] != nil, !MetaCell.isMissing(text("error_type")) {
                guard let parsed = DispersionType(rawValue: text("error_type").uppercased()) else {
                    throw error("error_type", "'\(text("error_type"))' is not valid; expected SD or SEM")
                }
                errorType = parsed
            }
            var sham: Double?
            if position["m_sham"] != nil, !MetaCell.isMissing(text("m_sham")) {
                sham = try number("m_sham", valid: "the sham group mean (a number)")
            }
            let spread = "\(errorType.rawValue) > 0"
            return .continuous(
                ContinuousArms(
                    n1: try number("n1", valid: "a group size ≥ 2") { $0 >= 2 },
                    m1: try number("m1", valid: "a mean (a number)"),
                    sd1: try number("sd1", valid: spread) { $0 > 0 },
                    n2: try number("n2", valid: "a group size ≥ 2") { $0 >= 2 },
                    m2: try number("m2", valid: "a mean (a number)"),
                    sd2: try number("sd2", valid: spread) { $0 > 0 },
                    mSham: sham, errorType: errorType))
        case "ai,bi,ci,di":
            let count = "a count ≥ 0"
            return .twoByTwo(
                ai: try number("ai", valid: count) { $0 >= 0 },
                bi: try number("bi", valid: count) { $0 >= 0 },
                ci: try number("ci", valid: count) { $0 >= 0 },
                di: try number("di", valid: count) { $0 >= 0 })
        case "ri,ni":
            return .correlation(
                ri: try number("ri", valid: "a correlation in [-1, 1]") { $0 >= -1 && $0 <= 1 },
                ni: try number("ni", valid: "a sample size ≥ 4") { $0 >= 4 })
        default:
            let n = try number("ni", valid: "a sample size ≥ 1") { $0 >= 1 }
            return .proportion(
                xi: try number("xi", valid: "a count from 0 to ni (\(MetaCell.format(n)))") {
                    $0 >= 0 && $0 <= n
                },
                ni: n)
        }
    }
}

extension MetaCell {
    /// A number for messages, without a trailing `.0`.
    static func format(_ value: Double) -> String {
        ModeratorValue.number(value).description
    }
}
