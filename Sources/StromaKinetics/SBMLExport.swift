import Foundation

/// Writes the cell model and a scenario as SBML Level 3 Version 2 Core.
///
/// Compartments are organs (size = organ volume in L), species are the model states in amounts
/// (`hasOnlySubstanceUnits`, cells), one irreversible reaction per transfer with mass-action
/// rate `k·x` (or `k·H·x` for homing transfers). All notes parameters are exported as constant
/// parameters for reference; each derived rate constant `k_<i>` carries its formula in `name`.
/// The homing drive is an assignment rule of time (`tau = time + t_admin`, `S`, `H`); the first
/// administration sets the initial amounts, later ones are events. An IV infusion is a zero-order
/// source reaction `infusion` with rate `u_inf`, a parameter that events switch on and off at the
/// start and end of each infusion (events restart the integrator, so the discontinuity is exact).
/// Plain core SBML only, for libRoadRunner and COPASI.
public enum SBMLExport {
    /// SBML id of a model state: the state id, except `E` (engrafted), which would clash with
    /// the parameter `E`, exported as `E_eng`.
    public static func sbmlID(_ state: String) -> String { state == "E" ? "E_eng" : state }

    /// SBML text for `scenario` with `parameters`.
    public static func document(scenario: Scenario, parameters p: ParameterSet) throws -> String {
        try scenario.validate()
        let model = try CellModel.build(parameters: p, tAdmin: scenario.afterInjury)
        let phys = model.physiology
        let perDose = scenario.dosePerKg ? scenario.dose * phys.bodyWeight : scenario.dose
        let n = model.states.count
        var initial = [Double](repeating: 0, count: n)
        var events: [(Double, [Double])] = []
        let times = scenario.administrationTimes
        let infusion = scenario.route == .iv && scenario.infusion > 0
        if !infusion {
            for t in times {
                let inc = try Simulation.routeIncrement(scenario.route, dose: perDose, model: model, parameters: p)
                if t == 0 {
                    for i in 0..<n { initial[i] += inc[i] }
                } else {
                    events.append((t, inc))
                }
            }
        }
        func num(_ x: Double) -> String {
            if x == x.rounded() && abs(x) < 1e15 { return String(format: "%.1f", x) }
            return String(format: "%.17g", x)
        }
        /// A MathML number; exponents use `type="e-notation"` (MathML 2 has no `1e-05` literal).
        func cn(_ x: Double) -> String {
            let text = num(x)
            guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return "<cn>\(text)</cn>" }
            let mantissa = text[..<e], exponent = Int(text[text.index(after: e)...])!
            return "<cn type=\"e-notation\">\(mantissa)<sep/>\(exponent)</cn>"
        }
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let mathOpen = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
        let timeSymbol =
            "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">time</csymbol>"
        var x = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="stroma_msc_kinetics" name="Stroma MSC whole-body kinetics: \(scenario.species.rawValue) \(scenario.context.rawValue) \(scenario.route.rawValue) \(num(perDose)) cells x \(times.count)" substanceUnits="item" timeUnits="hour" volumeUnits="litre" extentUnits="item">
                <notes><body xmlns="http://www.w3.org/1999/xhtml"><p>Exported by Stroma (StromaKinetics). Model notes: docs/kinetics-model.md. Time in hours, amounts in cells. t = 0 is the first administration, \(num(scenario.afterInjury)) h after injury.</p></body></notes>
                <listOfUnitDefinitions>
                  <unitDefinition id="hour"><listOfUnits><unit kind="second" exponent="1" scale="0" multiplier="3600"/></listOfUnits></unitDefinition>
                </listOfUnitDefinitions>
                <listOfCompartments>

