import Foundation
import Testing
import _StromaTestSupport
@testable import StromaKinetics

@Suite struct ParameterTests {
    @Test(
        "Every bundled parameter has a source and an evidence tag; assumed values say so", arguments: Species.allCases)
    func provenance(species: Species) throws {
        for context in ImmuneContext.allCases {
            let p = try ParameterSet.bundled(species: species, context: context)
            #expect(p.parameters.count > 60)
            for parameter in p.parameters {
                #expect(!parameter.source.isEmpty, "\(parameter.name)")
                #expect(parameter.kind.admits(parameter.value), "\(parameter.name) = \(parameter.value)")
                if parameter.distribution != .fixed {
                    let lo = try #require(parameter.low), hi = try #require(parameter.high)
                    #expect(lo <= parameter.value && parameter.value <= hi, "\(parameter.name) range")
                }
            }
        }
    }

    @Test("Context sets the death rates named in the notes")
    func contexts() throws {
        #expect(try ParameterSet.bundled(species: .mouse, context: .xenogeneic).value("kd_LU") == 0.029)
        #expect(try ParameterSet.bundled(species: .mouse, context: .syngeneic).value("kd_LU") == 0.12)
        #expect(try ParameterSet.bundled(species: .human, context: .allogeneic).value("kd_LU") == 0.05)
    }

    @Test("Overrides by the notes' names, from --set and from files")
    func overrides() throws {
        var p = try ParameterSet.bundled(species: .rat, context: .xenogeneic)
        try p.apply(assignments: ["E_LU=0.99", "kd_LU = 0.05", "t_peak=72"])
        #expect(p["E_LU"] == 0.99 && p["kd_LU"] == 0.05 && p["t_peak"] == 72)
        #expect(p.entries["kd_LU"]!.evidence == .assumed)
        let dir = FileManager.default.temporaryDirectory
        let json = dir.appendingPathComponent("kin-override-\(UUID()).json")
        try #"{"krel_BR": 0.1, "f_debSP": 0.7}"#.write(to: json, atomically: true, encoding: .utf8)
        try p.apply(overrideFile: json)
        #expect(p["krel_BR"] == 0.1 && p["f_debSP"] == 0.7)
        let text = dir.appendingPathComponent("kin-override-\(UUID()).txt")
        try "# comment\nkrel_LES=0.01\n".write(to: text, atomically: true, encoding: .utf8)
        try p.apply(overrideFile: text)
        #expect(p["krel_LES"] == 0.01)
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var assignment: String
        var message: String
        var testDescription: String { assignment }
    }

    @Test(
        "Bad parameter assignments give one-line errors naming the value and valid range",
        arguments: [
            BadInput(
                assignment: "kd_LU=-1", message: "parameter 'kd_LU' = -1.0 is out of range; it must be a rate ≥ 0"),
            BadInput(
                assignment: "E_LU=1.5",
                message: "parameter 'E_LU' = 1.5 is out of range; it must be a fraction in [0, 1]"),
            BadInput(assignment: "BW=0", message: "parameter 'BW' = 0.0 is out of range; it must be a value > 0"),
            BadInput(
                assignment: "kd_LU=fast",
                message: "cannot read the value 'fast' of parameter 'kd_LU'; expected a number"),
            BadInput(assignment: "kdLU", message: "cannot read 'kdLU'; expected NAME=VALUE, e.g. kd_LU=0.05"),
        ])
    func badAssignments(_ bad: BadInput) throws {
        var p = try ParameterSet.bundled(species: .rat, context: .xenogeneic)
        #expect(throws: KineticsError(bad.message)) { try p.apply(assignments: [bad.assignment]) }
    }

    @Test("Unknown parameter lists the valid names")
    func unknownParameter() throws {
        var p = try ParameterSet.bundled(species: .rat, context: .xenogeneic)
        do {
            try p.apply(assignments: ["kd_XX=1"])
            Issue.record("no error")
        } catch let e as KineticsError {
            #expect(e.description.hasPrefix("unknown parameter 'kd_XX'; valid names: "))
            #expect(e.description.contains("kd_LU") && !e.description.contains("\n"))
        }
    }

    @Test("Bad species, route, context and durations name the value and the valid ones")
    func badNames() {
        #expect(throws: KineticsError("unknown species 'dog'; valid: mouse, rat, human")) { try Species.parse("dog") }
        #expect(throws: KineticsError("unknown route 'SC'; valid: IV, IA, IC, ICV, IT, IN")) {
            try AdministrationRoute.parse("SC")
        }
        #expect(throws: KineticsError("unknown immune context 'auto'; valid: xenogeneic, syngeneic, allogeneic")) {
            try ImmuneContext.parse("auto")
        }
        #expect(
            throws: KineticsError(
                "cannot read --until '7days'; expected a number ≥ 0 with a unit s, min, h, d, w, mo or y (e.g. 24h, 30min, 7d, 3mo)"
            )
        ) {
            try parseDuration("7days", option: "--until")
        }
    }

    @Test(
        "Durations",
        arguments: [
            ("24h", 24.0), ("30min", 0.5), ("7d", 168), ("3mo", 2191.5), ("2w", 336), ("90s", 0.025), ("1.5", 1.5),
        ])
    func durations(text: String, hours: Double) throws {
        #expect(isClose(try parseDuration(text), hours, relative: 1e-12))
    }

    @Test("Bad doses and schedules are rejected with the valid range")
    func badScenario() {
        #expect(throws: KineticsError("dose '-5.0' is invalid; it must be a number of cells > 0")) {
            try Scenario(species: .rat, route: .iv, dose: -5).validate()
        }
        #expect(throws: KineticsError("dose '0.0' is invalid; it must be a number of cells > 0")) {
            try Scenario(species: .rat, route: .iv, dose: 0).validate()
        }
        #expect(throws: KineticsError("an infusion duration applies only to route 'IV', not 'IA'")) {
            try Scenario(species: .rat, route: .ia, dose: 1e6, infusion: 0.5).validate()
        }
        #expect(throws: KineticsError("dosing interval '0.0 h' is invalid; it must be > 0 hours when doses > 1")) {
            try Scenario(species: .rat, route: .iv, dose: 1e6, doses: 3).validate()
        }
    }
}
