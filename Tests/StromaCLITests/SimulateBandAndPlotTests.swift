import Foundation
import Testing

/// Issue 17 items 5 and 9: Monte Carlo bands are shown around their own median (the deterministic run
/// separately labelled), and the default organ time-course chart has a logarithmic axis so that the lesion is
/// visible.
@Suite struct SimulateBandAndPlotTests {
    @Test("compare-routes --samples: every median lies inside its band; table and chart label both values")
    func bandsContainTheirMedian() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("routes.svg").path
        let base = [
            "simulate", "compare-routes", "--species", "rat", "--dose", "1e6", "--routes", "IV,IA,IN", "--samples",
            "40", "--until", "2d",
        ]
        let out = try KineticsCLI.run(base + ["--format", "json", "--plot", chart])
        try #require(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let routes = try #require(json["routes"] as? [[String: Any]])
        var checked = 0
        var aboveFloor = 0  // deterministic values drawn as markers (the chart's floor is 1e-4 %)
        for route in routes {
            let deterministic = try #require(route["viable_pct"] as? [String: Double])
            aboveFloor += deterministic.values.filter { $0 > 1e-4 }.count
            let lo = try #require(route["viable_pct_p05"] as? [String: Double])
            let mid = try #require(route["viable_pct_p50"] as? [String: Double])
            let hi = try #require(route["viable_pct_p95"] as? [String: Double])
            for (organ, median) in mid {
                #expect(lo[organ]! <= median && median <= hi[organ]!, "\(route["route"] ?? ""), \(organ)")
                checked += 1
            }
        }
        #expect(checked == 18)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.contains("bars: median"))
        #expect(svg.contains("deterministic run (default parameters)"))
        // One diamond per deterministic value above the floor, plus the legend's.
        #expect(svg.components(separatedBy: "class=\"marker\"").count - 1 == aboveFloor + 1)
        let table = try KineticsCLI.run(base)
        #expect(table.status == 0)
        #expect(table.stdout.contains("deterministic run (default parameters)"))
        #expect(table.stdout.contains("median [5th–95th percentile]"))
    }

    @Test("simulate --plot: logarithmic by default (same as --log), linear only with --linear")
    func defaultPlotIsLogarithmic() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["simulate", "--species", "rat", "--route", "IV", "--dose", "1e6", "--until", "3d"]
        var charts: [String: String] = [:]
        for (name, extra) in [("default", [String]()), ("log", ["--log"]), ("linear", ["--linear"])] {
            let file = folder.appendingPathComponent("\(name).svg").path
            let out = try KineticsCLI.run(base + ["--plot", file] + extra)
            try #require(out.status == 0, "\(out.stderr)")
            charts[name] = try String(contentsOfFile: file, encoding: .utf8)
        }
        #expect(charts["default"] == charts["log"])
        #expect(charts["default"] != charts["linear"])
        #expect(charts["default"]!.contains(">1e-4<") || charts["default"]!.contains(">0.001<"))
    }
}
