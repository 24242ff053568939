import StromaImport
import StromaDomain
import StromaStatistics

/// Case-deletion diagnostics of `stroma meta influence` (metafor `influence.rma.uni`): JSON `rows[]`.
public struct MetaInfluenceRows: Codable, Sendable, Hashable {
    /// One study's diagnostics.
    public struct Row: Codable, Sendable, Hashable {
        public var study: String
        @Nullable public var rstudent: Double?
        @Nullable public var dffits: Double?
        @Nullable public var cooksDistance: Double?
        @Nullable public var covarianceRatio: Double?
        @Nullable public var tau2Deleted: Double?
        @Nullable public var qeDeleted: Double?
        @Nullable public var hat: Double?
        /// Percent of the total weight.
        @Nullable public var weight: Double?
        /// By coefficient name.
        public var dfbetas: [String: Nullable<Double>]
        /// metafor's flag: any of its cut-offs exceeded.
        public var influential: Bool

        enum CodingKeys: String, CodingKey {
            case study, rstudent, dffits, cooksDistance = "cook_d", covarianceRatio = "cov_r"
            case tau2Deleted = "tau2_del", qeDeleted = "QE_del", hat, weight, dfbetas, influential
        }
    }

    /// The coefficient names in model order (the order of `dfbetas` columns in tables; not in JSON).
    public var coefficientNames: [String]
    public var rows: [Row]

    enum CodingKeys: String, CodingKey { case rows }

    public init(from decoder: any Decoder) throws {
        rows = try decoder.container(keyedBy: CodingKeys.self).decode([Row].self, forKey: .rows)
        coefficientNames = rows.first.map { $0.dfbetas.keys.sorted() } ?? []
    }

    /// Runs the diagnostics on `fit`.
    public init(_ fit: MetaAnalysisResult) throws {
        let names = fit.coefficients.map(\.name)
        coefficientNames = names
        rows = try fit.influence().map { r in
            Row(
                study: r.label, rstudent: r.rstudent, dffits: r.dffits, cooksDistance: r.cooksDistance,
                covarianceRatio: r.covarianceRatio, tau2Deleted: r.tau2Deleted, qeDeleted: r.qeDeleted, hat: r.hat,
                weight: r.weight,
                dfbetas: Dictionary(
                    zip(names, r.dfbetas.map { Nullable(wrappedValue: $0) }), uniquingKeysWith: { $1 }),
                influential: r.influential)
        }
    }
}

/// The result of `stroma meta influence`.
public typealias MetaInfluenceResult = MetaDiagnosticsResult<MetaInfluenceRows>
