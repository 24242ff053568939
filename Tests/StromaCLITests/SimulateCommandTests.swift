import Foundation
import Testing

@Suite("stroma simulate: CSV, JSON and table output")
struct SimulateCommandTests {
    static let base = ["simulate", "--species", "rat", "--route", "IV", "--dose", "1e6"]

    @Test("CSV: first column time_h, then <organ>_viable_pct and <organ>_label_pct for the six core organs")
    func csvHeader() throws {
        let out = try KineticsCLI.run(Self.base + ["--format", "csv"])
        #expect(out.status == 0)
        let t = KineticsCLI.table(out.stdout)
        #expect(t.header.first == "time_h")
        for organ in ["lung", "liver", "spleen", "kidney", "brain", "lesion"] {
            #expect(t.header.contains("\(organ)_viable_pct"))
            #expect(t.header.contains("\(organ)_label_pct"))
        }
        // The viable/label pairs come right after time_h.
        #expect(Array(t.header[1...2]) == ["lung_viable_pct", "lung_label_pct"])
        #expect(Set(t.header).count == t.header.count)
        #expect(!t.rows.isEmpty)
        for row in t.rows { #expect(row.count == t.header.count) }
        let times = KineticsCLI.column("time_h", t)
        #expect(times.first == 0)
        #expect(times.last == 168)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("CSV: lesion = vascular + parenchymal + engrafted, as % of the dose given")
    func lesionColumns() throws {
        let out = try KineticsCLI.run([
            "simulate", "--species", "rat", "--route", "IA", "--dose", "1e6", "--format", "csv",
        ])
        let t = KineticsCLI.table(out.stdout)
        let pct = KineticsCLI.column("lesion_viable_pct", t)
        let v = KineticsCLI.column("lesion_vascular_cells", t)
        let p = KineticsCLI.column("lesion_parenchymal_cells", t)
        let e = KineticsCLI.column("lesion_engrafted_cells", t)
        let given = KineticsCLI.column("dose_given_cells", t)
        #expect(pct.count == t.rows.count && v.count == pct.count)
        for k in pct.indices where given[k] > 0 {
            let expected = 100 * (v[k] + p[k] + e[k]) / given[k]
            #expect(abs(pct[k] - expected) <= 1e-8 * max(expected, 1e-12))
        }
        #expect(pct.max()! > 1)  // IA puts cells in the lesion (first pass)
    }

    @Test(
        "Mass balance is visible: total_pct is 100 within 1e-6 relative at every time",
        arguments: ["IV", "IA", "IC", "ICV", "IT", "IN"])
    func massBalance(route: String) throws {
        let out = try KineticsCLI.run([
            "simulate", "--species", "human", "--route", route, "--dose", "1e8", "--format", "csv",
        ])
        #expect(out.status == 0)
        let total = KineticsCLI.column("total_pct", KineticsCLI.table(out.stdout))
        #expect(!total.isEmpty)
        for (k, x) in total.enumerated() where k > 0 { #expect(abs(x - 100) <= 1e-4, "row \(k): \(x)") }
    }

    @Test("Label (viable + dead-cell label) is never below viable cells")
    func labelAtLeastViable() throws {
        let t = KineticsCLI.table(try KineticsCLI.run(Self.base + ["--format", "csv"]).stdout)
        for organ in ["lung", "liver", "spleen", "kidney", "brain", "lesion"] {
            let viable = KineticsCLI.column("\(organ)_viable_pct", t)
            let label = KineticsCLI.column("\(organ)_label_pct", t)
            for k in viable.indices { #expect(label[k] >= viable[k] * (1 - 1e-12)) }
        }
    }

    @Test("Percentages scale linearly: 1e5 and 1e6 cells give the same % of dose")
    func linearScaling() throws {
        let a = KineticsCLI.table(
            try KineticsCLI.run(["simulate", "--species", "mouse", "--route", "IV", "--dose", "1e5", "--format", "csv"])
                .stdout)
        let b = KineticsCLI.table(
            try KineticsCLI.run(["simulate", "--species", "mouse", "--route", "IV", "--dose", "1e6", "--format", "csv"])
                .stdout)
        for name in ["lung_viable_pct", "liver_label_pct", "lesion_viable_pct"] {
            let x = KineticsCLI.column(name, a), y = KineticsCLI.column(name, b)
            #expect(x.count == y.count)
            for k in x.indices { #expect(abs(x[k] - y[k]) <= 1e-7 * max(abs(y[k]), 1e-9)) }
        }
    }

    @Test("--per-kg: 4e6 cells/kg in a 250 g rat is 1e6 cells (notes §5)")
    func perKg() throws {
        let out = try KineticsCLI.run([
            "simulate", "--species", "rat", "--route", "IV", "--dose", "4e6", "--per-kg", "--format", "json",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let cells = try #require(json["cells_per_dose"] as? Double)
        #expect(abs(cells - 1e6) < 1e-6)
        #expect(json["body_weight_kg"] as? Double == 0.25)
    }

    @Test("Repeated doses and infusions: dose given follows the schedule")
    func schedule() throws {
        let t = KineticsCLI.table(
            try KineticsCLI.run([
                "simulate", "--species", "rat", "--route", "IV", "--dose", "1e6", "--doses", "2", "--every", "3d",
                "--format", "csv",
            ]).stdout)
        let times = KineticsCLI.column("time_h", t), given = KineticsCLI.column("dose_given_cells", t)
        for k in times.indices { #expect(given[k] == (times[k] >= 72 ? 2e6 : 1e6)) }
        for (k, x) in KineticsCLI.column("total_pct", t).enumerated() where k > 0 { #expect(abs(x - 100) <= 1e-4) }
        let inf = KineticsCLI.table(
            try KineticsCLI.run([
                "simulate", "--species", "rat", "--route", "IV", "--dose", "1e6", "--infusion", "30min", "--format",
                "csv",
            ]).stdout)
        let ti = KineticsCLI.column("time_h", inf), gi = KineticsCLI.column("dose_given_cells", inf)
        let k15 = try #require(ti.firstIndex(of: 0.25))
        #expect(abs(gi[k15] - 5e5) < 1e-6)
    }

    @Test("JSON: the documented top-level, organ, factor and effect keys")
    func jsonKeys() throws {
        let out = try KineticsCLI.run(Self.base + ["--set", "kd_LU=0.05", "--format", "json"])
        #expect(out.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let expected: Set = [
            "scenario", "time_h", "body_weight_kg", "cells_per_dose", "dose_given_cells", "organs",
            "lesion_vascular", "lesion_parenchymal", "lesion_engrafted", "mass_balance_relative_error",
            "factors", "effect", "safety_flags", "warnings", "time_to_10pct_viable_h", "time_to_1pct_viable_h",
            "total_pct", "parameter_overrides", "stroma_version",
        ]
        #expect(Set(json.keys) == expected)
        let organs = try #require(json["organs"] as? [[String: Any]])
        #expect(
            organs.map { $0["organ"] as? String } == [
                "lung", "liver", "spleen", "gut", "kidney", "brain", "lesion", "heart", "rest", "blood", "csf", "nasal",
            ])
        #expect(
            Set(organs[0].keys) == [
                "organ", "mass_g", "viable", "viable_pct", "label_pct", "label_pct_per_g", "dead_label_pct",
                "auc_cell_h",
            ])
        let factors = try #require(json["factors"] as? [[String: Any]])
        #expect(factors.compactMap { $0["factor"] as? String } == ["VEGF", "HGF", "BDNF", "IL10"])
        #expect(Set(factors[0].keys) == ["factor", "plasma_pg_ml", "lesion_pg_ml", "lesion_auc_pg_h_ml"])
        let effect = try #require(json["effect"] as? [String: Any])
        #expect((effect["note"] as? String)?.contains("hypothesis") == true)
        #expect(
            Set(effect.keys) == [
                "x_sys_cell_day_per_kg", "x_loc_cell_day", "u", "infarct_reduction_pct", "behaviour_smd", "note",
            ])
        let scenario = try #require(json["scenario"] as? [String: Any])
        #expect(
            Set(scenario.keys) == [
                "species", "context", "route", "dose", "dose_per_kg", "after_injury_h", "until_h", "infusion_h",
                "doses", "every_h",
            ])
        #expect((json["mass_balance_relative_error"] as? Double).map { $0 < 1e-6 } == true)
        let overrides = try #require(json["parameter_overrides"] as? [[String: Any]])
        #expect(
            overrides.count == 1 && overrides[0]["name"] as? String == "kd_LU"
                && overrides[0]["value"] as? Double == 0.05)
    }

    @Test("--set changes the result: no lung death keeps more viable lung cells at 7 days")
    func overrideChangesResult() throws {
        let a = KineticsCLI.column(
            "lung_viable_pct", KineticsCLI.table(try KineticsCLI.run(Self.base + ["--format", "csv"]).stdout))
        let b = KineticsCLI.column(
            "lung_viable_pct",
            KineticsCLI.table(try KineticsCLI.run(Self.base + ["--set", "kd_LU=0", "--format", "csv"]).stdout))
        #expect(b.last! > a.last! * 2)
    }

    @Test("Table: scenario, mass balance line, effect labelled as hypothesis, safety flags")
    func table() throws {
        let out = try KineticsCLI.run(Self.base)
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("Scenario: rat, xenogeneic; IV bolus; 1e+06 cells per dose (4e+06 cells/kg"))
        let line = try #require(out.stdout.split(separator: "\n").first { $0.hasPrefix("Mass balance:") })
        let value = try #require(line.split(separator: "=")[1].split(separator: " ").first.flatMap { Double($0) })
        #expect(value < 1e-6)
        #expect(out.stdout.contains("Effect — HYPOTHESIS"))
        #expect(out.stdout.contains("Safety flags: none"))
        #expect(out.stdout.contains("Lesion cells"))
    }

    @Test("Monte Carlo: the same seed gives the same bands, and p05 ≤ p50 ≤ p95")
    func monteCarlo() throws {
        let args = Self.base + ["--samples", "24", "--seed", "7", "--until", "3d", "--format", "csv"]
        let a = try KineticsCLI.run(args), b = try KineticsCLI.run(args)
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let c = try KineticsCLI.run(Self.base + ["--samples", "24", "--seed", "8", "--until", "3d", "--format", "csv"])
        #expect(c.stdout != a.stdout)
        let t = KineticsCLI.table(a.stdout)
        for organ in ["lung", "liver", "lesion"] {
            let lo = KineticsCLI.column("\(organ)_viable_pct_p05", t)
            let mid = KineticsCLI.column("\(organ)_viable_pct_p50", t)
            let hi = KineticsCLI.column("\(organ)_viable_pct_p95", t)
            #expect(lo.count == t.rows.count)
            for k in lo.indices { #expect(lo[k] <= mid[k] && mid[k] <= hi[k]) }
        }
        let lung = KineticsCLI.column("lung_viable_pct_p05", t), lungHi = KineticsCLI.column("lung_viable_pct_p95", t)
        #expect(lungHi.last! > lung.last!)  // parameters vary, so the band has width
    }

    @Test("--plot writes an SVG with one line per plotted organ and Monte Carlo bands")
    func plot() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tc.svg").path
        let out = try KineticsCLI.run(Self.base + ["--samples", "20", "--until", "3d", "--plot", file, "--log"])
        #expect(out.status == 0)
        #expect(out.stderr.contains("wrote \(file)"))
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("Viable MSCs by organ"))
        #expect(svg.components(separatedBy: "<polygon").count - 1 >= 6)
        for organ in ["lung", "liver", "spleen", "kidney", "brain", "lesion (all pools)"] {
            #expect(svg.contains(">\(organ)</text>"))
        }
    }

    @Test("compare-routes: one row per route; IA puts ≥ 10× more cells in the lesion than IV at 24 h")
    func compareRoutes() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("routes.svg").path
        let out = try KineticsCLI.run([
            "simulate", "compare-routes", "--species", "rat", "--dose", "1e6", "--routes", "IV,IA,IC", "--format",
            "csv", "--plot", file,
        ])
        #expect(out.status == 0)
        let t = KineticsCLI.table(out.stdout)
        #expect(t.header.first == "route")
        #expect(t.rows.map { $0[0] } == ["IV", "IA", "IC"])
        let lesion = KineticsCLI.column("lesion_cells", t)
        #expect(lesion[1] >= 10 * lesion[0])
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        for route in ["IV", "IA", "IC"] { #expect(svg.contains(">\(route)</text>")) }
    }

    @Test("compare-routes JSON: documented keys, Monte Carlo percentiles bracket each route's value")
    func compareRoutesJSON() throws {
        let out = try KineticsCLI.run([
            "simulate", "compare-routes", "--species", "mouse", "--dose", "1e6", "--routes", "IV,IN", "--samples", "12",
            "--at", "2h", "--until", "1d", "--format", "json",
        ])
        #expect(out.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["at_h", "routes", "monte_carlo_samples", "seed"])
        #expect(json["at_h"] as? Double == 2)
        let routes = try #require(json["routes"] as? [[String: Any]])
        #expect(routes.compactMap { $0["route"] as? String } == ["IV", "IN"])
        #expect(
            Set(routes[0].keys) == [
                "route", "viable_pct", "label_pct", "viable_pct_p05", "viable_pct_p50", "viable_pct_p95",
                "lesion_cells",
                "lesion_auc_cell_h", "x_loc_cell_day", "effect_u", "safety_flags", "mass_balance_relative_error",
            ])
        let viable = try #require(routes[0]["viable_pct"] as? [String: Double])
        let lo = try #require(routes[0]["viable_pct_p05"] as? [String: Double])
        let hi = try #require(routes[0]["viable_pct_p95"] as? [String: Double])
        #expect(Set(viable.keys) == ["lung", "liver", "spleen", "kidney", "brain", "lesion"])
        #expect(lo["lung"]! <= hi["lung"]! && hi["lung"]! > 0)
    }

    @Test("--plot-quantity label draws label %ID")
    func labelPlot() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("label.svg").path
        let out = try KineticsCLI.run(Self.base + ["--plot", file, "--plot-quantity", "label", "--format", "csv"])
        #expect(out.status == 0)
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.contains("Cell label by organ") && svg.contains("Label (% of injected dose)"))
        #expect(svg.components(separatedBy: "<polygon").count == 1)  // no bands without --samples
    }
}
