import Foundation
import Testing

@Suite("stroma model export")
struct SimulateModelExportTests {
    /// libRoadRunner (CVODE, rtol 1e-10, atol 1e-12 × dose) on an SBML file: CSV of time and
    /// species amounts at `times`.
    ///
    /// Run as `python3 -c SCRIPT MODEL TIMES`.
    static let roadrunnerScript = """
        import sys, roadrunner
        r = roadrunner.RoadRunner(sys.argv[1])
        dose = sum(r.model.getFloatingSpeciesAmounts())
        r.integrator = "cvode"
        r.integrator.relative_tolerance = 1e-10
        r.integrator.absolute_tolerance = 1e-12 * dose
        r.integrator.maximum_num_steps = 1000000
        ids = list(r.model.getFloatingSpeciesIds())
        r.timeCourseSelections = ["time"] + ids
        res = r.simulate(times=[float(t) for t in sys.argv[2].split(",")])
        print(",".join(["time"] + ids))
        for row in res:
            print(",".join(repr(float(v)) for v in row))
        """

    @Test("writes SBML Level 3 Version 2 with one species per model state, or to stdout with -")
    func writesSBML() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.xml").path
        let args = ["--species", "rat", "--route", "IC", "--dose", "1e6"]
        let out = try KineticsCLI.run(["model", "export", "--sbml", file] + args)
        #expect(out.status == 0)
        #expect(out.stderr.hasPrefix("wrote \(file): SBML L3V2, "))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(
            text.contains("<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">"))
        let stdout = try KineticsCLI.run(["model", "export", "--sbml", "-"] + args)
        #expect(stdout.stdout == text)
    }

    @Test("The exported scenario (two doses, an override) simulated by libRoadRunner matches stroma simulate")
    func matchesRoadRunner() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.xml").path
        let scenario = [
            "--species", "rat", "--route", "IV", "--dose", "1e6", "--doses", "2", "--every", "2d", "--until", "4d",
            "--set", "kd_LU=0.05",
        ]
        let export = try KineticsCLI.run(["model", "export", "--sbml", file] + scenario)
        #expect(export.status == 0)
        let sim = try KineticsCLI.run(["simulate"] + scenario + ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sim.stdout.utf8)) as? [String: Any])
        let times = try #require(json["time_h"] as? [Double])
        let organs = try #require(json["organs"] as? [[String: Any]])
        func viable(_ name: String) throws -> [Double] {
            try #require(organs.first { $0["organ"] as? String == name }?["viable"] as? [Double])
        }
        // libRoadRunner (CVODE, rtol 1e-10) on the exported file, at the same output times.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", Self.roadrunnerScript, file, times.map { String($0) }.joined(separator: ","),
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let csv = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with libroadrunner is needed (scripts/install-test-tools)")
        let t = KineticsCLI.table(csv)
        let lung = KineticsCLI.column("T_LU", t)
        let lesion = zip(
            zip(KineticsCLI.column("T_LES", t), KineticsCLI.column("P", t)), KineticsCLI.column("E_eng", t)
        ).map { $0.0 + $0.1 + $1 }
        try #require(lung.count == times.count)
        for (name, rr) in [("lung", lung), ("lesion", lesion)] {
            let ours = try viable(name)
            for k in times.indices where rr[k] > 1e-6 * 2e6 {
                #expect(
                    abs(ours[k] - rr[k]) <= 1e-4 * rr[k],
                    "\(name) at \(times[k]) h: stroma \(ours[k]), roadrunner \(rr[k])")
            }
        }
        // The second dose at 48 h is in the exported model: lung cells jump.
        let k48 = try #require(times.firstIndex(of: 48))
        #expect(lung[k48 + 1] > lung[k48 - 1])
    }
}
