import Foundation

/// What is given to whom, when: species, immune context, route, dose and schedule.
///
/// Times are hours; t = 0 is the first administration, `afterInjury` hours after the injury.
/// Defaults: 24 h after injury, 7 days simulated, one bolus.
public struct Scenario: Sendable, Equatable {
    public var species: Species
    public var context: ImmuneContext
    public var route: AdministrationRoute
    /// Cells per administration, or cells/kg when `dosePerKg`.
    public var dose: Double
    public var dosePerKg: Bool
    public var afterInjury: Double
    public var until: Double
    /// Infusion duration in hours (IV only); 0 = bolus.
    public var infusion: Double
    public var doses: Int
    public var every: Double
    /// Output times (h); nil = ``defaultTimes(until:)``.
    public var outputTimes: [Double]?

    public init(
        species: Species, context: ImmuneContext? = nil, route: AdministrationRoute,
        dose: Double, dosePerKg: Bool = false, afterInjury: Double = 24, until: Double = 168,
        infusion: Double = 0, doses: Int = 1, every: Double = 0, outputTimes: [Double]? = nil
    ) {
        self.species = species
        self.context = context ?? species.defaultContext
        self.route = route
        self.dose = dose
        self.dosePerKg = dosePerKg
        self.afterInjury = afterInjury
        self.until = until
        self.infusion = infusion
        self.doses = doses
        self.every = every
        self.outputTimes = outputTimes
    }

    /// Checks the scenario; errors name the option and the valid range.
    public func validate() throws {
        guard dose.isFinite, dose > 0 else {
            throw KineticsError("dose '\(dose)' is invalid; it must be a number of cells > 0")
        }
        guard until.isFinite, until > 0 else {
            throw KineticsError("end time '\(until) h' is invalid; it must be > 0 hours")
        }
        guard afterInjury.isFinite, afterInjury >= 0 else {
            throw KineticsError("time after injury '\(afterInjury) h' is invalid; it must be ≥ 0 hours")
        }
        guard infusion.isFinite, infusion >= 0 else {
            throw KineticsError("infusion duration '\(infusion) h' is invalid; it must be ≥ 0 hours")
        }
        if infusion > 0 && route != .iv {
            throw KineticsError("an infusion duration applies only to route 'IV', not '\(route.rawValue)'")
        }
        guard doses >= 1 else {
            throw KineticsError("number of doses '\(doses)' is invalid; it must be ≥ 1")
        }
        if doses > 1 {
            guard every.isFinite, every > 0 else {
                throw KineticsError("dosing interval '\(every) h' is invalid; it must be > 0 hours when doses > 1")
            }
            guard every >= infusion else {
                throw KineticsError("dosing interval '\(every) h' is shorter than the infusion '\(infusion) h'")
            }
        }
        if let times = outputTimes {
            for t in times where !(t.isFinite && t >= 0) {
                throw KineticsError("output time '\(t)' is invalid; times must be ≥ 0 hours")
            }
        }
    }

    /// Administration times in hours (those ≤ `until`).
    public var administrationTimes: [Double] {
        (0..<doses).map { Double($0) * every }.filter { $0 <= until }
    }

    /// Default output grid: 0, 5 and 15 min, 30 min, 1, 2, 4, 6, 8, 12, 16, 20, 24 h, then every
    /// 12 h to 7 days, every 24 h to 60 days, every 7 days after, and `until`.
    public static func defaultTimes(until: Double) -> [Double] {
        var t: [Double] = [0, 1.0 / 12, 0.25, 0.5, 1, 2, 4, 6, 8, 12, 16, 20, 24]
        var x = 36.0
        while x < until {
            t.append(x)
            x += x < 168 ? 12 : (x < 1440 ? 24 : 168)
        }
        t.append(until)
        return Array(Set(t.filter { $0 <= until })).sorted()
    }
}

/// Parses durations such as `24h`, `30min`, `7d`, `2w`, `3mo`, `1y`, `90s` or a bare number of
/// hours, returning hours.
///
/// Months are 30.4375 days, years 365.25 days.
public func parseDuration(_ text: String, option: String = "duration") throws -> Double {
    let s = text.trimmingCharacters(in: .whitespaces).lowercased()
    let units: [(String, Double)] = [
        ("min", 1.0 / 60), ("mo", 730.5), ("h", 1), ("d", 24), ("w", 168), ("y", 8766),
        ("s", 1.0 / 3600),
    ]
    for (suffix, factor) in units where s.hasSuffix(suffix) {
        let number = s.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
        if let v = Double(number), v.isFinite, v >= 0 { return v * factor }
        break
    }
    if let v = Double(s), v.isFinite, v >= 0 { return v }
    throw KineticsError(
        "cannot read \(option) '\(text)'; expected a number ≥ 0 with a unit s, min, h, d, w, mo or y (e.g. 24h, 30min, 7d, 3mo)"
    )
}
