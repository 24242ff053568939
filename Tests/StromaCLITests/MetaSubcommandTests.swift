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
        return try MetaAnalysis.fit(
            yi: studies.compactMap { $0.double("yi") },
            vi: studies.compactMap { $0.double("vi") }, labels: studies.compactMap { $0["study"] as? String })
    }

    @Test("bias: Egger, Begg and trim-and-fill equal the library's")
    func bias() throws {
        let json = try StromaBinary.json(["meta", "bias", "--input", Self.example, "--measure", "NMD"])
        let fit = try Self.libraryFit(json)
        #expect(isClose(json.object("egger")!.double("statistic")!, try fit.eggerTest().statistic, relative: 1e-12))
        #expect(
            isClose(json.object("egger_lm")!.double("p")!, try fit.eggerTest(classical: true).pValue, relative: 1e-12))
        #expect(
            isClose(
                json.object("begg")!.double("kendall_tau")!, try fit.rankCorrelationTest().kendallTau, relative: 1e-12))
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
        let cumulative = try StromaBinary.json([
            "meta", "cumulative", "--input", Self.example,
            "--measure", "NMD",
        ]).objects("rows")
        #expect(cumulative.count == 20)
        #expect(isClose(cumulative.last!.double("estimate")!, fit.pooled.estimate, relative: 1e-12))
    }

    @Test("influence: one row per study with the documented keys")
    func influence() throws {
        let rows = try StromaBinary.json(["meta", "influence", "--input", Self.example, "--measure", "NMD"])
            .objects("rows")
        #expect(rows.count == 20)
        for key in [
            "study", "rstudent", "dffits", "cook_d", "cov_r", "tau2_del", "QE_del", "hat", "weight",
            "dfbetas", "influential",
        ] { #expect(rows[0][key] != nil, "missing \(key)") }
    }

    @Test("permutation: exact sign-flip test is deterministic")
    func permutation() throws {
        let args = [
            "meta", "permutation", "--input", Self.example, "--measure", "NMD", "--mods",
            "log10_dose_per_kg", "--iterations", "100", "--seed", "7",
        ]
        let first = try StromaBinary.json(args)
        let second = try StromaBinary.json(args)
        #expect(first["scheme"] as? String == "row-permutation")
        #expect(first.double("QM_p_perm") == second.double("QM_p_perm"))
        #expect(first.objects("coefficients").count == 2)
    }
}
