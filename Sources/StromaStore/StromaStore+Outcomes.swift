import Foundation
import GRDB
import StromaDomain

extension StromaStore {
    /// Experiments matching `query` that carry outcome numbers, for pooling.
    ///
    /// Each returned experiment keeps only the ``OutcomeResult``s and ``OutcomeMeasurement``s whose `measure` is `outcome`
    /// (an outcome-measure term: id, label or synonym, any case) or one of its narrower terms;
    /// with `outcome == nil` every outcome is kept. Experiments left without a treated-vs-control pair (``Experiment/pairedOutcomes``) are dropped.
    /// Order: knowledge base order.
    /// - Throws: ``StoreError/unknownTerm(kind:name:suggestions:)`` for an unknown filter term
    ///   (`outcome` included).
    public func experimentsWithOutcomes(_ query: ExperimentQuery = ExperimentQuery(), outcome: String? = nil)
        throws -> [Experiment]
    {
        let measures: Set<String>? = try outcome.map { name in
            try read { db in try Self.termAndNarrower(name, kind: .outcomeMeasure, db) }
        }
        return try experiments(query).compactMap { experiment in
            var kept = experiment
            if let measures {
                kept.outcomes = experiment.outcomes.filter { measures.contains($0.measure) }
                kept.measurements = experiment.measurements.filter { measures.contains($0.measure) }
            }
            return kept.pairedOutcomes.isEmpty ? nil : kept
        }
    }

    /// The ids of every `kind` term `name` matches, with their narrower terms.
    static func termAndNarrower(_ name: String, kind: VocabularyKind, _ db: Database) throws -> Set<String> {
        let matches = try matchingTerms(name, kind: kind, db)
        guard !matches.isEmpty else { throw try unknownTerm(name, kind: kind, db) }
        var ids = Set<String>()
        for term in matches {
            ids.formUnion(try descendants(of: TermReference(term.kind, term.id), db))
        }
        return ids
    }
}
