import Foundation
import StromaStatistics
import Testing
import _StromaTestSupport
@testable import stroma

/// End-to-end tests of `stroma meta` through the built binary.
///
/// metafor references: `Rscript scripts/reference/meta-cli/synthetic_nmd_reml.R` (synthetic example,
/// NMD computed by formula in R, then `rma`) and `scripts/reference/meta-cli/syrf_smd_reml.R` (SyRF
/// export, pairs read by hand, `escalc("SMD")` + `rma`). R 4.2.2, metafor 3.8-1.
@Suite struct MetaCommandTests {
    static let example = "examples/synthetic_msc_stroke.csv"

    @Test("Pooled JSON has every documented key and matches metafor")
    func pooled() throws {
        let json = try StromaBinary.json(["meta", "--input", Self.example, "--measure", "NMD"])
        for key in [
            "k", "measure", "method", "test", "estimate", "se", "ci_lb", "ci_ub", "pi_lb", "pi_ub",
            "tau2", "I2", "H2", "Q", "Q_df", "Q_p", "p", "studies", "warnings", "version",
        ] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        #expect(json["k"] as? Int == 20)
        #expect(json["method"] as? String == "REML")
        let expected: [(String, Double)] = [
            ("estimate", 39.16850338), ("se", 2.129385269), ("ci_lb", 34.99498494), ("ci_ub", 43.34202181),
            ("tau2", 35.43614913), ("I2", 39.78308368), ("H2", 1.660662918), ("Q", 31.45716449),
            ("Q_p", 0.03594356743), ("pi_lb", 26.7771853), ("pi_ub", 51.55982146),
        ]
        for (key, value) in expected {
            #expect(
                isClose(json.double(key) ?? .nan, value, relative: 1e-8),
                "\(key): \(json.double(key) ?? .nan) vs \(value)")
        }
        let studies = json.objects("studies")
        #expect(studies.count == 20)
        for study in studies {
            #expect(
                study["study"] is String && study["yi"] is NSNumber && study["vi"] is NSNumber
                    && study["weight"] is NSNumber)
        }
        let weights = studies.compactMap { $0.double("weight") }.reduce(0, +)
        #expect(isClose(weights, 100, relative: 1e-12))
        #expect(
            (json["warnings"] as? [String])?.contains(
                "control group 'Synthetic-19/20 vehicle' is shared by 2 comparisons: its size was divided by 2") == true
        )
    }

    @Test("JSON values equal the library's fit of the same yi/vi")
    func equalsLibrary() throws {
        let json = try StromaBinary.json([
            "meta", "--input", Self.example, "--measure", "NMD",
            "--method", "DL", "--test", "knha",
        ])
        let studies = json.objects("studies")
        let fit = try MetaAnalysis.fit(
            yi: studies.compactMap { $0.double("yi") },
            vi: studies.compactMap { $0.double("vi") },
            options: MetaAnalysisOptions(method: .dersimonianLaird, test: .knappHartung))
        #expect(isClose(json.double("estimate")!, fit.pooled.estimate, relative: 1e-14))
        #expect(isClose(json.double("se")!, fit.pooled.standardError, relative: 1e-14))
        #expect(isClose(json.double("tau2")!, fit.tau2, relative: 1e-14))
        #expect(json["test"] as? String == "knha")
        // metafor: rma(yi, vi, method = "DL", test = "knha")
        #expect(isClose(fit.pooled.ciLower, 34.75092316, relative: 1e-8))
        #expect(isClose(fit.tau2, 35.16674622, relative: 1e-8))
    }

    @Test("Meta-regression JSON: coefficients, QM, QE, R2 match metafor")
    func moderators() throws {
        let json = try StromaBinary.json([
            "meta", "--input", Self.example, "--measure", "NMD",
            "--mods", "log10_dose_per_kg",
        ])
        let coefficients = json.objects("coefficients")
        #expect(coefficients.map { $0["name"] as? String } == ["intrcpt", "log10_dose_per_kg"])
        #expect(isClose(coefficients[1].double("estimate")!, -3.406330846, relative: 1e-8))
        #expect(isClose(coefficients[1].double("se")!, 3.647647952, relative: 1e-8))
        #expect(isClose(json.double("QM")!, 0.8720629227, relative: 1e-8))
        #expect(isClose(json.double("QM_p")!, 0.3503848369, relative: 1e-8))
        #expect(isClose(json.double("QE")!, 29.67529125, relative: 1e-8))
        #expect(isClose(json.double("R2")!, 0.6644565926, relative: 1e-6))
        #expect(json["estimate"] is NSNull)
        for coefficient in coefficients {
            for key in ["name", "estimate", "se", "p", "ci_lb", "ci_ub"] { #expect(coefficient[key] != nil) }
        }
    }

    @Test("Subgroups JSON: one entry per level and the three tests; QM matches metafor")
    func subgroups() throws {
        let json = try StromaBinary.json(["meta", "--input", Self.example, "--measure", "NMD", "--by", "ROUTE"])
        let subgroups = try #require(json.object("subgroups"))
        #expect(subgroups["by"] as? String == "route")
        #expect(subgroups.objects("groups").map { $0["level"] as? String } == ["IA", "IC", "IV"])
        #expect(subgroups.objects("groups").map { $0["k"] as? Int } == [5, 5, 10])
        let tests = try #require(subgroups.object("tests"))
        #expect(Set(tests.keys) == ["common_tau2", "separate_tau2", "fixed_effect_partition"])
        #expect(isClose(tests.object("common_tau2")!.double("statistic")!, 12.1489709, relative: 1e-8))
        #expect(isClose(tests.object("common_tau2")!.double("p")!, 0.002300829774, relative: 1e-8))
    }

    @Test("SyRF export: SMD pooled as metafor on the hand-paired data", .enabled(if: SharedData.isAvailable))
    func syrf() throws {
        let file = try SharedData.url("syrf/quantitative_data_example.csv").path
        let json = try StromaBinary.json(["meta", "--input", file, "--syrf", "--measure", "SMD"])
        #expect(json["k"] as? Int == 22)
        #expect(isClose(json.double("estimate")!, 3.191535117, relative: 1e-8))
        #expect(isClose(json.double("se")!, 0.527900986, relative: 1e-8))
        #expect(isClose(json.double("tau2")!, 5.312877382, relative: 1e-8))
        #expect(isClose(json.double("Q")!, 201.9797911, relative: 1e-8))
        #expect(isClose(json.objects("studies")[0].double("yi")!, 2.687316295, relative: 1e-8))
    }

    @Test("CSV output: a header and one row per study")
    func csv() throws {
        let output = try StromaBinary.run(["meta", "--input", Self.example, "--measure", "SMD", "--format", "csv"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines[0].hasPrefix("study,line,yi,vi,se,ci_lb,ci_ub,weight,route,source,species"))
        #expect(lines[1].hasPrefix("Synthetic-01,5,"))
    }

    @Test("Table output reads like metafor's print")
    func table() throws {
        let output = try StromaBinary.run(["meta", "--input", Self.example, "--measure", "NMD", "--by", "route"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Random-Effects Model (k = 20; tau^2 estimator: REML; test: z)\n"))
        #expect(output.stdout.contains("Q(df = 19) = 31.4572, p-val = 0.0359"))
        #expect(output.stdout.contains("intrcpt  39.1685   2.1294"))
        #expect(output.stderr.contains("warning: control group 'Synthetic-19/20 vehicle'"))
    }

    @Test("bias --funnel draws the studies trim-and-fill imputes as open circles", .enabled(if: SharedData.isAvailable))
    func trimAndFillFunnel() throws {
        let file = try SharedData.url("syrf/quantitative_data_example.csv").path
        let funnel = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: funnel) }
        let json = try StromaBinary.json([
            "meta", "bias", "--input", file, "--syrf", "--measure", "SMD",
            "--estimator", "R0", "--funnel", funnel.path,
        ])
        // metafor: trimfill(rma(yi, vi), estimator = "R0")$k0 == 3 on the same yi/vi.
        #expect(json.object("trimfill")?["k0"] as? Int == 3)
        let svg = try String(contentsOf: funnel, encoding: .utf8)
        let open = svg.components(separatedBy: "r=\"4\" fill=\"#fff\"").count - 1
        #expect(open == 3 + 1, "three imputed studies plus the legend's open circle")
        #expect(svg.contains("imputed (trim-and-fill)"))
    }

    @Test("A row without a value for a moderator is dropped with a warning, as metafor omits NAs")
    func missingModerator() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mods-\(UUID().uuidString).csv")
        try "study,yi,vi,dose\nA,0.5,0.1,1\nB,0.3,0.2,\nC,0.2,0.1,3\nD,0.6,0.1,4\nE,0.1,0.3,2\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try StromaBinary.json(["meta", "--input", file.path, "--measure", "yivi", "--mods", "dose"])
        #expect(json["k"] as? Int == 4)
        #expect(json["warnings"] as? [String] == ["line 3 ('B'): dropped, no value for 'dose'"])
        // metafor: rma(yi = c(.5,.3,.2,.6,.1), vi = c(.1,.2,.1,.1,.3), mods = ~ c(1,NA,3,4,2))
        let coefficients = json.objects("coefficients")
        #expect(isClose(coefficients[0].double("estimate")!, 0.3458333333, relative: 1e-9))
        #expect(isClose(coefficients[1].double("estimate")!, 0.02083333333, relative: 1e-9))
        #expect(isClose(coefficients[0].double("se")!, 0.4133198923, relative: 1e-9))
        #expect(isClose(coefficients[1].double("se")!, 0.1443375673, relative: 1e-9))
    }

    @Test("Plots are written as SVG files")
    func plots() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-meta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let forest = dir.appendingPathComponent("f.svg").path
        let funnel = dir.appendingPathComponent("u.svg").path
        let bubble = dir.appendingPathComponent("b.svg").path
        #expect(
            try StromaBinary.run([
                "meta", "--input", Self.example, "--measure", "NMD", "--by", "route",
                "--forest", forest, "--forest-columns", "species,dose_per_kg", "--funnel", funnel,
            ]).status == 0)
        #expect(
            try StromaBinary.run([
                "meta", "--input", Self.example, "--measure", "NMD", "--mods",
                "log10_dose_per_kg", "--bubble", bubble,
            ]).status == 0)
        let forestText = try String(contentsOfFile: forest, encoding: .utf8)
        #expect(forestText.hasPrefix("<svg"))
        #expect(forestText.contains(">Synthetic-19<") && forestText.contains(">route: IA<"))
        #expect(forestText.contains(">1.67×10⁷<"), "large doses are written in powers of ten")
        #expect(try String(contentsOfFile: funnel, encoding: .utf8).contains("<circle"))
        #expect(try String(contentsOfFile: bubble, encoding: .utf8).contains("<polyline"))
    }
}
