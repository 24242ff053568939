import Foundation

/// Per-organ time courses of one organ group (JSON keys in `docs/kinetics-model.md`).
public struct OrganTimeCourse: Sendable, Encodable {
    public var organ: String
    /// Organ mass (g), nil for blood/CSF/nasal.
    public var massGrams: Double?
    /// Viable cells.
    public var viable: [Double]
    /// Viable cells, % of the dose given so far.
    public var viablePercent: [Double]
    /// Label signal = viable + dead-cell label, % of the dose given so far (decay-corrected);
    /// what a radiolabel, iron or dye image of the organ measures.
    public var labelPercent: [Double]
    /// Label signal, %ID per gram of organ.
    public var labelPercentPerGram: [Double]?
    /// Dead-cell label (debris) only, % of the dose given so far.
    public var deadLabelPercent: [Double]
    /// ∫₀ᵗ viable cells dt (cell·h).
    public var aucCellHours: [Double]

    enum CodingKeys: String, CodingKey {
        case organ, viable
        case massGrams = "mass_g"
        case viablePercent = "viable_pct"
        case labelPercent = "label_pct"
        case labelPercentPerGram = "label_pct_per_g"
        case deadLabelPercent = "dead_label_pct"
        case aucCellHours = "auc_cell_h"
    }
}

/// Result of one simulation: time courses, factors, effect, flags and checks.
public struct SimulationResult: Sendable, Encodable {
    public var scenario: Scenario
    public var bodyWeight: Double
    /// Cells per administration.
    public var cellsPerDose: Double
    public var times: [Double]
    /// Cumulative dose given by each time (cells).
    public var doseGiven: [Double]
    public var organs: [OrganTimeCourse]
    public var lesionVascular: [Double]
    public var lesionParenchymal: [Double]
    public var lesionEngrafted: [Double]
    /// |Σ states − dose given| / dose given, maximum over the recorded times.
    public var massBalanceError: Double
    /// Most negative state / dose (0 when none is negative).
    public var mostNegative: Double
    public var factors: [FactorTimeCourse]
    public var effect: EffectEstimate?
    public var safetyFlags: [String]
    public var warnings: [String]
    /// Hours after the last administration until total viable cells fall to 10% / 1% of the
    /// dose given (nil if not reached).
    public var timeTo10Percent: Double?
    public var timeTo1Percent: Double?
    /// Raw state values at the output times, by state id (for cross-checks and export).
    public var stateValues: [String: [Double]]
    public var stepsTaken: Int

    enum CodingKeys: String, CodingKey {
        case scenario
        case times = "time_h"
        case bodyWeight = "body_weight_kg"
        case cellsPerDose = "cells_per_dose"
        case doseGiven = "dose_given_cells"
        case organs
        case lesionVascular = "lesion_vascular"
        case lesionParenchymal = "lesion_parenchymal"
        case lesionEngrafted = "lesion_engrafted"
        case massBalanceError = "mass_balance_relative_error"
        case factors, effect
        case safetyFlags = "safety_flags"
        case warnings
        case timeTo10Percent = "time_to_10pct_viable_h"
        case timeTo1Percent = "time_to_1pct_viable_h"
    }

    /// The organ time course named `organ` (`lung`, `liver`, …).
    public func organ(_ name: String) -> OrganTimeCourse? { organs.first { $0.organ == name } }

    /// Index of the output time closest to `t`.
    public func index(at t: Double) -> Int {
        var best = 0
        for (i, x) in times.enumerated() where abs(x - t) < abs(times[best] - t) { best = i }
        return best
    }

