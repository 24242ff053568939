import Foundation
import Testing
import _StromaTestSupport
@testable import StromaKinetics

/// Bad input gives one-line `KineticsError`s that name the value and say what is valid.
@Suite struct InputErrorTests {
    static func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as KineticsError { return e.description } catch { return "\(error)" }
        return nil
    }

    @Test(
        "Durations that do not parse name the option, the text and the valid units",
        arguments: ["-3h", "", "soon", "3 hours", "1e400h"])
    func badDuration(text: String) {
        #expect(
            Self.message { _ = try parseDuration(text, option: "--after-injury") }
                == "cannot read --after-injury '\(text)'; expected a number ≥ 0 with a unit s, min, h, d, w, mo or y (e.g. 24h, 30min, 7d, 3mo)"
        )
    }

    @Test("Scenario times out of range")
    func badTimes() {
        #expect(
            Self.message { try Scenario(species: .rat, route: .iv, dose: 1e6, until: 0).validate() }
                == "end time '0.0 h' is invalid; it must be > 0 hours")
        #expect(
            Self.message { try Scenario(species: .rat, route: .iv, dose: 1e6, afterInjury: -1).validate() }
                == "time after injury '-1.0 h' is invalid; it must be ≥ 0 hours")
        #expect(
            Self.message { try Scenario(species: .rat, route: .iv, dose: 1e6, doses: 0).validate() }
                == "number of doses '0' is invalid; it must be ≥ 1")
        #expect(
            Self.message {
                try Scenario(species: .rat, route: .iv, dose: 1e6, infusion: 2, doses: 2, every: 1).validate()
            }
                == "dosing interval '1.0 h' is shorter than the infusion '2.0 h'")
        #expect(
            Self.message { try Scenario(species: .rat, route: .iv, dose: .infinity).validate() }
                == "dose 'inf' is invalid; it must be a number of cells > 0")
    }

    @Test("Monte Carlo sample count must be ≥ 1")
    func badSamples() throws {
        let s = Scenario(species: .rat, route: .iv, dose: 1e6)
        let p = try Simulation.parameters(for: s)
        #expect(
            Self.message { _ = try MonteCarlo(samples: 0).run(s, parameters: p) }
                == "number of samples '0' is invalid; it must be ≥ 1")
    }

    @Test("Override files: unknown names, non-numbers and missing files are named")
    func badOverrideFiles() throws {
        let dir = FileManager.default.temporaryDirectory
        let json = dir.appendingPathComponent("kin-bad-\(UUID()).json")
        try #"{"f_debSP": "high"}"#.write(to: json, atomically: true, encoding: .utf8)
        var p = try ParameterSet.bundled(species: .human, context: .allogeneic)
        #expect(
            Self.message { try p.apply(overrideFile: json) }
                == "parameter file '\(json.path)': value of 'f_debSP' is not a number")
        let range = dir.appendingPathComponent("kin-bad-\(UUID()).txt")
        try "f_debSP=1.7\n".write(to: range, atomically: true, encoding: .utf8)
        #expect(
            Self.message { try p.apply(overrideFile: range) }
                == "parameter 'f_debSP' = 1.7 is out of range; it must be a fraction in [0, 1]")
        let missing = dir.appendingPathComponent("no-such-\(UUID()).json")
        #expect(Self.message { try p.apply(overrideFile: missing) } == "cannot read parameter file '\(missing.path)'")
        let unknown = dir.appendingPathComponent("kin-bad-\(UUID()).txt")
        try "kd_XYZ=0.1\n".write(to: unknown, atomically: true, encoding: .utf8)
        let m = try #require(Self.message { try p.apply(overrideFile: unknown) })
        #expect(m.hasPrefix("unknown parameter 'kd_XYZ'; valid names: ") && !m.contains("\n"))
    }

    @Test(
        "A negative rate and a flow-breaking lesion size are rejected",
        arguments: ["krel_BR=-0.01", "t_peak=0", "r_perf=20"])
    func physicalRange(assignment: String) throws {
        let s = Scenario(species: .rat, route: .iv, dose: 1e6)
        let m = try #require(
            Self.message {
                _ = try Simulation.run(s, parameters: Simulation.parameters(for: s, assignments: [assignment]))
            })
        #expect(!m.contains("\n"))
        #expect(m.contains(String(assignment.split(separator: "=")[0])) || m.contains("Q_"), "\(m)")
    }
}
