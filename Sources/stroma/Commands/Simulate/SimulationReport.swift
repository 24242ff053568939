import Foundation
import StromaKinetics

/// One simulation (and optional Monte Carlo bands) in the three output formats.
///
/// CSV: one row per output time; `time_h`, then `<organ>_viable_pct` and `<organ>_label_pct`
/// for every organ group, then cells, %ID/g, AUC, lesion pools, factors and `total_pct`
/// (mass balance, 100 when every cell and label is accounted for); with `--samples`,
/// `<quantity>_p05|p50|p95`. JSON keys: docs/simulate.md.
struct SimulationReport {
    var result: SimulationResult
    var parameters: ParameterSet
    var monteCarlo: MonteCarlo.Result?

    /// Σ all states / dose given so far × 100 at each output time (0 before any dose is given).
    var totalPercent: [Double] {
        result.times.indices.map { k in
            let total = result.stateValues.values.reduce(0) { $0 + $1[k] }
            return result.doseGiven[k] > 0 ? 100 * total / result.doseGiven[k] : 0
        }
    }

    /// Parameters changed by `--set` or `--params`.
    var overrides: [Parameter] {
        parameters.parameters.filter {
            $0.source == "user override" || $0.source.hasPrefix("override file")
        }
    }

    func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .csv: csv()
        case .json: try JSONText.render(SimulationJSON(report: self))
        case .table: table()
        }
    }

    // MARK: CSV

    func csvColumns() -> [(String, [Double])] {
        var columns: [(String, [Double])] = [("time_h", result.times)]
        for o in result.organs {
            columns.append(("\(o.organ)_viable_pct", o.viablePercent))
            columns.append(("\(o.organ)_label_pct", o.labelPercent))
        }
        columns.append(("dose_given_cells", result.doseGiven))
        for o in result.organs {
            columns.append(("\(o.organ)_viable_cells", o.viable))
            if let g = o.labelPercentPerGram { columns.append(("\(o.organ)_label_pct_per_g", g)) }
            columns.append(("\(o.organ)_auc_cell_h", o.aucCellHours))
        }
        columns.append(("lesion_vascular_cells", result.lesionVascular))
        columns.append(("lesion_parenchymal_cells", result.lesionParenchymal))
        columns.append(("lesion_engrafted_cells", result.lesionEngrafted))
        for f in result.factors {
            columns.append(("\(f.factor.lowercased())_plasma_pg_ml", f.plasma))
            columns.append(("\(f.factor.lowercased())_lesion_pg_ml", f.lesion))
        }
        columns.append(("total_pct", totalPercent))
        if let mc = monteCarlo {
            for band in mc.bands {
                columns.append(("\(band.quantity)_p05", band.p05))
                columns.append(("\(band.quantity)_p50", band.p50))
                columns.append(("\(band.quantity)_p95", band.p95))
            }
        }
        return columns
    }

    func csv() -> String {
        let columns = csvColumns()
        let rows = result.times.indices.map { k in columns.map { Self.csvNumber($0.1[k]) } }
        return CSVText.render(headers: columns.map(\.0), rows: rows)
    }

    static func csvNumber(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return "" }
        return String(format: "%.10g", x)
    }

    // MARK: Table

    static func short(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return "-" }
        return String(format: "%.3g", x)
    }

    static func hours(_ t: Double) -> String {
        if t == 0 { return "0" }
        if t < 1 { return String(format: "%.0f min", t * 60) }
        if t < 72 || (t < 168 && t.truncatingRemainder(dividingBy: 24) != 0) {
            return String(format: "%g h", (t * 1000).rounded() / 1000)
        }
        return String(format: "%g d", (t / 24 * 100).rounded() / 100)
    }

    /// At most `limit` output rows for the terminal (the first, the last and evenly spaced).
    func tableRows(limit: Int = 40) -> [Int] {
        let n = result.times.count
        guard n > limit else { return Array(0..<n) }
        var picked = Set<Int>()
        for j in 0..<limit { picked.insert(Int((Double(j) * Double(n - 1) / Double(limit - 1)).rounded())) }
        return picked.sorted()
    }

    func table() -> String {
        let r = result
        let s = r.scenario
        let rows = tableRows()
        var out = ""
        let perKg = r.cellsPerDose / r.bodyWeight
        var schedule =
            s.route == .iv && s.infusion > 0
            ? "IV infusion over \(Self.hours(s.infusion))" : "\(s.route.rawValue) bolus"
        if s.doses > 1 { schedule += ", \(s.doses) doses every \(Self.hours(s.every))" }
        out +=
            "Scenario: \(s.species.rawValue), \(s.context.rawValue); \(schedule); \(Self.short(r.cellsPerDose)) cells per dose (\(Self.short(perKg)) cells/kg, body weight \(Self.short(r.bodyWeight)) kg); first dose \(Self.hours(s.afterInjury)) after injury; simulated \(Self.hours(s.until)).\n"
        if !overrides.isEmpty {
            out += "Overrides: " + overrides.map { "\($0.name)=\(Self.short($0.value))" }.joined(separator: ", ") + "\n"
        }
        let given = r.times.indices.filter { r.doseGiven[$0] > 0 }.map { totalPercent[$0] }
        out +=
            "Mass balance: max |Σ states − dose given| / dose given = \(String(format: "%.2g", r.massBalanceError)) over all steps; total_pct at the output times = \(Self.short(given.min() ?? 0))–\(Self.short(given.max() ?? 0)) %.\n"
        if rows.count < r.times.count {
            out += "(\(rows.count) of \(r.times.count) output times shown; all in --format csv or json)\n"
        }
        let names = r.organs.map(\.organ)
        func section(_ title: String, _ value: (OrganTimeCourse, Int) -> Double) {
            out += "\n\(title)\n"
            let body = rows.map { k in [Self.hours(r.times[k])] + r.organs.map { Self.short(value($0, k)) } }
            out += TextTable(headers: ["time"] + names, rows: body).render()
        }
        section("Viable cells, % of dose given") { $0.viablePercent[$1] }
        section("Label (viable + dead-cell label), %ID") { $0.labelPercent[$1] }
        out += "\nLesion cells\n"
        out += TextTable(
            headers: ["time", "vascular", "parenchymal", "engrafted", "total", "% of dose"],
            rows: rows.map { k in
                let total = r.lesionVascular[k] + r.lesionParenchymal[k] + r.lesionEngrafted[k]
                return [
                    Self.hours(r.times[k]), Self.short(r.lesionVascular[k]), Self.short(r.lesionParenchymal[k]),
                    Self.short(r.lesionEngrafted[k]), Self.short(total),
                    Self.short(r.doseGiven[k] > 0 ? 100 * total / r.doseGiven[k] : 0),
                ]
            }
        ).render()
        let last = r.times.count - 1
        out += "\nAt \(Self.hours(r.times[last])): per organ\n"
        out += TextTable(
            headers: ["organ", "mass_g", "viable_cells", "viable_%", "label_%ID", "label_%ID/g", "AUC_cell_h"],
            rows: r.organs.map { o in
                [
                    o.organ, o.massGrams.map(Self.short) ?? "-", Self.short(o.viable[last]),
                    Self.short(o.viablePercent[last]),
                    Self.short(o.labelPercent[last]), o.labelPercentPerGram.map { Self.short($0[last]) } ?? "-",
                    Self.short(o.aucCellHours[last]),
                ]
            }
        ).render()
        if !r.factors.isEmpty {
            out += "\nParacrine factors (pg/mL; secretion rates assumed)\n"
            out += TextTable(
                headers: ["time"] + r.factors.flatMap { ["\($0.factor)_plasma", "\($0.factor)_lesion"] },
                rows: rows.map { k in
                    [Self.hours(r.times[k])]
                        + r.factors.flatMap { [Self.short($0.plasma[k]), Self.short($0.lesion[k])] }
                }
            ).render()
        }
        if let e = r.effect {
            out += "\nEffect — HYPOTHESIS (notes §4.2, EC50 and Emax assumed; calibrate before use)\n"
            out += TextTable(
                headers: ["quantity", "value"],
                rows: [
                    ["X_sys (cell·day/kg, 0–72 h)", Self.short(e.systemicExposure)],
                    ["X_loc (cell·day in lesion)", Self.short(e.localExposure)],
                    ["U (exposure / EC50)", Self.short(e.u)],
                    ["infarct reduction (%)", Self.short(e.infarctReductionPercent)],
                    ["behaviour effect size (SMD)", Self.short(e.behaviourEffectSize)],
                ]
            ).render()
        }
        out +=
            "\nTime to 10% / 1% of the dose viable: \(r.timeTo10Percent.map(Self.hours) ?? "not reached") / \(r.timeTo1Percent.map(Self.hours) ?? "not reached") after the last dose\n"
        out +=
            "Safety flags: "
            + (r.safetyFlags.isEmpty
                ? "none\n" : "\n" + r.safetyFlags.map { "  - \($0)" }.joined(separator: "\n") + "\n")
        if let mc = monteCarlo { out += monteCarloTable(mc, rows: rows) }
        return out
    }

    func monteCarloTable(_ mc: MonteCarlo.Result, rows: [Int]) -> String {
        let organs = ["lung", "liver", "spleen", "kidney", "brain", "lesion"]
        var out =
            "\nMonte Carlo: \(mc.samples) samples, seed \(mc.seed), \(mc.failed) failed — viable % of dose, median [5th–95th percentile]\n"
        out += TextTable(
            headers: ["time"] + organs,
            rows: rows.map { k in
                [Self.hours(mc.times[k])]
                    + organs.map { name in
                        guard let b = mc.band("\(name)_viable_pct") else { return "-" }
                        return "\(Self.short(b.p50[k])) [\(Self.short(b.p05[k]))–\(Self.short(b.p95[k]))]"
                    }
            }
        ).render()
        return out
    }
}

/// The JSON document of `simulate --format json` (keys in docs/simulate.md): every key of the
/// simulation result at the top level, plus `total_pct`, `parameter_overrides`,
/// `stroma_version` and, with `--samples`, `monte_carlo`.
struct SimulationJSON: Encodable {
    var report: SimulationReport

    struct Override: Encodable {
        var name: String
        var value: Double
        var unit: String
        var source: String
    }

    enum Keys: String, CodingKey {
        case totalPercent = "total_pct"
        case overrides = "parameter_overrides"
        case version = "stroma_version"
        case monteCarlo = "monte_carlo"
    }

    func encode(to encoder: any Encoder) throws {
        try report.result.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(report.totalPercent, forKey: .totalPercent)
        try c.encode(
            report.overrides.map { Override(name: $0.name, value: $0.value, unit: $0.unit, source: $0.source) },
            forKey: .overrides)
        try c.encode(StromaVersion.current, forKey: .version)
        try c.encodeIfPresent(report.monteCarlo, forKey: .monteCarlo)
    }
}