    init(
        scenario: Scenario, parameters: ParameterSet, model: CellModel, perDose: Double,
        trajectory: Trajectory, outputTimes: [Double], derived: Bool
    ) throws {
        self.scenario = scenario
        bodyWeight = model.physiology.bodyWeight
        cellsPerDose = perDose
        stepsTaken = trajectory.steps
        let n = model.states.count
        let adminTimes = scenario.administrationTimes
        func given(_ t: Double) -> Double {
            var total = 0.0
            for a in adminTimes where a <= t {
                if scenario.infusion > 0 {
                    total += perDose * min(1, (t - a) / scenario.infusion)
                } else {
                    total += perDose
                }
            }
            return total
        }
        let allTimes = trajectory.times
        let pick = outputTimes.map { t in allTimes.firstIndex(of: t)! }
        times = outputTimes
        doseGiven = outputTimes.map(given)
        let ids = model.states.map(\.id)
        func series(_ id: String, _ source: [[Double]], _ rows: [Int]) -> [Double] {
            let i = ids.firstIndex(of: id)!
            return rows.map { source[$0][i] }
        }
        var values: [String: [Double]] = [:]
        for id in ids { values[id] = series(id, trajectory.values, pick) }
        stateValues = values
        var organs: [OrganTimeCourse] = []
        let mass = model.physiology.organMass
        for group in Simulation.organGroups {
            let viable = outputTimes.indices.map { k in group.viable.reduce(0) { $0 + values[$1]![k] } }
            let auc = pick.map { row in
                group.viable.reduce(0) { $0 + trajectory.integrals[row][ids.firstIndex(of: $1)!] }
            }
            let label = group.label.map { values[$0]! } ?? viable.map { _ in 0 }
            let dg = doseGiven
            let pct = { (x: [Double]) in x.indices.map { dg[$0] > 0 ? 100 * x[$0] / dg[$0] : 0 } }
            let labelPct = pct(zip(viable, label).map { $0 + $1 })
            let g = group.mass.flatMap { mass[$0] }
            organs.append(
                OrganTimeCourse(
                    organ: group.name, massGrams: g, viable: viable, viablePercent: pct(viable),
                    labelPercent: labelPct, labelPercentPerGram: g.map { m in labelPct.map { $0 / m } },
                    deadLabelPercent: pct(label), aucCellHours: auc))
        }
        self.organs = organs
        lesionVascular = values["T_LES"]!
        lesionParenchymal = values["P"]!
        lesionEngrafted = values["E"]!
        // Mass balance and sign over all recorded times.
        var worst = 0.0
        var negative = 0.0
        for (row, t) in allTimes.enumerated() {
            let total = trajectory.values[row].reduce(0, +)
            let d = given(t)
            if d > 0 { worst = max(worst, abs(total - d) / d) }
            if let m = trajectory.values[row].min(), d > 0 { negative = min(negative, m / d) }
        }
        massBalanceError = worst
        mostNegative = negative
        // Time to 10% / 1% viable after the last administration.
        let viableIdx = model.states.indices.filter { model.states[$0].kind == .viable }
        let last = adminTimes.last ?? 0
        var t10: Double?
        var t1: Double?
        for (row, t) in allTimes.enumerated() where t > last + scenario.infusion {
            let v = viableIdx.reduce(0) { $0 + trajectory.values[row][$1] }
            let d = given(t)
            if t10 == nil && v <= 0.1 * d { t10 = t - last }
            if t1 == nil && v <= 0.01 * d { t1 = t - last }
        }
        timeTo10Percent = t10
        timeTo1Percent = t1
        var warnings: [String] = []
        var flags: [String] = []
        if derived {
            factors = try FactorTimeCourse.compute(
                model: model, parameters: parameters, trajectory: trajectory, outputRows: pick)
            let eff = try EffectEstimate.compute(
                model: model, parameters: parameters, trajectory: trajectory,
                scenario: scenario, warnings: &warnings)
            effect = eff
            flags = SimulationResult.safetyFlags(model: model, trajectory: trajectory, route: scenario.route)
        } else {
            factors = []
            effect = nil
        }
        if scenario.context == .allogeneic && scenario.species != .human {
            warnings.append("the 'allogeneic' context has human death rates; for rodents use xenogeneic or syngeneic")
        }
        if worst > 1e-6 {
            warnings.append("mass balance error \(worst) exceeds 1e-6 of the dose")
        }
        safetyFlags = flags
        self.warnings = warnings
        _ = n
    }

    /// Lung and brain microvascular load flags (notes §3.2).
    ///
    /// Lung: arrested cells per g lung above that of a 5×10⁶ IV dose in a 25 g mouse
    /// (≈2.7×10⁷ cells/g, the largest tolerated rodent IV dose in the notes). Brain (IA):
    /// arrested cells per g brain above those of a 1×10⁶ IA dose in a 250 g rat (≈6.3×10⁵
    /// cells/g), where CBF fall and emboli were reported (Cui LL et al. Stem Cell Res Ther
    /// 2015;6:11). Both thresholds are derived assumptions.
    static func safetyFlags(model: CellModel, trajectory: Trajectory, route: AdministrationRoute) -> [String] {
        let lu = model.index("T_LU"), br = model.index("T_BR"), les = model.index("T_LES")
        let mass = model.physiology.organMass
        let lungPeak = trajectory.values.map { $0[lu] }.max() ?? 0
        let brainPeak = trajectory.values.map { $0[br] + $0[les] }.max() ?? 0
        var flags: [String] = []
        let lungLoad = lungPeak / mass["LU"]!
        if lungLoad > 2.7e7 {
            flags.append(
                String(
                    format:
                        "lung microvascular load %.3g cells/g exceeds 2.7e7 cells/g (largest tolerated mouse IV dose, ~5e6 cells)",
                    lungLoad))
        }
        let brainLoad = brainPeak / (mass["BR"]! + mass["LES"]!)
        if brainLoad > 6.3e5 {
            flags.append(
                String(
                    format:
                        "brain microvascular load %.3g cells/g exceeds 6.3e5 cells/g (rat IA 1e6, CBF fall and emboli reported, Cui 2015)",
                    brainLoad))
        }
        return flags
    }
}

extension Scenario: Encodable {
    enum CodingKeys: String, CodingKey {
        case species, context, route, dose
        case dosePerKg = "dose_per_kg"
        case afterInjury = "after_injury_h"
        case until = "until_h"
        case infusion = "infusion_h"
        case doses
        case every = "every_h"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(species.rawValue, forKey: .species)
        try c.encode(context.rawValue, forKey: .context)
        try c.encode(route.rawValue, forKey: .route)
        try c.encode(dose, forKey: .dose)
        try c.encode(dosePerKg, forKey: .dosePerKg)
        try c.encode(afterInjury, forKey: .afterInjury)
        try c.encode(until, forKey: .until)
        try c.encode(infusion, forKey: .infusion)
        try c.encode(doses, forKey: .doses)
        try c.encode(every, forKey: .every)
    }
}

extension SimulationResult {
    /// Ischaemic/contralateral hemisphere label ratio (%ID/g) at output index `k`.
    ///
    /// The ipsilateral hemisphere holds the lesion and (0.5 − f_les)/(1 − f_les) of the healthy
    /// brain; the contralateral one 0.5/(1 − f_les); both hemispheres weigh the same.
    public func hemisphereRatio(at k: Int) -> Double {
        let brain = organ("brain")!, lesion = organ("lesion")!
        let f = lesion.massGrams! / (lesion.massGrams! + brain.massGrams!)
        let ipsi = lesion.labelPercent[k] + brain.labelPercent[k] * (0.5 - f) / (1 - f)
        let contra = brain.labelPercent[k] * 0.5 / (1 - f)
        return ipsi / contra
    }
}
