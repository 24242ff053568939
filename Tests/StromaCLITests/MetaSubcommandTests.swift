import Foundation
import StromaStatistics
import Testing
import _StromaTestSupport

@Suite struct MetaSubcommandTests {
    static let example = "examples/synthetic_msc_stroke.csv"

    static func libraryFit(_ json: [String: Any]) throws -> MetaAnalysisResult {
        // The pooled command's yi/vi feed the library directly.
        let pooled = try StromaBinary.json(["meta", "--input", example, "--measure", "NMD"])
        let studies = pooled.objects("studies")
        return try MetaAnalysis.fit(yi: studies.compactMap { $0.double("yi") },
            vi: studies.compactMap { $0.double("vi") }, labels: studies.compactMap { $0["study"] as? String })
    }

    @Test("bias: Egger, Begg and trim-and-fill equal the library's")
    func bias() throws {
        let json = try StromaBinary.json(["meta", "bias", "--input", Self.example, "--measure", "NMD"])
        let fit = try Self.libraryFit(json)
        #expect(isClose(json.object("egger")!.double("statistic")!, try fit.eggerTest().statistic, relative: 1e-12))
        #expect(isClose(json.object("egger_lm")!.double("p")!, try fit.eggerTest(classical: true).pValue, relative: 1e-12))
        #expect(isClose(json.object("begg")!.double("kendall_tau")!, try fit.rankCorrelationTest().kendallTau, relative: 1e-12))
        let fill = try fit.trimAndFill()
        #expect(json.object("trimfill")?["k0"] as? Int == fill.missing)
        #expect(isClose(json.object("trimfill")!.double("estimate")!, fill.adjusted.pooled.estimate, relative: 1e-12))
    }

    @Test("leave1out and cumulative: one row per study, values equal the library's")
    func sensitivity() throws {
        let json = try StromaBinary.json(["meta", "leave1out", "--input", Self.example, "--measure", "NMD"])
        let fit = try Self.libraryFit(json)
        let rows = json.objects("rows")
        let expected = try fit.leaveOneOut()
        #expect(rows.count == 20)
        #expect(rows.map { $0["study_left_out"] as? String } == expected.map(\.label))
        for (row, reference) in zip(rows, expected) {
            #expect(isClose(row.double("estimate")!, reference.estimate, relative: 1e-12))
        }
        let cumulative = try StromaBinary.json(["meta", "cumulative", "--input", Self.example,
            "--measure", "NMD"]).objects("rows")
        #expect(cumulative.count == 20)
        #expect(isClose(cumulative.last!.double("estimate")!, fit.pooled.estimate, relative: 1e-12))
    }

    @Test("influence: one row per study with the documented keys")
    func influence() throws {
        let rows = try StromaBinary.json(["meta", "influence", "--input", Self.example, "--measure", "NMD"])
            .objects("rows")
        #expect(rows.count == 20)
        for key in ["study", "rstudent", "dffits", "cook_d", "cov_r", "tau2_del", "QE_del", "hat", "weight",
            "dfbetas", "influential"] { #expect(rows[0][key] != nil, "missing \(key)") }
    }

    @Test("permutation: exact sign-flip test is deterministic")
    func permutation() throws {
        let args = ["meta", "permutation", "--input", Self.example, "--measure", "NMD", "--mods",
            "log10_dose_per_kg", "--iterations", "100", "--seed", "7"]
        let first = try StromaBinary.json(args)
        let second = try StromaBinary.json(args)
        #expect(first["scheme"] as? String == "row-permutation")
        #expect(first.double("QM_p_perm") == second.double("QM_p_perm"))
        #expect(first.objects("coefficients").count == 2)
    }
}

@Suite struct MetaErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var arguments: [String]
        var message: String
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "unknown measure", arguments: ["meta", "--input", "examples/synthetic_msc_stroke.csv", "--measure", "XYZ"],
             message: "Error: The value 'XYZ' is invalid for '--measure <measure>'. Please provide one of the following:"),
        Case(id: "measure needs other columns", arguments: ["meta", "--input", "examples/synthetic_msc_stroke.csv", "--measure", "RR"],
             message: "Error: file 'synthetic_msc_stroke.csv', line 5: measure 'RR' needs columns ai,bi,ci,di; the file has n1,m1,sd1,n2,m2,sd2"),
        Case(id: "unknown --by column", arguments: ["meta", "--input", "examples/synthetic_msc_stroke.csv", "--measure", "SMD", "--by", "dose"],
             message: "Error: --by: unknown column 'dose'; valid: route, source, species, hours_after_injury, dose_cells, dose_per_kg, log10_dose_per_kg"),
        Case(id: "missing file", arguments: ["meta", "--input", "no/such.csv", "--measure", "SMD"],
             message: "Error: file 'no/such.csv' does not exist"),
        Case(id: "bubble needs a moderator", arguments: ["meta", "--input", "examples/synthetic_msc_stroke.csv", "--measure", "SMD", "--bubble", "/tmp/x.svg"],
             message: "Error: --bubble needs exactly one continuous moderator in '--mods'"),
    ]

    @Test("Bad input gives one line on stderr and a non-zero exit", arguments: cases)
    func errors(_ c: Case) throws {
        let output = try StromaBinary.run(c.arguments)
        #expect(output.status != 0)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix(c.message), "\(output.stderr)")
    }

    @Test("Reader errors name file, line and column")
    func readerError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        try "study,n1,m1,sd1,n2,m2,sd2\nA,1,5,1,4,5,1\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try StromaBinary.run(["meta", "--input", file.path, "--measure", "SMD"])
        #expect(output.status != 0)
        #expect(output.stderr == "Error: file '\(file.lastPathComponent)', line 2, column 'n1': 1 is invalid; expected a group size ≥ 2\n")
    }
}
