import ArgumentParser
import Foundation
import StromaKinetics
import StromaPlot

/// `stroma simulate compare-routes`: the same dose by several routes, one table and one chart.
struct CompareRoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-routes",
        abstract: "Compare routes for one scenario: viable cells per organ at one time, lesion exposure, flags."
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: "Comma-separated routes (default: IV,IA,IC,ICV,IT,IN).")
    var routes: String = "IV,IA,IC,ICV,IT,IN"

    @Option(
        parsing: .unconditional, help: "Time after the first administration at which organs are compared (default 24h)."
    )
    var at: String = "24h"

    @OptionGroup var monteCarlo: MonteCarloOptions

    @OptionGroup var formatOptions: FormatOptions

    @Option(help: "Write an SVG bar chart (organs × routes, log scale) to this file.")
    var plot: String?

    /// Organs compared, in column order.
    static let organs = ["lung", "liver", "spleen", "kidney", "brain", "lesion"]

    func run() throws {
        let routeList = try routes.split(separator: ",").map {
            try parseRoute(String($0).trimmingCharacters(in: .whitespaces))
        }
        guard !routeList.isEmpty else {
            throw KineticsError("--routes '\(routes)' names no route; valid: IV, IA, IC, ICV, IT, IN")
        }
        let atHours = try parseDuration(at, option: "--at")
        let samples = try monteCarlo.sampleCount()
        let seed = try monteCarlo.seedValue()
        if let plot { try SimulationPlot.checkWritable(plot) }
        var rows: [RouteComparison.Row] = []
        for route in routeList {
            var scenario = try scenarioOptions.scenario(route: route)
            guard atHours <= scenario.until else {
                throw KineticsError(
                    "--at '\(at)' is after the end of the simulation (--until \(scenarioOptions.until)); it must be ≤ \(SimulationReport.hours(scenario.until))"
                )
            }
            scenario.outputTimes = Array(Set(Scenario.defaultTimes(until: scenario.until) + [atHours])).sorted()
            let parameters = try scenarioOptions.parameters(for: scenario)
            let result = try Simulation.run(scenario, parameters: parameters)
            var mc: MonteCarlo.Result?
            if samples > 0 {
                mc = try MonteCarloProgress.run(samples: samples, seed: seed) {
                    try MonteCarlo(samples: samples, seed: seed).run(scenario, parameters: parameters)
                }
            }
            rows.append(RouteComparison.Row(result: result, at: atHours, monteCarlo: mc))
            for warning in result.warnings { StandardStreams.writeMessage("warning: \(route.rawValue): \(warning)") }
        }
        var comparison = RouteComparison(at: atHours, rows: rows, samples: samples, seed: seed)
        let first = try scenarioOptions.scenario(route: routeList[0])
        comparison.scenarioText =
            "\(first.species.rawValue.capitalized), \(first.context.rawValue), \(SimulationReport.short(first.dose)) cells\(first.dosePerKg ? "/kg" : ""), \(SimulationReport.hours(first.afterInjury)) after injury"
        let rendered = try comparison.rendered(as: formatOptions.format)
        if let plot {
            try SimulationPlot.write(comparison.chart(), to: plot)
        }
        StandardStreams.writeData(rendered)
    }
}

/// Routes side by side at one time (table, CSV, JSON and chart).
struct RouteComparison: Encodable {
    struct Row: Encodable {
        var route: String
        var viablePercent: [String: Double]
        var labelPercent: [String: Double]
        /// Monte Carlo 5th, 50th (median) and 95th percentiles of `viable_pct` (nil without `--samples`); the
        /// median, not the deterministic `viable_pct`, is the centre of the band.
        var viableP05: [String: Double]?
        var viableP50: [String: Double]?
        var viableP95: [String: Double]?
        var lesionCells: Double
        var lesionAUC: Double
        var localExposure: Double?
        var effectU: Double?
        var safetyFlags: [String]
        var massBalanceError: Double

        enum CodingKeys: String, CodingKey {
            case route
            case viablePercent = "viable_pct"
            case labelPercent = "label_pct"
            case viableP05 = "viable_pct_p05"
            case viableP50 = "viable_pct_p50"
            case viableP95 = "viable_pct_p95"
            case lesionCells = "lesion_cells"
            case lesionAUC = "lesion_auc_cell_h"
            case localExposure = "x_loc_cell_day"
            case effectU = "effect_u"
            case safetyFlags = "safety_flags"
            case massBalanceError = "mass_balance_relative_error"
        }

        init(result r: SimulationResult, at: Double, monteCarlo: MonteCarlo.Result?) {
            route = r.scenario.route.rawValue
            let k = r.index(at: at)
            var viable: [String: Double] = [:], label: [String: Double] = [:]
            var lo: [String: Double] = [:], mid: [String: Double] = [:], hi: [String: Double] = [:]
            for name in CompareRoutesCommand.organs {
                guard let o = r.organ(name) else { continue }
                viable[name] = o.viablePercent[k]
                label[name] = o.labelPercent[k]
                if let mc = monteCarlo, let band = mc.band("\(name)_viable_pct") {
                    let j = mc.times.firstIndex(of: r.times[k]) ?? k
                    lo[name] = band.p05[j]
                    mid[name] = band.p50[j]
                    hi[name] = band.p95[j]
                }
            }
            viablePercent = viable
            labelPercent = label
            viableP05 = monteCarlo == nil ? nil : lo
            viableP50 = monteCarlo == nil ? nil : mid
            viableP95 = monteCarlo == nil ? nil : hi
            let lesion = r.organ("lesion")!
            lesionCells = lesion.viable[k]
            lesionAUC = lesion.aucCellHours[r.times.count - 1]
            localExposure = r.effect?.localExposure
            effectU = r.effect?.u
            safetyFlags = r.safetyFlags
            massBalanceError = r.massBalanceError
        }
    }

