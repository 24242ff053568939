import ArgumentParser
import Foundation
import StromaDomain
import StromaPlot
import StromaStore
import StromaWorkbench

/// `stroma trials landscape`: imported MSC trials counted by condition × phase × cell source ×
/// route × status, with enrollment, and what changed since a date.
struct TrialsLandscape: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landscape",
        abstract: "Count imported MSC trials and their enrollment by condition, phase, source, route and status.",
        discussion: """
            Reads the registry records written by 'stroma import ctgov' and 'stroma fetch ctgov' \
            that the MSC recogniser classed as MSC trials. A study is counted in every \
            (condition, route) pair it has, so cells can sum to more than the number of studies. \
            --condition takes a vocabulary term (id, label or synonym; its narrower terms are \
            included) and also selects the recogniser's own condition that the name spells: \
            'stroke' counts ischaemic stroke and studies that say only "stroke" (unspecified); \
            'ischemic-stroke' only those recognised as ischaemic (JSON: condition_ids). \
            --since DATE (YYYY, YYYY-MM or YYYY-MM-DD) adds new_since/updated_since to \
            each cell and lists the studies first posted or updated on or after DATE. \
            --plot writes an SVG bar chart of studies per condition and phase, split by source.
            """)

    @Option(help: "Condition term, e.g. spinal-cord-injury.") var condition: String?
    @Option(help: "Report changes on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).") var since: String?
    @Option(help: ArgumentHelp("Write an SVG chart to this file.", valueName: "file.svg")) var plot: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if let since, PartialDate(iso: since) == nil {
            throw ValidationError("'--since' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '\(since)'")
        }
    }

    func run() throws {
        if let plot { try FilePaths.checkWritableFile(plot, option: "--plot") }
        let opened = try store.openStore()
        let result = try TrialLandscape.build(condition: condition, since: since, in: opened)
        StandardStreams.writeData(try LandscapeListing(result: result).rendered(as: output.format))
        if let plot {
            let svg = result.chart(labels: try TrialLabels(store: opened)).render()
            do {
                try svg.write(toFile: plot, atomically: true, encoding: .utf8)
            } catch {
                throw WorkbenchError(
                    .fileAccess, "cannot write '--plot' file '\(plot)': \(error.localizedDescription)", file: plot,
                    option: "--plot")
            }
            StandardStreams.writeMessage("wrote \(plot)")
        }
        if result.landscape.studyCount == 0 {
            StandardStreams.writeMessage(
                "no imported MSC trials\(condition.map { " for '\($0)'" } ?? ""); import some with 'stroma import ctgov' or 'stroma fetch ctgov'"
            )
        }
    }
}
