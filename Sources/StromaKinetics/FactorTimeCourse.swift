import Foundation

/// Concentrations of one paracrine factor in plasma and in the lesion interstitial fluid.
///
/// Notes §4.1 (all rates per hour, concentrations pg/mL):
/// ```
/// dC_pl/dt  = s_F·N_all/V_plasma − k_el·C_pl
/// dC_les/dt = [s_F·m_env·(P + E + T_LES) + PS·(C_pl − C_les)]/V_isf − k_el,les·C_les
/// ```
/// with `V_isf = 0.2·lesion volume`, `PS = PS_bbb·brain volume`, `k_el = ln 2/t½`. The small
/// loss of plasma factor into the lesion is neglected (V_isf ≪ V_plasma). IL-10 is
/// host-induced: plasma production `IL10_Emax·BW·(N/BW)/(IL10_N50 + N/BW)` (Németh 2009 [R]).
/// Each equation is integrated exactly for a source that is linear between grid points.
/// Secretion rates are assumptions (no per-cell rate was verified).
public struct FactorTimeCourse: Sendable, Encodable {
    public var factor: String
    public var plasma: [Double]
    public var lesion: [Double]
    /// ∫ C_les dt (pg·h/mL) to each output time.
    public var lesionAUC: [Double]

    enum CodingKeys: String, CodingKey {
        case factor
        case plasma = "plasma_pg_ml"
        case lesion = "lesion_pg_ml"
        case lesionAUC = "lesion_auc_pg_h_ml"
    }

    /// One exact step of dC/dt = a + b·s − k·C over [0, h] (source linear in s).
    static func step(_ c: Double, k: Double, a: Double, b: Double, h: Double) -> Double {
        guard k > 0 else { return c + a * h + b * h * h / 2 }
        let e = Foundation.exp(-k * h)
        let one = -Foundation.expm1(-k * h)  // 1 − e^{−kh}
        return c * e + a * one / k + b * (h / k - one / (k * k))
    }

    static func compute(
        model: CellModel, parameters p: ParameterSet, trajectory: Trajectory, outputRows: [Int]
    ) throws -> [FactorTimeCourse] {
        let phys = model.physiology
        let viable = model.states.indices.filter { model.states[$0].kind == .viable }
        let local = ["P", "E", "T_LES"].map { model.index($0) }
        let times = trajectory.times
        let nAll = trajectory.values.map { row in viable.reduce(0) { $0 + row[$1] } }
        let nLes = trajectory.values.map { row in local.reduce(0) { $0 + row[$1] } }
        let vPlasmaML = p["f_plasma"] * phys.bloodVolume * 1000
        let vIsfML = max(0.2 * phys.lesionVolume * 1000, 1e-12)
        let brainL = (phys.organMass["BR"]! + phys.organMass["LES"]!) / 1000
        let ps = p["PS_bbb"] * brainL * 1000  // mL/h
        let kLes = p["k_el_les"] + ps / vIsfML
        var out: [FactorTimeCourse] = []
        for name in ["VEGF", "HGF", "BDNF", "IL10"] {
            let kPl = Foundation.log(2.0) / p["thalf_" + name]
            func plasmaSource(_ i: Int) -> Double {
                if name == "IL10" {
                    let perKg = nAll[i] / phys.bodyWeight
                    return p["IL10_Emax"] * phys.bodyWeight * perKg / (p["IL10_N50"] + perKg) / vPlasmaML
                }
                return p["s_" + name] / 24 * nAll[i] / vPlasmaML
            }
            func lesionSecretion(_ i: Int) -> Double {
                name == "IL10" ? 0 : p["s_" + name] / 24 * p["m_env"] * nLes[i] / vIsfML
            }
            var cPl = [Double](repeating: 0, count: times.count)
            var cLes = cPl
            var auc = cPl
            for i in 1..<max(times.count, 1) {
                let h = times[i] - times[i - 1]
                guard h > 0 else {
                    cPl[i] = cPl[i - 1]
                    cLes[i] = cLes[i - 1]
                    auc[i] = auc[i - 1]
                    continue
                }
                // Sources at the step ends (right limit after a jump is the recorded value).
                let a0 = plasmaSource(i - 1), a1 = plasmaSource(i)
                cPl[i] = step(cPl[i - 1], k: kPl, a: a0, b: (a1 - a0) / h, h: h)
                let l0 = lesionSecretion(i - 1) + ps / vIsfML * cPl[i - 1]
                let l1 = lesionSecretion(i) + ps / vIsfML * cPl[i]
                cLes[i] = step(cLes[i - 1], k: kLes, a: l0, b: (l1 - l0) / h, h: h)
                auc[i] = auc[i - 1] + h / 2 * (cLes[i - 1] + cLes[i])
            }
            out.append(
                FactorTimeCourse(
                    factor: name, plasma: outputRows.map { cPl[$0] }, lesion: outputRows.map { cLes[$0] },
                    lesionAUC: outputRows.map { auc[$0] }))
        }
        return out
    }
}