    var at: Double
    var rows: [Row]
    var samples: Int
    var seed: UInt64
    /// Species, context, dose and timing for the chart subtitle (not encoded).
    var scenarioText = ""

    enum CodingKeys: String, CodingKey {
        case at = "at_h"
        case rows = "routes"
        case samples = "monte_carlo_samples"
        case seed
    }

    var headers: [String] {
        ["route"] + CompareRoutesCommand.organs.map { "\($0)_viable_pct" }
            + (samples > 0
                ? CompareRoutesCommand.organs.flatMap {
                    ["\($0)_viable_pct_p05", "\($0)_viable_pct_p50", "\($0)_viable_pct_p95"]
                } : [])
            + CompareRoutesCommand.organs.map { "\($0)_label_pct" }
            + ["lesion_cells", "lesion_auc_cell_h", "x_loc_cell_day", "safety_flags", "mass_balance_relative_error"]
    }

    var rows_: [[String]] { rows.map(cells) }

    func cells(_ row: Row) -> [String] {
        let f = SimulationReport.csvNumber
        var out = [row.route] + CompareRoutesCommand.organs.map { f(row.viablePercent[$0] ?? .nan) }
        if samples > 0 {
            out += CompareRoutesCommand.organs.flatMap {
                [f(row.viableP05?[$0] ?? .nan), f(row.viableP50?[$0] ?? .nan), f(row.viableP95?[$0] ?? .nan)]
            }
        }
        out += CompareRoutesCommand.organs.map { f(row.labelPercent[$0] ?? .nan) }
        out += [
            f(row.lesionCells), f(row.lesionAUC), f(row.localExposure ?? .nan), String(row.safetyFlags.count),
            f(row.massBalanceError),
        ]
        return out
    }

    func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .csv: return CSVText.render(headers: headers, rows: rows_)
        case .json: return try JSONText.render(self)
        case .table:
            let s = SimulationReport.short
            var out = "Viable cells, % of dose, at \(SimulationReport.hours(at)) after the first administration"
            out += samples > 0 ? " — deterministic run (default parameters)\n" : "\n"
            out += TextTable(
                headers: ["route"] + CompareRoutesCommand.organs + ["lesion_cells", "lesion_AUC_cell_h", "flags"],
                rows: rows.map { r in
                    [r.route] + CompareRoutesCommand.organs.map { s(r.viablePercent[$0] ?? .nan) }
                        + [s(r.lesionCells), s(r.lesionAUC), String(r.safetyFlags.count)]
                }
            ).render()
            if samples > 0 {
                out +=
                    "\nMonte Carlo: viable cells, % of dose, median [5th–95th percentile] of \(samples) samples, seed \(seed)\n"
                out += TextTable(
                    headers: ["route"] + CompareRoutesCommand.organs,
                    rows: rows.map { r in
                        [r.route]
                            + CompareRoutesCommand.organs.map { name in
                                guard let lo = r.viableP05?[name], let mid = r.viableP50?[name],
                                    let hi = r.viableP95?[name]
                                else { return "-" }
                                return "\(s(mid)) [\(s(lo))–\(s(hi))]"
                            }
                    }
                ).render()
            }
            out += "\nLabel (viable + dead-cell label), %ID, at \(SimulationReport.hours(at))\n"
            out += TextTable(
                headers: ["route"] + CompareRoutesCommand.organs,
                rows: rows.map { r in [r.route] + CompareRoutesCommand.organs.map { s(r.labelPercent[$0] ?? .nan) } }
            ).render()
            let flagged = rows.filter { !$0.safetyFlags.isEmpty }
            if !flagged.isEmpty {
                out += "\nSafety flags\n"
                for r in flagged { for f in r.safetyFlags { out += "  \(r.route): \(f)\n" } }
            }
            return out
        }
    }

    /// Grouped bars: organs × routes, viable % of dose on a log axis.
    ///
    /// Without Monte Carlo the bars are the deterministic run. With it the bars are the medians and the
    /// whiskers their 5th–95th percentiles, and the deterministic run is a separately labelled diamond.
    func chart() -> String {
        let organs = CompareRoutesCommand.organs
        let groups = rows.map { r in
            let deterministic = organs.map { r.viablePercent[$0] ?? 0 }
            return RouteComparisonChart.Group(
                name: r.route, values: r.viableP50.map { mid in organs.map { mid[$0] ?? 0 } } ?? deterministic,
                lower: r.viableP05.map { lo in organs.map { lo[$0] ?? 0 } },
                upper: r.viableP95.map { hi in organs.map { hi[$0] ?? 0 } },
                markers: r.viableP50 == nil ? nil : deterministic)
        }
        var subtitle = "\(scenarioText); viable cells \(SimulationReport.hours(at)) after administration"
        if samples > 0 {
            subtitle += "; bars: median [5th–95th percentile] of \(samples) Monte Carlo samples"
        }
        return RouteComparisonChart(
            title: "Where the cells are, by route", subtitle: subtitle, yLabel: "Viable cells (% of dose)",
            categories: CompareRoutesCommand.organs, groups: groups, yFloor: 1e-4,
            markerNote: "deterministic run (default parameters)"
        ).render()
    }
}
