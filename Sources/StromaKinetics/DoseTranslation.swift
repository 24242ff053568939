import Foundation

/// Translating a cell dose between species (notes §5).
///
/// - `weight`: equal cells/kg.
/// - `bsa`: FDA body-surface-area scaling, HED/kg = dose/kg × Km_from/Km_to (Km mouse 3, rat 6,
///   human 37; U.S. FDA CDER, "Guidance for Industry: Estimating the Maximum Safe Starting Dose
///   in Initial Clinical Trials for Therapeutics in Adult Healthy Volunteers", July 2005,
///   Table 1). 1×10⁶ cells in a 250 g rat → 4×10⁶/kg × 6/37 = 6.49×10⁵ cells/kg. The guidance
///   is for small molecules; for cells it is a convention, not a mechanism.
/// - `exposure`: equal model exposure — either equal systemic exposure per kg
///   (X_sys = ∫₀^72h viable cells/BW dt) or equal lesion exposure per lesion volume
///   (X_loc/V_les) — computed with each species' defaults and immune context; the model is linear
///   in dose, so the matching dose is exact for the model.
public enum DoseTranslation {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case weight, bsa, exposure
    }

    /// One translated dose.
    public struct Row: Sendable, Encodable, Equatable {
        public var method: String
        public var cellsPerKg: Double
        public var cellsTotal: Double
        public var cellsPerSquareMetre: Double
        public var assumption: String

        enum CodingKeys: String, CodingKey {
            case method
            case cellsPerKg = "cells_per_kg"
            case cellsTotal = "cells_total"
            case cellsPerSquareMetre = "cells_per_m2"
            case assumption
        }
    }

    /// A dose used in a human trial, quoted from the notes for comparison.
    public struct TrialDose: Sendable, Encodable, Equatable {
        public var trial: String
        public var route: String
        public var dose: String
        public var cellsPerKg: Double?

        enum CodingKeys: String, CodingKey {
            case trial, route, dose
            case cellsPerKg = "cells_per_kg"
        }
    }

    /// Human doses used in trials (notes §5).
    ///
    /// `cellsPerKg` is a representative value: the middle
    /// dose of a range or of the dose arms, divided by 70 kg where a flat dose was given.
    public static let humanTrialDoses: [TrialDose] = [
        TrialDose(
            trial: "Levy ML et al. Stroke 2019 (chronic stroke, n=36)", route: "IV", dose: "0.5, 1.0, 1.5e6/kg",
            cellsPerKg: 1.0e6),
        TrialDose(trial: "Díez-Tejedor 2014 (AD-MSC)", route: "IV", dose: "1e6/kg", cellsPerKg: 1e6),
        TrialDose(
            trial: "Bang 2005; Lee 2010; Honmou 2011; Bhasin 2011", route: "IV", dose: "5e7–1e8 flat",
            cellsPerKg: 7.5e7 / 70),
        TrialDose(trial: "Jaillard 2020", route: "IV", dose: "1–3e8 flat", cellsPerKg: 2e8 / 70),
        TrialDose(
            trial: "MASTERS-2 (NCT03545607), MultiStem 18–36 h after stroke", route: "IV", dose: "1.2e9 flat",
            cellsPerKg: 1.2e9 / 70),
        TrialDose(trial: "Steinberg 2016 (SB623)", route: "IC", dose: "2.5, 5, 10e6 flat", cellsPerKg: 5e6 / 70),
        TrialDose(
            trial: "Vaquero J et al. Cytotherapy 2017 (SCI)", route: "IT", dose: "4 × 30e6 (months 1, 4, 7, 10)",
            cellsPerKg: 30e6 / 70),
        TrialDose(trial: "MSC-NTF ALS (NCT01051882)", route: "IT", dose: "60e6", cellsPerKg: 60e6 / 70),
    ]

    /// Translates `dose` cells per animal (or per kg) of `from` into doses for `to`.
    ///
    /// - Parameters:
    ///   - route: route for exposure matching (default IV).
    ///   - fromContext/toContext: immune contexts (defaults: species defaults).
    public static func translate(
        from: Species, dose: Double, perKg: Bool = false, to: Species,
        methods: [Method] = Method.allCases, route: AdministrationRoute = .iv,
        fromContext: ImmuneContext? = nil, toContext: ImmuneContext? = nil,
        afterInjury: Double = 24
    ) throws -> [Row] {
        guard dose.isFinite, dose > 0 else {
            throw KineticsError("dose '\(dose)' is invalid; it must be a number of cells > 0")
        }
        let pFrom = try ParameterSet.bundled(species: from, context: fromContext ?? from.defaultContext)
        let pTo = try ParameterSet.bundled(species: to, context: toContext ?? to.defaultContext)
        let bwFrom = pFrom["BW"], bwTo = pTo["BW"]
        let perKgFrom = perKg ? dose : dose / bwFrom
        var rows: [Row] = []
        func row(_ m: String, _ perKgTo: Double, _ text: String) -> Row {
            Row(
                method: m, cellsPerKg: perKgTo, cellsTotal: perKgTo * bwTo,
                cellsPerSquareMetre: perKgTo * to.km, assumption: text)
        }
        for method in methods {
            switch method {
            case .weight:
                rows.append(
                    row(
                        "weight", perKgFrom,
                        "equal cells/kg; \(from.rawValue) \(fmt(bwFrom)) kg, \(to.rawValue) \(fmt(bwTo)) kg"))
            case .bsa:
                rows.append(
                    row(
                        "bsa", perKgFrom * from.km / to.km,
                        "FDA body-surface-area HED: dose/kg × Km \(fmt(from.km))/\(fmt(to.km)) (FDA 2005); made for small molecules, not cells"
                    ))
            case .exposure:
                let unit = Scenario(species: to, context: toContext, route: route, dose: 1, until: 168)
                let src = Scenario(
                    species: from, context: fromContext, route: route, dose: perKgFrom * bwFrom, until: 168)
                let a = try Simulation.run(src, parameters: pFrom).effect!
                let b = try Simulation.run(unit, parameters: pTo).effect!
                rows.append(
                    row(
                        "exposure_systemic", a.systemicExposure / b.systemicExposure / bwTo,
                        "equal model X_sys = ∫0–72h viable cells/BW (\(route.rawValue), \(src.context.rawValue) → \(unit.context.rawValue)); depends heavily on death rates kd"
                    ))
                let volFrom = try Physiology(parameters: pFrom).lesionVolume
                let volTo = try Physiology(parameters: pTo).lesionVolume
                if b.localExposure > 0 {
                    let cells = a.localExposure / volFrom * volTo / b.localExposure
                    rows.append(
                        row(
                            "exposure_lesion", cells / bwTo,
                            "equal model X_loc per lesion volume (\(route.rawValue), lesion \(fmt(volFrom * 1000)) mL → \(fmt(volTo * 1000)) mL, 7 days)"
                        ))
                }
            }
        }
        return rows
    }

    static func fmt(_ x: Double) -> String { String(format: "%.3g", x) }
}
