import Foundation
import StromaKinetics
import StromaPlot
import StromaWorkbench

/// Builds the SVG charts of `simulate --plot` and `simulate compare-routes --plot`.
enum SimulationPlot {
    /// Organs drawn in time-course charts, in legend order.
    static func plottedOrgans(route: AdministrationRoute) -> [String] {
        var organs = ["lung", "liver", "spleen", "kidney", "brain", "lesion", "blood"]
        if route == .icv || route == .it { organs.append("csf") }
        if route == .in { organs.append("nasal") }
        return organs
    }

    static func scenarioLine(_ r: SimulationResult) -> String {
        let s = r.scenario
        var text = "\(s.species.rawValue.capitalized), \(s.context.rawValue), \(s.route.rawValue)"
        text += s.route == .iv && s.infusion > 0 ? " infusion \(SimulationReport.hours(s.infusion))" : " bolus"
        text += ", \(SimulationReport.short(r.cellsPerDose)) cells"
        if s.doses > 1 { text += " × \(s.doses) every \(SimulationReport.hours(s.every))" }
        text += ", \(SimulationReport.hours(s.afterInjury)) after injury"
        return text
    }

    /// Organ time courses (% of dose); with Monte Carlo each line is the median with its 5th–95th percentile
    /// band (so the band contains its line; the deterministic run is in the table, CSV and JSON).
    static func timeCourse(report: SimulationReport, quantity: PlotQuantity, logY: Bool) -> String {
        let r = report.result
        let inDays = r.scenario.until > 72
        let x = r.times.map { inDays ? $0 / 24 : $0 }
        let suffix = quantity == .viable ? "viable_pct" : "label_pct"
        var series: [TimeCourseChart.Series] = []
        for name in plottedOrgans(route: r.scenario.route) {
            guard let o = r.organ(name) else { continue }
            let y = quantity == .viable ? o.viablePercent : o.labelPercent
            let band = report.monteCarlo?.band("\(name)_\(suffix)")
            series.append(
                TimeCourseChart.Series(
                    name: name == "lesion" ? "lesion (all pools)" : name, x: x, y: band?.p50 ?? y,
                    lower: band?.p05, upper: band?.p95))
        }
        var subtitle = scenarioLine(r)
        if let mc = report.monteCarlo {
            subtitle += "; lines: median, bands: 5th–95th percentile of \(mc.samples) Monte Carlo samples"
        }
        let chart = TimeCourseChart(
            title: quantity == .viable ? "Viable MSCs by organ" : "Cell label by organ (viable + dead-cell label)",
            xLabel: inDays ? "Time after administration (days)" : "Time after administration (h)",
            yLabel: quantity == .viable ? "Viable cells (% of dose)" : "Label (% of injected dose)",
            logY: logY, series: series, yFloor: logY ? 1e-4 : nil, subtitle: subtitle,
            xTicks: timeTicks(end: x.last ?? 1, inDays: inDays))
        return chart.render()
    }

    /// Ticks at whole hours (every 1, 2, 6, 12 or 24 h) or whole days (1, 2, 7, 14, 30, 60 …).
    static func timeTicks(end: Double, inDays: Bool) -> [Double] {
        let steps: [Double] = inDays ? [1, 2, 7, 14, 30, 60, 91.3125, 182.625, 365.25] : [1, 2, 6, 12, 24]
        let step = steps.first { end / $0 <= 10 } ?? end / 8
        return stride(from: 0.0, through: end + 1e-9, by: step).map { $0 }
    }

    /// Fails early, before a long run and before any output, if the chart file cannot be written: a
    /// directory, a missing folder or a read-only location gives one line naming `--plot` and the path.
    static func checkWritable(_ path: String) throws {
        try FilePaths.checkWritableFile(path, option: "--plot")
    }

    static func write(_ svg: String, to path: String) throws {
        do {
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw KineticsError("cannot write plot '\(path)': \(error.localizedDescription)")
        }
        StandardStreams.writeMessage("wrote \(path)")
    }
}
