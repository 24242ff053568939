import Foundation
import Testing
import _StromaTestSupport
@testable import StromaKinetics

/// Cross-check of the SBML export: libRoadRunner (CVODE BDF, rtol 1e-10) simulates the exported
/// model with `scripts/reference/roadrunner/simulate_sbml.py`, and its organ viable cells, lesion
/// cells and label must match Stroma's own trajectories within 1e-4 relative wherever a value
/// exceeds 1e-6 of the dose given.
///
/// python3 with libroadrunner is required (installed by
/// `scripts/install-test-tools`); when it is missing the tests fail, they never skip.
@Suite struct RoadRunnerCrossCheckTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var scenario: Scenario
        var set: [String] = []
        var testDescription: String { name }
    }

    /// Output times include the later dose times of the schedules (36, 48, 96 h): both tools
    /// report the value just after the dose there.
    static let times: [Double] = [0, 0.05, 0.25, 1, 2, 4, 8, 16, 24, 30, 36, 47, 48, 60, 72, 96, 100, 121, 150, 168]

    static func scenario(
        _ species: Species, _ route: AdministrationRoute, dose: Double = 1e6, afterInjury: Double = 24,
        infusion: Double = 0, doses: Int = 1, every: Double = 0, context: ImmuneContext? = nil
    ) -> Scenario {
        Scenario(
            species: species, context: context, route: route, dose: dose, afterInjury: afterInjury,
            until: 168, infusion: infusion, doses: doses, every: every, outputTimes: times)
    }

    static let routeCases: [Case] = [Species.rat, .human].flatMap { s in
        [AdministrationRoute.iv, .ia, .ic].map { r in
            Case(name: "\(s.rawValue) \(r.rawValue) bolus", scenario: scenario(s, r, dose: s == .human ? 1e8 : 1e6))
        }
    }

    static let scheduleCases: [Case] = [
        Case(
            name: "rat IV 30 min infusion ×3 every 48 h, 6 h after injury, overrides",
            scenario: scenario(.rat, .iv, afterInjury: 6, infusion: 0.5, doses: 3, every: 48),
            set: ["f_debSP=0.7", "t_peak=72", "kd_LU=0.05", "E_LU=0.99", "krel_BR=0.05"]),
        Case(
            name: "human IA ×2 every 36 h, 3 days after injury, syngeneic-like rates",
            scenario: scenario(.human, .ia, dose: 5e7, afterInjury: 72, doses: 2, every: 36),
            set: ["kd_vasc=0.12", "H_max=8", "f_les=0.05", "r_perf=1.4"]),
        Case(
            name: "mouse ICV 2 h after injury",
            scenario: scenario(.mouse, .icv, afterInjury: 2)),
        Case(name: "rat IT with spinal-lesion entry", scenario: scenario(.rat, .it), set: ["k_lum_les=0.01"]),
        Case(name: "mouse IN syngeneic", scenario: scenario(.mouse, .in, context: .syngeneic)),
        Case(
            name: "human IV infusion 2 h at t = 0 after injury (homing drive from τ = 0)",
            scenario: scenario(.human, .iv, dose: 1.5e6, afterInjury: 0, infusion: 2), set: []),
    ]

    @Test("libRoadRunner on the exported SBML reproduces IV, IA and IC in rat and human", arguments: routeCases)
    func routes(_ c: Case) throws { try Self.check(c) }

    @Test(
        "libRoadRunner reproduces infusions, repeated doses, time after injury and overrides", arguments: scheduleCases)
    func schedules(_ c: Case) throws { try Self.check(c) }

    @Test("The exported SBML passes libSBML's consistency checks (roadrunner.validateSBML)")
    func validates() throws {
        let c = Self.scheduleCases[0]
        let p = try Simulation.parameters(for: c.scenario, assignments: c.set)
        let xml = try SBMLExport.document(scenario: c.scenario, parameters: p)
        #expect(xml.contains("level=\"3\" version=\"2\""))
        _ = try Self.roadRunner(xml, times: [0, 1], validate: true)
    }

    // MARK: helpers

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the reference script on `xml`, returning columns by SBML species id.
    static func roadRunner(_ xml: String, times: [Double], validate: Bool = false) throws -> [String: [Double]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-rr-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("model.xml")
        try xml.write(to: model, atomically: true, encoding: .utf8)
        let script = repositoryRoot.appendingPathComponent("scripts/reference/roadrunner/simulate_sbml.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, model.path, times.map { String($0) }.joined(separator: ",")]
            + (validate ? ["--validate"] : [])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw CrossCheckFailure("cannot start python3 (\(error)); run scripts/install-test-tools")
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 3, 127:
            throw CrossCheckFailure(
                "python3 with libroadrunner is missing; run scripts/install-test-tools (\(stderr.prefix(300)))")
        default:
            throw CrossCheckFailure("simulate_sbml.py exited with \(process.terminationStatus): \(stderr.prefix(2000))")
        }
        let lines = String(decoding: stdout, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: ",").map(String.init) else {
            throw CrossCheckFailure("simulate_sbml.py printed nothing")
        }
        var columns: [String: [Double]] = [:]
        for line in lines.dropFirst() {
            for (name, field) in zip(header, line.split(separator: ",")) {
                columns[name, default: []].append(Double(field)!)
            }
        }
        return columns
    }

    static func check(_ c: Case) throws {
        let p = try Simulation.parameters(for: c.scenario, assignments: c.set)
        let ours = try Simulation.run(c.scenario, parameters: p, derived: false)
        let xml = try SBMLExport.document(scenario: c.scenario, parameters: p)
        let rr = try roadRunner(xml, times: ours.times)
        let rrTimes = try #require(rr["time"])
        #expect(rrTimes == ours.times)
        func sum(_ ids: [String], _ source: [String: [Double]], sbml: Bool) throws -> [Double] {
            var total = [Double](repeating: 0, count: ours.times.count)
            for id in ids {
                let column = try #require(source[sbml ? SBMLExport.sbmlID(id) : id], "state \(id)")
                for k in total.indices { total[k] += column[k] }
            }
            return total
        }
        var quantities: [(String, [String])] = []
        for g in Simulation.organGroups {
            quantities.append(("\(g.name) viable", g.viable))
            if let l = g.label { quantities.append(("\(g.name) label", g.viable + [l])) }
        }
        quantities += [
            ("lesion cells", ["T_LES", "P", "E"]), ("lesion vascular", ["T_LES"]),
            ("lesion parenchymal", ["P"]), ("lesion engrafted", ["E"]),
        ]
        var compared = 0
        for (name, ids) in quantities {
            let a = try sum(ids, ours.stateValues, sbml: false)
            let b = try sum(ids, rr, sbml: true)
            for k in a.indices {
                let floor = 1e-6 * max(ours.doseGiven[k], 1)
                guard max(abs(a[k]), abs(b[k])) > floor else { continue }
                compared += 1
                #expect(
                    isClose(a[k], b[k], relative: Tolerance.trajectory, absolute: 0),
                    "\(c.name): \(name) at \(ours.times[k]) h: Stroma \(a[k]), libRoadRunner \(b[k])")
            }
        }
        #expect(compared > 50, "only \(compared) values above 1e-6 of the dose")
        // The SBML model conserves mass too (all states, libRoadRunner side).
        let ids = ours.stateValues.keys.map(SBMLExport.sbmlID)
        for k in ours.times.indices where ours.doseGiven[k] > 0 {
            let total = ids.reduce(0) { $0 + (rr[$1]?[k] ?? .nan) }
            #expect(isClose(total, ours.doseGiven[k], relative: 1e-6), "\(c.name): SBML total at \(ours.times[k]) h")
        }
    }
}

struct CrossCheckFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
