import ArgumentParser
import Foundation
import StromaKinetics

/// `stroma simulate`: where administered MSCs go, per organ and time (whole-body cell model).
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate where administered MSCs go: viable cells and label per organ over time.",
        discussion: """
            stroma simulate --species mouse|rat|human --route IV|IA|IC|ICV|IT|IN --dose 1e6 \
            [--per-kg] [--context xenogeneic|syngeneic|allogeneic] [--after-injury 24h] \
            [--until 7d] [--infusion 30min] [--doses 4 --every 3mo] [--set PARAM=VALUE ...] \
            [--params FILE] [--samples 1000 --seed 1] [--format table|json|csv] \
            [--plot FILE.svg] [--linear]  (all options: stroma simulate run --help)

            Whole-body cell model (docs/kinetics-model.md, docs/simulate.md): arrest in lung, \
            liver, spleen, gut, kidney, brain and lesion, death to labelled debris, homing to \
            the lesion. The effect estimate is a hypothesis to be calibrated, not a prediction.
            """,
        subcommands: [SimulateRunCommand.self, CompareRoutesCommand.self],
        defaultSubcommand: SimulateRunCommand.self
    )
}

/// The default `simulate` action: one scenario, optionally with Monte Carlo bands and a plot.
struct SimulateRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate one scenario (the default: `stroma simulate --species rat …`)."
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: "Route: IV, IA, IC, ICV, IT or IN.")
    var route: String

    @OptionGroup var monteCarlo: MonteCarloOptions

    @OptionGroup var formatOptions: FormatOptions

    @Option(help: "Write an SVG chart of organ time courses to this file.")
    var plot: String?

    @Option(name: .customLong("plot-quantity"), help: "What the chart shows: viable (cells, % of dose) or label (%ID).")
    var plotQuantity: PlotQuantity = .viable

    @Flag(help: "Logarithmic y axis in the chart (the default; kept for older scripts).")
    var log = false

    @Flag(
        help:
            "Linear y axis in the chart. The default is logarithmic so that the lesion, orders of magnitude below the lung, is visible."
    )
    var linear = false

    func run() throws {
        let route = try parseRoute(self.route)
        let scenario = try scenarioOptions.scenario(route: route)
        let parameters = try scenarioOptions.parameters(for: scenario)
        let samples = try monteCarlo.sampleCount()
        let seed = try monteCarlo.seedValue()
        if let plot { try SimulationPlot.checkWritable(plot) }
        let result = try Simulation.run(scenario, parameters: parameters)
        var bands: MonteCarlo.Result?
        if samples > 0 {
            bands = try MonteCarloProgress.run(samples: samples, seed: seed) {
                try MonteCarlo(samples: samples, seed: seed).run(scenario, parameters: parameters)
            }
        }
        let report = SimulationReport(result: result, parameters: parameters, monteCarlo: bands)
        let rendered = try report.rendered(as: formatOptions.format)
        // The chart is written before the table is printed, so a failed write prints no data.
        if let plot {
            let svg = SimulationPlot.timeCourse(report: report, quantity: plotQuantity, logY: !linear)
            try SimulationPlot.write(svg, to: plot)
        }
        StandardStreams.writeData(rendered)
        for warning in result.warnings { StandardStreams.writeMessage("warning: \(warning)") }
    }
}

/// The quantity drawn by `simulate --plot`.
enum PlotQuantity: String, ExpressibleByArgument, CaseIterable, Sendable {
    case viable
    case label
}
