import ArgumentParser
import Foundation
import StromaDomain
import StromaImport
import StromaPlot
import StromaStatistics

/// `stroma meta`: evidence synthesis of comparisons (pooled fit, subgroups, meta-regression).
struct MetaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meta",
        abstract: "Meta-analysis of treated-versus-control comparisons (metafor-compatible).",
        discussion: """
            Input: Stroma's comparison CSV (one row per comparison; see docs/meta-analysis.md) or a \
            SyRF quantitative export (--syrf); or, with --knowledge, the outcome numbers of the \
            knowledge base's experiments (--condition, --outcome, --db). `stroma meta --input FILE \
            --measure SMD` runs the pooled fit (the default subcommand `pool`).
            """,
        subcommands: [
            MetaPoolCommand.self, MetaBiasCommand.self, MetaLeaveOneOutCommand.self,
            MetaCumulativeCommand.self, MetaInfluenceCommand.self, MetaPermutationCommand.self,
        ],
        defaultSubcommand: MetaPoolCommand.self
    )
}

/// `stroma meta pool`: pooled estimate, subgroups (`--by`) or meta-regression (`--mods`).
struct MetaPoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "Pooled estimate, subgroups (--by) or meta-regression (--mods), with plots."
    )

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: "Moderator column for subgroup analysis.")
    var by: String?

    @Option(
        name: .long, parsing: .singleValue,
        help: "Moderator columns for meta-regression, comma-separated.")
    var mods: [String] = []

    @Option(
        name: .long,
        help: "Number of stratifications tested (Bonferroni threshold 0.05/m of the CAMARADES partition test).")
    var stratifications: Int = 1

    @Option(name: .long, help: "Write a forest plot (SVG) to this file.")
    var forest: String?

    @Option(name: .long, help: "Extra forest-plot columns (moderator names, comma-separated).")
    var forestColumns: String?

    @Option(name: .long, help: "Write a funnel plot (SVG) to this file.")
    var funnel: String?

    @Option(name: .long, help: "Write a bubble plot (SVG) to this file; needs one continuous --mods.")
    var bubble: String?

    func run() async throws {
        let dataset = try MetaDataset(options: inputOptions)
        let modList = MetaPoolCommand.columns(mods)
        let run = try MetaRun(
            dataset: dataset, options: inputOptions.modelOptions, mods: modList, by: by,
            stratifications: stratifications)
        if let forest {
            let columns = try (forestColumns ?? "").split(separator: ",")
                .map {
                    try dataset.moderatorColumn(
                        String($0).trimmingCharacters(in: .whitespaces), option: "--forest-columns")
                }
            guard run.overall.p == 1 else {
                throw MetaCommandError("--forest: draw the forest plot without --mods (use --by for subgroups)")
            }
            try MetaPlots.write(MetaPlots.forest(run, extraColumns: columns).svg(), to: forest)
        }
        if let funnel {
            guard run.overall.p == 1 else {
                throw MetaCommandError("--funnel: draw the funnel plot without --mods")
            }
            try MetaPlots.write(MetaPlots.funnel(run).svg(), to: funnel)
        }
        if let bubble {
            try MetaPlots.write(try MetaPlots.bubble(run).svg(), to: bubble)
        }
        switch formatOptions.format {
        case .table:
            StandardStreams.writeData(MetaTextReport.render(run))
            for warning in run.warnings { StandardStreams.writeMessage("warning: \(warning)") }
        case .json:
            StandardStreams.writeData(try JSONText.render(MetaReport.json(run, syrf: inputOptions.syrf)))
        case .csv:
            let table = MetaReport.csv(run)
            StandardStreams.writeData(CSVText.render(headers: table.headers, rows: table.rows))
            for warning in run.warnings { StandardStreams.writeMessage("warning: \(warning)") }
        }
    }
}

extension MetaPoolCommand {
    /// Splits comma-separated column lists.
    static func columns(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }
}
