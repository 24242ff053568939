import Foundation

/// Derived physiology of one subject: blood flows (L/h), volumes (L) and organ masses (g).
///
/// `CO = CO_coef·BW^CO_exp`, `Q_o = f_Q_o·CO`, `BV = fBV·BW`, `V_ven = 2/3·BV`,
/// `V_art = 1/3·BV`, `Q_HA = Q_LI − Q_SP − Q_GU`, `Q_LES = Q_BR·f_les·r_perf`,
/// `Q_BRh = Q_BR − Q_LES`, `Q_RE = CO − (Q_LI + Q_KI + Q_BR + Q_HT)` (model notes §2.2).
/// Organ mass = volume fraction × BW (density 1 kg/L); lesion mass = f_les × brain mass.
public struct Physiology: Sendable, Equatable {
    public var bodyWeight: Double
    public var cardiacOutput: Double
    public var bloodVolume: Double
    public var venousVolume: Double
    public var arterialVolume: Double
    public var flows: [String: Double]
    /// Organ masses in grams by organ id (`LU`, `LI`, `SP`, `GU`, `KI`, `BR`, `LES`, `HT`, `RE`).
    public var organMass: [String: Double]

    public init(parameters p: ParameterSet) throws {
        let bw = try p.value("BW")
        bodyWeight = bw
        let co = try p.value("CO_coef") * Foundation.pow(bw, try p.value("CO_exp"))
        cardiacOutput = co
        bloodVolume = try p.value("fBV") * bw
        venousVolume = bloodVolume * 2 / 3
        arterialVolume = bloodVolume / 3
        var q: [String: Double] = [:]
        for o in ["LI", "KI", "BR", "SP", "GU", "HT"] { q[o] = try p.value("f_Q_" + o) * co }
        q["HA"] = q["LI"]! - q["SP"]! - q["GU"]!
        q["LES"] = q["BR"]! * (try p.value("f_les")) * (try p.value("r_perf"))
        q["BRh"] = q["BR"]! - q["LES"]!
        q["RE"] = co - (q["LI"]! + q["KI"]! + q["BR"]! + q["HT"]!)
        flows = q
        for (name, value) in q where value < 0 {
            throw KineticsError(
                "the flow fractions give a negative flow Q_\(name) = \(value) L/h; lower f_les·r_perf or the organ flow fractions"
            )
        }
        var m: [String: Double] = [:]
        for o in ["LU", "LI", "SP", "KI", "BR", "HT", "GU"] {
            m[o] = try p.value("f_V_" + o) * bw * 1000
        }
        let fles = try p.value("f_les")
        m["LES"] = m["BR"]! * fles
        m["BR"] = m["BR"]! * (1 - fles)
        m["RE"] = max(bw * 1000 - m.values.reduce(0, +) - bloodVolume * 1000, 1e-9)
        organMass = m
    }

    /// Lesion volume in litres (mass/1000 at density 1).
    public var lesionVolume: Double { organMass["LES"]! / 1000 }
}
