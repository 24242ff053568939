import ArgumentParser
import Foundation
import StromaKinetics

/// The scenario options shared by `simulate`, `simulate compare-routes` and `model export`
/// (everything except the route): species, immune context, dose, schedule and parameter overrides.
struct ScenarioOptions: ParsableArguments {
    @Option(help: "Species: mouse, rat or human.")
    var species: String

    @Option(parsing: .unconditional, help: "Cells per administration (or cells/kg with --per-kg), e.g. 1e6.")
    var dose: String

    @Flag(name: .customLong("per-kg"), help: "Read --dose as cells per kg body weight.")
    var perKg = false

    @Option(
        help:
            "Immune context: xenogeneic, syngeneic or allogeneic (default: xenogeneic for rodents, allogeneic for humans)."
    )
    var context: String?

    @Option(
        name: .customLong("after-injury"), parsing: .unconditional,
        help: "Time from injury to the first administration, e.g. 24h, 7d (default 24h).")
    var afterInjury: String = "24h"

    @Option(
        parsing: .unconditional, help: "Simulated time after the first administration, e.g. 72h, 7d, 1y (default 7d).")
    var until: String = "7d"

    @Option(parsing: .unconditional, help: "IV infusion duration, e.g. 30min (default: bolus).")
    var infusion: String?

    @Option(parsing: .unconditional, help: "Number of administrations (default 1).")
    var doses: String = "1"

    @Option(parsing: .unconditional, help: "Interval between administrations, e.g. 3mo (needed with --doses > 1).")
    var every: String?

    @Option(
        name: .customLong("set"), parsing: .singleValue,
        help: "Override a parameter, NAME=VALUE (repeatable), e.g. --set f_debSP=0.7.")
    var assignments: [String] = []

    @Option(name: .customLong("params"), help: "Parameter override file: JSON {\"NAME\": value} or NAME=VALUE lines.")
    var parameterFile: String?

    /// Reads a number option; the error names the option, the value and the valid range.
    static func number(_ text: String, option: String, range: String) throws -> Double {
        guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            throw KineticsError("cannot read \(option) '\(text)'; expected \(range)")
        }
        return v
    }

    /// The scenario for `route`, checked.
    func scenario(route: AdministrationRoute) throws -> Scenario {
        let species = try Species.parse(self.species)
        let context = try self.context.map(ImmuneContext.parse)
        let dose = try Self.number(self.dose, option: "--dose", range: "a number of cells > 0, e.g. 1e6")
        guard dose > 0 else {
            throw KineticsError("--dose '\(self.dose)' is invalid; it must be a number of cells > 0, e.g. 1e6")
        }
        guard let count = Int(doses.trimmingCharacters(in: .whitespaces)), count >= 1 else {
            throw KineticsError("--doses '\(doses)' is invalid; it must be a whole number ≥ 1")
        }
        let untilHours = try parseDuration(until, option: "--until")
        guard untilHours > 0 else {
            throw KineticsError("--until '\(until)' is invalid; it must be a duration > 0, e.g. 7d")
        }
        var scenario = Scenario(
            species: species, context: context, route: route, dose: dose, dosePerKg: perKg,
            afterInjury: try parseDuration(afterInjury, option: "--after-injury"),
            until: untilHours,
            infusion: try infusion.map { try parseDuration($0, option: "--infusion") } ?? 0,
            doses: count, every: try every.map { try parseDuration($0, option: "--every") } ?? 0)
        if count > 1 && every == nil {
            throw KineticsError("--doses \(count) needs --every (the interval between administrations, e.g. 3mo)")
        }
        try scenario.validate()
        if count > 1 { scenario.outputTimes = Self.repeatedDoseTimes(scenario) }
        return scenario
    }

    /// Output times for repeated doses: the default grid, plus the first-week grid after every
    /// later administration (so each dose's lung peak and redistribution are resolved).
    static func repeatedDoseTimes(_ scenario: Scenario) -> [Double] {
        var times = Set(Scenario.defaultTimes(until: scenario.until))
        for a in scenario.administrationTimes.dropFirst() {
            for t in Scenario.defaultTimes(until: min(168, scenario.until - a)) where a + t <= scenario.until {
                times.insert(a + t)
            }
        }
        return times.sorted()
    }

    /// The parameter set: bundled defaults, then `--params`, then `--set`.
    func parameters(for scenario: Scenario) throws -> ParameterSet {
        let file = parameterFile.map { URL(fileURLWithPath: $0) }
        if let file, !FileManager.default.fileExists(atPath: file.path) {
            throw KineticsError("parameter file '\(file.path)' does not exist")
        }
        return try Simulation.parameters(for: scenario, overrideFile: file, assignments: assignments)
    }
}

/// `--samples N --seed S` for Monte Carlo bands.
struct MonteCarloOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Monte Carlo samples over parameters and virtual subjects (0 = none).")
    var samples: String = "0"

    @Option(parsing: .unconditional, help: "Random seed for --samples (default 1).")
    var seed: String = "1"

    func sampleCount() throws -> Int {
        guard let n = Int(samples.trimmingCharacters(in: .whitespaces)), n >= 0, n <= 10_000_000 else {
            throw KineticsError("--samples '\(samples)' is invalid; it must be a whole number from 0 to 10000000")
        }
        return n
    }

    func seedValue() throws -> UInt64 {
        guard let s = UInt64(seed.trimmingCharacters(in: .whitespaces)) else {
            throw KineticsError("--seed '\(seed)' is invalid; it must be a whole number ≥ 0")
        }
        return s
    }
}

/// Parses a route argument with the library's one-line error.
func parseRoute(_ text: String) throws -> AdministrationRoute {
    try AdministrationRoute.parse(text)
}
