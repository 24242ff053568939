import Foundation
import GRDB
import StromaDomain

extension StromaStore {
    /// Experiments matching every filter of `query`, in knowledge base order.
    /// - Throws: ``StoreError/unknownTerm(kind:name:suggestions:)`` naming the first filter
    ///   value that is not a term of its kind.
    public func experiments(_ query: ExperimentQuery = ExperimentQuery()) throws -> [Experiment] {
        let filters: [(VocabularyKind, String?)] = [
            (.condition, query.condition), (.cellSource, query.source), (.route, query.route),
            (.species, query.species), (.diseasePhase, query.phase), (.diseaseModel, query.model),
            (.productForm, query.productForm),
        ]
        return try read { db in
            var sql = "SELECT json FROM knowledge_experiment e WHERE 1"
            var arguments: StatementArguments = []
            for case (let kind, let name?) in filters {
                let keys = try Self.expandedKeys(name, kind: kind, db)
                sql += """
                     AND EXISTS (SELECT 1 FROM knowledge_experiment_term l
                     WHERE l.experiment_id = e.id
                     AND l.kind || '/' || l.term_id IN (SELECT value FROM json_each(?)))
                    """
                arguments += [keys]
            }
            sql += " ORDER BY e.ordinal"
            return try String.fetchAll(db, sql: sql, arguments: arguments)
                .map { try KnowledgeJSON.decode(Experiment.self, from: $0) }
        }
    }

    /// Trials matching every filter of `query`, in knowledge base order.
    /// - Throws: ``StoreError/unknownTerm(kind:name:suggestions:)`` for an unknown term,
    ///   ``StoreError/invalidArgument(name:value:valid:)`` for an unknown phase.
    public func trials(_ query: TrialQuery = TrialQuery()) throws -> [ClinicalTrial] {
        let phase = try query.phase.map { typed in
            guard let normalized = TrialPhase.normalize(typed) else {
                throw StoreError.invalidArgument(
                    name: "phase", value: typed,
                    valid: TrialPhase.all.joined(separator: ", ") + " (or 1–4, I–IV)")
            }
            return normalized
        }
        let filters: [(VocabularyKind, String?)] = [
            (.condition, query.condition), (.cellSource, query.source), (.route, query.route),
        ]
        return try read { db in
            var sql = "SELECT json FROM knowledge_trial t WHERE 1"
            var arguments: StatementArguments = []
            for case (let kind, let name?) in filters {
                let keys = try Self.expandedKeys(name, kind: kind, db)
                sql += """
                     AND EXISTS (SELECT 1 FROM knowledge_trial_term l WHERE l.trial_id = t.id
                     AND l.kind || '/' || l.term_id IN (SELECT value FROM json_each(?)))
                    """
                arguments += [keys]
            }
            if let phase {
                sql += """
                     AND EXISTS (SELECT 1 FROM knowledge_trial_phase p
                     WHERE p.trial_id = t.id AND p.phase = ?)
                    """
                arguments += [phase]
            }
            sql += " ORDER BY t.ordinal"
            return try String.fetchAll(db, sql: sql, arguments: arguments)
                .map { try KnowledgeJSON.decode(ClinicalTrial.self, from: $0) }
        }
    }

    /// Claims matching every filter of `query`, in knowledge base order.
    public func claims(_ query: ClaimQuery = ClaimQuery()) throws -> [Claim] {
        let filters: [(VocabularyKind?, String?, String?)] = [
            (nil, query.subject, "subject"), (.mechanism, query.mechanism, nil),
            (.condition, query.condition, nil),
        ]
        return try read { db in
            var sql = "SELECT json FROM knowledge_claim c WHERE 1"
            var arguments: StatementArguments = []
            for case (let kind, let name?, let role) in filters {
                let keys = try Self.expandedKeys(name, kind: kind, db)
                sql += """
                     AND EXISTS (SELECT 1 FROM knowledge_claim_term l WHERE l.claim_id = c.id
                     AND l.kind || '/' || l.term_id IN (SELECT value FROM json_each(?))
                    """
                arguments += [keys]
                if let role {
                    sql += " AND l.role = ?"
                    arguments += [role]
                }
                sql += ")"
            }
            sql += " ORDER BY c.ordinal"
            return try String.fetchAll(db, sql: sql, arguments: arguments)
                .map { try KnowledgeJSON.decode(Claim.self, from: $0) }
        }
    }

    /// Publications with the given ids, in knowledge base order (unknown ids are skipped).
    public func publications(ids: [String]) throws -> [Publication] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT json FROM knowledge_publication
                    WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ordinal
                    """,
                arguments: [try KnowledgeJSON.string(ids)]
            ).map { try KnowledgeJSON.decode(Publication.self, from: $0) }
        }
    }

    // MARK: - Term expansion

    /// The `kind/id` keys (JSON array text) of every term `name` matches within `kind` (all
    /// kinds when `nil`), with their narrower terms.
    /// - Throws: ``StoreError/unknownTerm(kind:name:suggestions:)`` when nothing matches.
    static func expandedKeys(_ name: String, kind: VocabularyKind?, _ db: Database) throws
        -> String
    {
        let matches = try matchingTerms(name, kind: kind, db)
        guard !matches.isEmpty else {
            throw try unknownTerm(name, kind: kind, db)
        }
        var keys: [String] = []
        for term in matches {
            for id in try descendants(of: TermReference(term.kind, term.id), db) {
                keys.append("\(term.kind.rawValue)/\(id)")
            }
        }
        return try KnowledgeJSON.string(keys)
    }
}
