import Foundation
import GRDB
import StromaDomain
import StromaKnowledge

extension StromaStore {
    /// Everything known about the term `name` names (see ``TermProfile``).
    /// - Throws: ``StoreError/unknownTerm(kind:name:suggestions:)`` or
    ///   ``StoreError/ambiguousTerm(name:candidates:)`` as ``resolveTerm(_:kind:)``.
    public func profile(of name: String, kind: VocabularyKind? = nil) throws -> TermProfile {
        try profile(of: try resolveTerm(name, kind: kind))
    }

    /// Everything known about `term`.
    public func profile(of term: VocabularyTerm) throws -> TermProfile {
        let reference = TermReference(term.kind, term.id)
        return try read { db in
            let tree = try Self.descendants(of: reference, db)
            let keys = try KnowledgeJSON.string(tree.map { "\(term.kind.rawValue)/\($0)" })
            func records<T: Decodable>(_ table: String, _ link: String, _ column: String) throws
                -> [T]
            {
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT r.json FROM \(table) r WHERE EXISTS (
                            SELECT 1 FROM \(link) l WHERE l.\(column) = r.id
                            AND l.kind || '/' || l.term_id IN (SELECT value FROM json_each(?)))
                        ORDER BY r.ordinal
                        """,
                    arguments: [keys]
                ).map { try KnowledgeJSON.decode(T.self, from: $0) }
            }
            let experiments: [Experiment] = try records(
                "knowledge_experiment", "knowledge_experiment_term", "experiment_id")
            let trials: [ClinicalTrial] = try records(
                "knowledge_trial", "knowledge_trial_term", "trial_id")
            let claims: [Claim] = try records(
                "knowledge_claim", "knowledge_claim_term", "claim_id")

            let parent = try term.parent.flatMap {
                try Self.term(TermReference(term.kind, $0), db).map(TermSummary.init)
            }
            let children = try String.fetchAll(
                db,
                sql: "SELECT json FROM knowledge_term WHERE kind = ? AND parent = ? ORDER BY ordinal",
                arguments: [term.kind.rawValue, term.id]
            ).map { TermSummary(try KnowledgeJSON.decode(VocabularyTerm.self, from: $0)) }
            var related: [TermSummary] = []
            for ref in term.related {
                if let found = try Self.term(ref, db) { related.append(TermSummary(found)) }
            }
            let incoming = try String.fetchAll(
                db,
                sql: """
                    SELECT t.json FROM knowledge_term_relation r
                    JOIN knowledge_term t ON t.kind = r.kind AND t.id = r.term_id
                    WHERE r.related_kind = ? AND r.related_id = ?
                    ORDER BY t.ordinal
                    """,
                arguments: [term.kind.rawValue, term.id])
            for json in incoming {
                let summary = TermSummary(try KnowledgeJSON.decode(VocabularyTerm.self, from: json))
                if !related.contains(summary) { related.append(summary) }
            }

            let publicationIds = Array(
                Set(experiments.compactMap(\.publication) + trials.compactMap(\.publication)))
            let publications = try String.fetchAll(
                db,
                sql: """
                    SELECT json FROM knowledge_publication
                    WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ordinal
                    """,
                arguments: [try KnowledgeJSON.string(publicationIds)]
            ).map { try KnowledgeJSON.decode(Publication.self, from: $0) }

            let excluded = Set(tree.map { TermReference(term.kind, $0) })
            var counts: [TermReference: (Int, Int, Int)] = [:]
            for refs in experiments.map(\.termReferences) {
                for ref in Set(refs).subtracting(excluded) { counts[ref, default: (0, 0, 0)].0 += 1 }
            }
            for refs in trials.map(\.termReferences) {
                for ref in Set(refs).subtracting(excluded) { counts[ref, default: (0, 0, 0)].1 += 1 }
            }
            for refs in claims.map(\.termReferences) {
                for ref in Set(refs).subtracting(excluded) { counts[ref, default: (0, 0, 0)].2 += 1 }
            }
            var coOccurring: [TermCount] = []
            for (ref, count) in counts {
                let label = try Self.term(ref, db)?.label ?? ref.id
                coOccurring.append(
                    TermCount(
                        kind: ref.kind, id: ref.id, label: label, experiments: count.0,
                        trials: count.1, claims: count.2))
            }
            coOccurring.sort { lhs, rhs in
                (lhs.kind, -lhs.total, lhs.id) < (rhs.kind, -rhs.total, rhs.id)
            }
            return TermProfile(
                term: term, parent: parent, children: children, related: related,
                experiments: experiments, trials: trials, claims: claims,
                publications: publications, coOccurring: coOccurring)
        }
    }
}
