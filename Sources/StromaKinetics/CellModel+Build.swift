import Foundation

extension CellModel {
    /// Organs with a vascular-arrest pool `T_o` and a dead-cell label pool `L_o`.
    public static let arrestOrgans = ["LU", "LI", "SP", "GU", "KI", "BR", "LES", "HT", "RE"]

    /// Builds the model of notes §2 from a parameter set.
    ///
    /// - Parameters:
    ///   - parameters: a complete set (``ParameterSet/bundled(species:context:)`` + overrides).
    ///   - tAdmin: hours from injury to the first administration (t = 0).
    public static func build(parameters p: ParameterSet, tAdmin: Double) throws -> CellModel {
        let phys = try Physiology(parameters: p)
        var states: [State] = [
            State(id: "V", kind: .viable, compartment: "venous_blood", description: "venous blood"),
            State(id: "A", kind: .viable, compartment: "arterial_blood", description: "arterial blood"),
        ]
        let organNames = [
            "LU": "lung", "LI": "liver", "SP": "spleen", "GU": "gut", "KI": "kidney",
            "BR": "healthy brain", "LES": "lesion", "HT": "heart", "RE": "rest of body",
        ]
        for o in arrestOrgans {
            states.append(
                State(
                    id: "T_" + o, kind: .viable, compartment: o,
                    description: "cells arrested in the \(organNames[o]!) vasculature"))
        }
        states += [
            State(id: "P", kind: .viable, compartment: "LES", description: "lesion parenchyma, transient"),
            State(id: "E", kind: .viable, compartment: "LES", description: "lesion parenchyma, engrafted"),
            State(id: "CSF", kind: .viable, compartment: "CSF", description: "cranial CSF"),
            State(id: "LUM", kind: .viable, compartment: "CSF", description: "lumbar CSF"),
            State(id: "MEN", kind: .viable, compartment: "CSF", description: "adherent to meninges/ventricle walls"),
            State(id: "NAS", kind: .viable, compartment: "NAS", description: "olfactory mucosa"),
            State(id: "BP", kind: .viable, compartment: "BR", description: "brain parenchyma reached intranasally"),
        ]
        for o in arrestOrgans {
            states.append(
                State(
                    id: "L_" + o, kind: .label, compartment: o,
                    description: "dead-cell label in the \(organNames[o]!)"))
        }
        states.append(State(id: "L_db", kind: .label, compartment: "venous_blood", description: "blood-borne debris"))
        states.append(
            State(id: "CLR", kind: .cleared, compartment: "cleared", description: "cleared (CSF lymphatic, nasal)"))

        func ix(_ id: String) -> Int { states.firstIndex { $0.id == id }! }
        var tr: [Transfer] = []
        func add(_ from: String, _ to: String, _ rate: Double, _ formula: String, driven: Bool = false) {
            tr.append(Transfer(from: ix(from), to: ix(to), rate: rate, driven: driven, formula: formula))
        }
        let q = phys.flows
        let co = phys.cardiacOutput
        let vv = phys.venousVolume
        let va = phys.arterialVolume
        let eLU = p["E_LU"], e = p["E"], eLES = p["E_LES"]
        // Venous blood → lung arrest / pulmonary passage.
        add("V", "T_LU", co * eLU / vv, "CO*E_LU/V_ven")
        add("V", "A", co * (1 - eLU) / vv, "CO*(1-E_LU)/V_ven")
        // Arterial blood → systemic beds.
        add("A", "T_SP", q["SP"]! * e / va, "Q_SP*E/V_art")
        add("A", "T_GU", q["GU"]! * e / va, "Q_GU*E/V_art")
        let inLI = q["HA"]! + (q["SP"]! + q["GU"]!) * (1 - e)
        add("A", "T_LI", e * inLI / va, "E*(Q_HA+(Q_SP+Q_GU)*(1-E))/V_art")
        add("A", "V", (1 - e) * inLI / va, "(1-E)*(Q_HA+(Q_SP+Q_GU)*(1-E))/V_art")
        for (o, qo) in [("KI", q["KI"]!), ("BR", q["BRh"]!), ("HT", q["HT"]!), ("RE", q["RE"]!)] {
            add("A", "T_" + o, qo * e / va, "Q_\(o == "BR" ? "BRh" : o)*E/V_art")
        }
        let rest = q["KI"]! + q["BRh"]! + q["HT"]! + q["RE"]!
        add("A", "V", (1 - e) * rest / va, "(1-E)*(Q_KI+Q_BRh+Q_HT+Q_RE)/V_art")
        add("A", "T_LES", q["LES"]! * eLES / va, "Q_LES*E_LES/V_art")
        add("A", "V", (1 - eLES) * q["LES"]! / va, "(1-E_LES)*Q_LES/V_art")
        // Release and death of arrested cells.
        add("T_LU", "A", p["krel_LU"], "krel_LU")
        add("T_BR", "V", p["krel_BR"], "krel_BR")
        add("T_LES", "V", p["krel_LES"], "krel_LES")
        for o in arrestOrgans {
            let (k, name) =
                o == "LU"
                ? (p["kd_LU"], "kd_LU")
                : (o == "BR" || o == "LES")
                    ? (p["kd_vasc"], "kd_vasc")
                    : (p["kd_SYS"], "kd_SYS")
            add("T_" + o, "L_" + o, k, name)
        }
        // Lesion: transmigration, engraftment, death.
        add("T_LES", "P", p["ktm0"], "ktm0*H", driven: true)
        add("P", "E", p["k_eng"], "k_eng")
        add("P", "L_LES", p["kd_P"], "kd_P")
        add("E", "L_LES", p["kd_E"], "kd_E")
        // CSF routes.
        let kcsf = p["Q_csf"] / p["V_csf"]
        add("LUM", "CSF", p["k_lum_cran"], "k_lum_cran")
        add("LUM", "MEN", p["k_csf_adh"], "k_csf_adh")
        add("LUM", "P", p["k_lum_les"], "k_lum_les")
        add("CSF", "MEN", p["k_csf_adh"], "k_csf_adh")
        add("CSF", "V", p["f_csf_blood"] * kcsf, "f_csf_blood*Q_csf/V_csf")
        add("CSF", "CLR", (1 - p["f_csf_blood"]) * kcsf, "(1-f_csf_blood)*Q_csf/V_csf")
        add("CSF", "P", p["k_csf_les0"], "k_csf_les0*H", driven: true)
        add("MEN", "L_RE", p["k_M"], "k_M")
        // Intranasal.
        add("NAS", "CLR", p["k_n_clear"], "k_n_clear")
        add("NAS", "BP", p["k_n_brain"], "k_n_brain")
        add("BP", "P", p["k_mig0"], "k_mig0*H", driven: true)
        add("BP", "L_LES", p["kd_P"], "kd_P")
        // Debris: organ label → blood debris → liver/spleen phagocytes.
        for o in arrestOrgans where o != "LI" && o != "SP" {
            add("L_" + o, "L_db", p["k_deb"], "k_deb")
        }
        add("L_db", "L_LI", (1 - p["f_debSP"]) * p["k_phag"], "(1-f_debSP)*k_phag")
        add("L_db", "L_SP", p["f_debSP"] * p["k_phag"], "f_debSP*k_phag")
        tr.removeAll { $0.rate == 0 }
        let drive = HomingDrive(
            hMax: p["H_max"], s50: p["S50"], tPeak: p["t_peak"], n: p["n_S"], tAdmin: tAdmin)
        return CellModel(states: states, transfers: tr, drive: drive, physiology: phys)
    }
}
