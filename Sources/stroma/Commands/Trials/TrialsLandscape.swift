import ArgumentParser
import Foundation
import StromaDomain
import StromaImport
import StromaPlot
import StromaStore

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
            included) or a condition the recogniser knows (e.g. 'spinal cord injury'). --since DATE (YYYY, YYYY-MM or YYYY-MM-DD) adds new_since/updated_since to \
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
        let opened = try store.openStore()
        var wanted: Set<String>?
        if let condition { wanted = try Self.conditionIds(condition, in: opened) }
        let landscape = try opened.registryLandscape(
            conditions: wanted, since: since.flatMap(PartialDate.init(iso:)))
        let listing = LandscapeListing(landscape: landscape, condition: condition, since: since)
        StandardStreams.writeData(try listing.rendered(as: output.format))
        if let plot {
            let svg = LandscapeChart(bars: listing.chartBars, title: listing.chartTitle).render()
            do {
                try svg.write(toFile: plot, atomically: true, encoding: .utf8)
            } catch {
                throw TrialsError("cannot write '--plot' file '\(plot)': \(error.localizedDescription)")
            }
            StandardStreams.writeMessage("wrote \(plot)")
        }
        if landscape.studyCount == 0 {
            StandardStreams.writeMessage(
                "no imported MSC trials\(condition.map { " for '\($0)'" } ?? ""); import some with 'stroma import ctgov' or 'stroma fetch ctgov'"
            )
        }
    }

    /// The condition ids `name` selects: a vocabulary term with its narrower terms; else the
    /// recogniser's own condition id that `name` spells (``MSCConditionMap/builtIn``), so
    /// conditions the vocabulary lacks can still be selected; else the vocabulary's error with
    /// suggestions.
    static func conditionIds(_ name: String, in store: StromaStore) throws -> Set<String> {
        do {
            return try withNarrower(try store.resolveTerm(name, kind: .condition), in: store)
        } catch let error as StoreError {
            guard case .unknownTerm = error, let match = MSCConditionMap.builtIn.match(name) else { throw error }
            return [match.id]
        }
    }

    /// The id of `term` and of every narrower condition term.
    static func withNarrower(_ term: VocabularyTerm, in store: StromaStore) throws -> Set<String> {
        var ids: Set<String> = [term.id]
        var queue = [term]
        while let next = queue.popLast() {
            for child in try store.children(of: TermReference(.condition, next.id)) where ids.insert(child.id).inserted
            {
                queue.append(child)
            }
        }
        return ids
    }
}
