import ArgumentParser
import Foundation
import StromaPlot
import StromaImport
import StromaWorkbench

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
        let run = try inputOptions.run(mods: mods, by: by, stratifications: stratifications)
        if let forest {
            let columns = try run.dataset.moderatorColumns([forestColumns ?? ""], option: "--forest-columns")
            try MetaSVGFile.write(try MetaPlots.forest(run, extraColumns: columns).svg(), to: forest)
        }
        if let funnel {
            try MetaSVGFile.write(try MetaPlots.funnel(run).svg(), to: funnel)
        }
        if let bubble {
            try MetaSVGFile.write(try MetaPlots.bubble(run).svg(), to: bubble)
        }
        switch formatOptions.format {
        case .table:
            StandardStreams.writeData(MetaTextReport.render(run))
            MetaSVGFile.writeWarnings(run.warnings)
        case .json:
            StandardStreams.writeData(try JSONText.render(MetaPoolResult(run)))
        case .csv:
            let table = MetaCSVReport.studies(MetaPoolResult(run), moderatorColumns: run.dataset.table.moderatorColumns)
            StandardStreams.writeData(CSVText.render(headers: table.headers, rows: table.rows))
            MetaSVGFile.writeWarnings(run.warnings)
        }
    }
}