            """
        var compartments: [(String, Double)] = [
            ("venous_blood", phys.venousVolume), ("arterial_blood", phys.arterialVolume),
        ]
        for o in CellModel.arrestOrgans { compartments.append((o, phys.organMass[o]! / 1000)) }
        compartments += [("CSF", p["V_csf"]), ("NAS", 1e-4), ("cleared", 1)]
        for (id, size) in compartments {
            x +=
                "      <compartment id=\"c_\(id)\" spatialDimensions=\"3\" size=\"\(num(size))\" units=\"litre\" constant=\"true\"/>\n"
        }
        x += "    </listOfCompartments>\n    <listOfSpecies>\n"
        for (i, s) in model.states.enumerated() {
            x +=
                "      <species id=\"\(sbmlID(s.id))\" name=\"\(esc(s.description))\" compartment=\"c_\(s.compartment)\" initialAmount=\"\(num(initial[i]))\" substanceUnits=\"item\" hasOnlySubstanceUnits=\"true\" boundaryCondition=\"false\" constant=\"false\"/>\n"
        }
        x += "    </listOfSpecies>\n    <listOfParameters>\n"
        for parameter in p.parameters {
            x +=
                "      <parameter id=\"\(parameter.name)\" name=\"\(esc("[\(parameter.evidence.rawValue)] \(parameter.unit)"))\" value=\"\(num(parameter.value))\" constant=\"true\"/>\n"
        }
        x +=
            "      <parameter id=\"t_admin\" name=\"hours from injury to first administration\" value=\"\(num(scenario.afterInjury))\" constant=\"true\"/>\n"
        for (i, t) in model.transfers.enumerated() {
            x +=
                "      <parameter id=\"k_\(i)\" name=\"\(esc(t.formula))\" value=\"\(num(t.rate))\" constant=\"true\"/>\n"
        }
        for id in ["tau", "S", "H"] {
            x += "      <parameter id=\"\(id)\" constant=\"false\"/>\n"
        }
        if infusion {
            // On at t = 0 when the first infusion starts there; events switch it later.
            let rate = perDose / scenario.infusion
            x +=
                "      <parameter id=\"u_inf_rate\" name=\"infusion rate while infusing (cells/h)\" value=\"\(num(rate))\" constant=\"true\"/>\n"
            x +=
                "      <parameter id=\"u_inf\" name=\"current infusion rate (cells/h)\" value=\"\(num(times.first == 0 ? rate : 0))\" constant=\"false\"/>\n"
        }
        x += "    </listOfParameters>\n    <listOfRules>\n"
        x +=
            "      <assignmentRule variable=\"tau\">\(mathOpen)<apply><plus/>\(timeSymbol)<ci>t_admin</ci></apply></math></assignmentRule>\n"
        let ratio = "<apply><divide/><ci>tau</ci><ci>t_peak</ci></apply>"
        x += """
                  <assignmentRule variable="S">\(mathOpen)<piecewise><piece><apply><times/><apply><power/>\(ratio)<ci>n_S</ci></apply><apply><exp/><apply><times/><ci>n_S</ci><apply><minus/><cn>1</cn>\(ratio)</apply></apply></apply></apply><apply><gt/><ci>tau</ci><cn>0</cn></apply></piece><otherwise><cn>0</cn></otherwise></piecewise></math></assignmentRule>
                  <assignmentRule variable="H">\(mathOpen)<apply><plus/><cn>1</cn><apply><divide/><apply><times/><ci>H_max</ci><ci>S</ci></apply><apply><plus/><ci>S50</ci><ci>S</ci></apply></apply></apply></math></assignmentRule>

            """
        x += "    </listOfRules>\n    <listOfReactions>\n"
        for (i, t) in model.transfers.enumerated() {
            let from = sbmlID(model.states[t.from].id), to = sbmlID(model.states[t.to].id)
            let law =
                t.driven
                ? "<apply><times/><ci>k_\(i)</ci><ci>H</ci><ci>\(from)</ci></apply>"
                : "<apply><times/><ci>k_\(i)</ci><ci>\(from)</ci></apply>"
            x += """
                      <reaction id="r_\(i)" name="\(from) to \(to)" reversible="false">
                        <listOfReactants><speciesReference species="\(from)" stoichiometry="1" constant="true"/></listOfReactants>
                        <listOfProducts><speciesReference species="\(to)" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw>\(mathOpen)\(law)</math></kineticLaw>
                      </reaction>

                """
        }
        if infusion {
            x += """
                      <reaction id="infusion" name="IV infusion" reversible="false">
                        <listOfProducts><speciesReference species="V" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw>\(mathOpen)<ci>u_inf</ci></math></kineticLaw>
                      </reaction>

                """
        }
        x += "    </listOfReactions>\n"
        var switches: [(Double, String)] = []
        if infusion {
            for t in times {
                if t > 0 { switches.append((t, "u_inf_rate")) }
                switches.append((t + scenario.infusion, "0"))
            }
            // Back-to-back infusions: the next one starts when the previous ends; keep the rate on.
            let starts = Set(switches.filter { $0.1 != "0" }.map(\.0))
            switches.removeAll { $0.1 == "0" && starts.contains($0.0) }
        }
        if !events.isEmpty || !switches.isEmpty {
            x += "    <listOfEvents>\n"
            for (k, (t, inc)) in events.enumerated() {
                x += "      <event id=\"dose_\(k + 2)\" useValuesFromTriggerTime=\"true\">\n"
                x +=
                    "        <trigger initialValue=\"false\" persistent=\"true\">\(mathOpen)<apply><geq/>\(timeSymbol)\(cn(t))</apply></math></trigger>\n"
                x += "        <listOfEventAssignments>\n"
                for (i, v) in inc.enumerated() where v != 0 {
                    let id = sbmlID(model.states[i].id)
                    x +=
                        "          <eventAssignment variable=\"\(id)\">\(mathOpen)<apply><plus/><ci>\(id)</ci>\(cn(v))</apply></math></eventAssignment>\n"
                }
                x += "        </listOfEventAssignments>\n      </event>\n"
            }
            for (k, (t, value)) in switches.enumerated() {
                let math = value == "0" ? "<cn>0</cn>" : "<ci>\(value)</ci>"
                x +=
                    "      <event id=\"infusion_\(value == "0" ? "off" : "on")_\(k + 1)\" useValuesFromTriggerTime=\"true\">\n"
                x +=
                    "        <trigger initialValue=\"false\" persistent=\"true\">\(mathOpen)<apply><geq/>\(timeSymbol)\(cn(t))</apply></math></trigger>\n"
                x +=
                    "        <listOfEventAssignments><eventAssignment variable=\"u_inf\">\(mathOpen)\(math)</math></eventAssignment></listOfEventAssignments>\n      </event>\n"
            }
            x += "    </listOfEvents>\n"
        }
        x += "  </model>\n</sbml>\n"
        return x
    }
}
