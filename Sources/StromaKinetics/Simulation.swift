import Foundation

/// Runs a ``Scenario`` through the ``CellModel`` and derives the outputs of notes §6.
public enum Simulation {
    /// Organ groups reported per time: id, label state, viable states, mass key.
    static let organGroups: [(name: String, viable: [String], label: String?, mass: String?)] = [
        ("lung", ["T_LU"], "L_LU", "LU"),
        ("liver", ["T_LI"], "L_LI", "LI"),
        ("spleen", ["T_SP"], "L_SP", "SP"),
        ("gut", ["T_GU"], "L_GU", "GU"),
        ("kidney", ["T_KI"], "L_KI", "KI"),
        ("brain", ["T_BR", "BP"], "L_BR", "BR"),
        ("lesion", ["T_LES", "P", "E"], "L_LES", "LES"),
        ("heart", ["T_HT"], "L_HT", "HT"),
        ("rest", ["T_RE"], "L_RE", "RE"),
        ("blood", ["V", "A"], "L_db", nil),
        ("csf", ["CSF", "LUM", "MEN"], nil, nil),
        ("nasal", ["NAS"], nil, nil),
    ]

    /// The parameter set for a scenario: bundled defaults, then an override file, then `--set`.
    public static func parameters(
        for scenario: Scenario, overrideFile: URL? = nil, assignments: [String] = []
    ) throws -> ParameterSet {
        var p = try ParameterSet.bundled(species: scenario.species, context: scenario.context)
        if let url = overrideFile { try p.apply(overrideFile: url) }
        try p.apply(assignments: assignments)
        return p
    }

    /// Simulates `scenario` with `parameters`.
    ///
    /// - Parameters:
    ///   - integrator: step settings (default h_max 0.25 h).
    ///   - derived: compute factors, effect and flags (off for fast Monte Carlo of cells only).
    ///     When off, the integrator stops only at the output times, so `auc_cell_h` (trapezoid
    ///     on the integrator's steps) is only as fine as those steps.
    public static func run(
        _ scenario: Scenario, parameters: ParameterSet,
        integrator: ExponentialIntegrator = ExponentialIntegrator(), derived: Bool = true
    ) throws -> SimulationResult {
        try scenario.validate()
        let model = try CellModel.build(parameters: parameters, tAdmin: scenario.afterInjury)
        let n = model.states.count
        let bw = model.physiology.bodyWeight
        let perDose = scenario.dosePerKg ? scenario.dose * bw : scenario.dose
        let (a0, _) = model.matrices()
        let drive = model.drive
        let system = DrivenLinearSystem(
            constant: a0,
            driven: model.transfers.filter(\.driven).map {
                DrivenLinearSystem.DrivenTerm(from: $0.from, to: $0.to, rate: $0.rate)
            },
            drive: { drive.value(at: $0) })
        var jumps: [StateJump] = []
        var inputs: [ZeroOrderInput] = []
        for t in scenario.administrationTimes {
            if scenario.route == .iv && scenario.infusion > 0 {
                var rate = [Double](repeating: 0, count: n)
                rate[model.index("V")] = perDose / scenario.infusion
                inputs.append(ZeroOrderInput(start: t, end: t + scenario.infusion, rate: rate))
            } else {
                jumps.append(
                    StateJump(
                        time: t,
                        increment: try routeIncrement(
                            scenario.route, dose: perDose, model: model, parameters: parameters)))
            }
        }
        let outputs = scenario.outputTimes ?? Scenario.defaultTimes(until: scenario.until)
        let outputTimes = outputs.filter { $0 <= scenario.until }
        // Internal grid for factors and exposure integrals (only when derived outputs are asked).
        var record = Set(outputTimes)
        if derived {
            var grid = 0.25
            while scenario.until / grid > 4000 { grid *= 2 }
            var g = 0.0
            while g <= scenario.until {
                record.insert(g)
                g += grid
            }
            let tSys = parameters["T_sys"]
            if tSys <= scenario.until { record.insert(tSys) }
        }
        record.insert(scenario.until)
        let trajectory = try integrator.solve(
            system, initial: [Double](repeating: 0, count: n), jumps: jumps, inputs: inputs,
            recordTimes: Array(record))
        return try SimulationResult(
            scenario: scenario, parameters: parameters, model: model, perDose: perDose,
            trajectory: trajectory, outputTimes: outputTimes.sorted(), derived: derived)
    }

    /// Where one administration of `dose` cells goes at the moment of injection (notes §2.5).
    ///
    /// IA: fraction `f = min(1, 2·f_les·r_perf)` of the ipsilateral-hemisphere flow reaches the
    /// lesion; `T_LES += D·f·E_LES`, `T_BR += D(1−f)·E`, the rest enters venous blood.
    /// IC: `P += D(1−f_reflux)`, `L_LES += D·f_reflux`.
    public static func routeIncrement(
        _ route: AdministrationRoute, dose: Double, model: CellModel, parameters p: ParameterSet
    ) throws -> [Double] {
        var x = [Double](repeating: 0, count: model.states.count)
        switch route {
        case .iv:
            x[model.index("V")] = dose
        case .ia:
            let f = min(1, 2 * p["f_les"] * p["r_perf"])
            let les = dose * f * p["E_LES"]
            let br = dose * (1 - f) * p["E"]
            x[model.index("T_LES")] = les
            x[model.index("T_BR")] = br
            x[model.index("V")] = dose - les - br
        case .ic:
            x[model.index("P")] = dose * (1 - p["f_reflux"])
            x[model.index("L_LES")] = dose * p["f_reflux"]
        case .icv:
            x[model.index("CSF")] = dose
        case .it:
            x[model.index("LUM")] = dose
        case .in:
            x[model.index("NAS")] = dose
        }
        return x
    }
}
