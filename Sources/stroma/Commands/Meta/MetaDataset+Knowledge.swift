import Foundation
import StromaDomain
import StromaImport
import StromaStore

extension MetaDataset {
    /// The comparisons of `--knowledge`: every outcome of the experiments matching `--condition`
    /// and `--outcome` (``StromaStore/experimentsWithOutcomes(_:outcome:)``), mapped by
    /// ``Comparison/fromOutcomes(of:)``; and the database path for `input.file`.
    ///
    /// Errors (one line): no matching experiment carries outcome numbers; the experiments report
    /// several outcome measures and `--outcome` was not given.
    static func knowledgeTable(_ options: MetaInputOptions) throws -> (ComparisonTable, String) {
        let store = try options.store.openStore()
        let experiments = try store.experimentsWithOutcomes(
            ExperimentQuery(condition: options.condition), outcome: options.outcome)
        guard !experiments.isEmpty else {
            let filters = [("--condition", options.condition), ("--outcome", options.outcome)]
                .compactMap { name, value in value.map { "\(name) '\($0)'" } }
            let matching = filters.isEmpty ? "" : " matching " + filters.joined(separator: ", ")
            throw MetaCommandError(
                "no experiments\(matching) carry outcome numbers; add them as an "
                    + "'outcomes' array on the experiments of the knowledge base (fields: docs/knowledge.md, "
                    + "\"Outcome\") and rebuild the database")
        }
        let measures = Set(experiments.flatMap { $0.outcomes.map(\.measure) })
        if options.outcome == nil && measures.count > 1 {
            throw MetaCommandError(
                "the matching experiments report several outcome measures ("
                    + measures.sorted().joined(separator: ", ") + "); choose one with --outcome")
        }
        var warnings: [String] = []
        for experiment in experiments where experiment.outcomes.count > 1 {
            warnings.append(
                "experiment '\(experiment.id)' gives \(experiment.outcomes.count) "
                    + "comparisons (several measures or time points of the same animals); they are "
                    + "pooled as if independent")
        }
        let comparisons = experiments.flatMap(Comparison.fromOutcomes(of:))
        let table = ComparisonTable(
            comparisons: comparisons,
            moderatorColumns: Comparison.experimentModeratorColumns, warnings: warnings)
        return (table, store.path ?? "in-memory database")
    }
}

extension Comparison {
    /// Where the comparison came from, for messages: `line N`, or `knowledge base`.
    var placeName: String { line.map { "line \($0)" } ?? "knowledge base" }
}
