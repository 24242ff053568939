import Foundation

/// The effect model of notes §4.2 — a HYPOTHESIS to be calibrated, not a prediction.
///
/// ```
/// X_sys = ∫₀^T_sys (all viable cells)/BW dt        [cell·day/kg], T_sys = 72 h
/// X_loc = ∫₀^T (P + E + T_LES) dt                  [cell·day], T = end of simulation
/// U = X_sys/EC50_sys + X_loc/EC50_loc·(V_rat/V_les)
/// infarct reduction = Emax_infarct·w(t_admin)·U/(1+U),  w = 1 to 48 h, then e^{−(t−48)/72}
/// behaviour SMD = Emax_behaviour·U/(1+U)
/// ```
/// EC50_loc is for the default rat lesion (V_rat = 0.15 × 0.0057 × 0.25 kg ≈ 0.214 mL) and is
/// scaled by lesion volume. Anchors: Vu Q et al. Neurology 2014;82:1277 (median mNSS SMD
/// 1.78; dose and timing not significant moderators).
public struct EffectEstimate: Sendable, Encodable {
    public var systemicExposure: Double
    public var localExposure: Double
    public var u: Double
    public var infarctReductionPercent: Double
    public var behaviourEffectSize: Double
    public var note: String

    enum CodingKeys: String, CodingKey {
        case systemicExposure = "x_sys_cell_day_per_kg"
        case localExposure = "x_loc_cell_day"
        case u
        case infarctReductionPercent = "infarct_reduction_pct"
        case behaviourEffectSize = "behaviour_smd"
        case note
    }

    /// Lesion volume (L) of the default rat lesion used to scale EC50_loc.
    public static let ratReferenceLesionVolume = 0.15 * 0.0057 * 0.25

    static func compute(
        model: CellModel, parameters p: ParameterSet, trajectory: Trajectory, scenario: Scenario,
        warnings: inout [String]
    ) throws -> EffectEstimate {
        let viable = model.states.indices.filter { model.states[$0].kind == .viable }
        let local = ["P", "E", "T_LES"].map { model.index($0) }
        let tSys = p["T_sys"]
        var rowSys = trajectory.times.firstIndex(of: tSys)
        if rowSys == nil {
            rowSys = trajectory.times.count - 1
            warnings.append("simulation ends before T_sys = \(tSys) h; X_sys uses the whole run")
        }
        let xSys =
            viable.reduce(0) { $0 + trajectory.integrals[rowSys!][$1] } / 24
            / model.physiology.bodyWeight
        let last = trajectory.integrals.count - 1
        let xLoc = local.reduce(0) { $0 + trajectory.integrals[last][$1] } / 24
        let ec50Loc = p["EC50_loc"] * model.physiology.lesionVolume / ratReferenceLesionVolume
        let u = xSys / p["EC50_sys"] + xLoc / ec50Loc
        let ta = scenario.afterInjury
        let w = ta <= 48 ? 1 : Foundation.exp(-(ta - 48) / 72)
        return EffectEstimate(
            systemicExposure: xSys, localExposure: xLoc, u: u,
            infarctReductionPercent: p["Emax_infarct"] * w * u / (1 + u),
            behaviourEffectSize: p["Emax_behaviour"] * u / (1 + u),
            note: "hypothesis (notes §4.2), EC50s and Emax assumed; calibrate before use")
    }
}
