import StromaStatistics
import StromaDomain
import StromaImport
import StromaStore

extension MetaDataset {
    /// The comparisons of `--knowledge`: every outcome of the store's experiments matching `condition` and
    /// `outcome` (``StromaStore/experimentsWithOutcomes(_:outcome:)``), mapped by ``Comparison/fromOutcomes(of:)``.
    ///
    /// Errors (``WorkbenchError``): no matching experiment carries outcome numbers; the experiments report several
    /// outcome measures and `outcome` was not given.
    public init(knowledge store: StromaStore, condition: String?, outcome: String?, measure: MetaMeasure) throws {
        let experiments = try store.experimentsWithOutcomes(ExperimentQuery(condition: condition), outcome: outcome)
        guard !experiments.isEmpty else {
            let filters = [("--condition", condition), ("--outcome", outcome)]
                .compactMap { name, value in value.map { "\(name) '\($0)'" } }
            let matching = filters.isEmpty ? "" : " matching " + filters.joined(separator: ", ")
            throw WorkbenchError(
                .notFound,
                "no experiments\(matching) carry outcome numbers; add them as an "
                    + "'outcomes' array on the experiments of the knowledge base (fields: docs/knowledge.md, "
                    + "\"Outcome\") and rebuild the database", field: "outcomes")
        }
        let measures = Set(experiments.flatMap { $0.outcomes.map(\.measure) })
        if outcome == nil && measures.count > 1 {
            throw WorkbenchError(
                .invalidInput,
                "the matching experiments report several outcome measures ("
                    + measures.sorted().joined(separator: ", ") + "); choose one with --outcome",
                option: "--outcome", valid: measures.sorted())
        }
        var warnings: [String] = []
        for experiment in experiments where experiment.outcomes.count > 1 {
            warnings.append(
                "experiment '\(experiment.id)' gives \(experiment.outcomes.count) "
                    + "comparisons (several measures or time points of the same animals); they are "
                    + "pooled as if independent")
        }
        let table = ComparisonTable(
            comparisons: experiments.flatMap(Comparison.fromOutcomes(of:)),
            moderatorColumns: Comparison.experimentModeratorColumns, warnings: warnings)
        try self.init(
            table: table, fileName: store.path ?? "in-memory database", layout: .knowledge, measure: measure)
    }
}
