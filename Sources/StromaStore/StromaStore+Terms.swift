import Foundation
import GRDB
import StromaDomain

extension StromaStore {
    /// The terms of `kind`, in knowledge base order.
    public func terms(of kind: VocabularyKind) throws -> [VocabularyTerm] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT json FROM knowledge_term WHERE kind = ? ORDER BY ordinal",
                arguments: [kind.rawValue]
            ).map { try KnowledgeJSON.decode(VocabularyTerm.self, from: $0) }
        }
    }

    /// The term `reference` points to, if any.
    public func term(_ reference: TermReference) throws -> VocabularyTerm? {
        try read { db in try Self.term(reference, db) }
    }

    /// The number of terms of each kind (kinds without terms are absent).
    public func termCounts() throws -> [VocabularyKind: Int] {
        try read { db in
            var counts: [VocabularyKind: Int] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT kind, COUNT(*) AS n FROM knowledge_term GROUP BY kind")
            for row in rows {
                if let kind = VocabularyKind(rawValue: row["kind"]) { counts[kind] = row["n"] }
            }
            return counts
        }
    }

    /// The terms `name` matches best: by id, else by label, else by synonym, after
    /// normalization (see ``TermMatching``), within `kind` or across all kinds.
    public func matchingTerms(_ name: String, kind: VocabularyKind?) throws -> [VocabularyTerm] {
        try read { db in try Self.matchingTerms(name, kind: kind, db) }
    }

    /// The single term `name` names.
    /// - Throws: ``StoreError/unknownTerm(kind:name:suggestions:)`` with the nearest names, or
    ///   ``StoreError/ambiguousTerm(name:candidates:)`` when it names terms of several kinds.
    public func resolveTerm(_ name: String, kind: VocabularyKind?) throws -> VocabularyTerm {
        let matches = try matchingTerms(name, kind: kind)
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw try unknownTermError(name, kind: kind) }
        throw StoreError.ambiguousTerm(
            name: name, candidates: matches.map { TermReference($0.kind, $0.id) })
    }

    /// The error for an unknown `name`, with up to three suggestions.
    public func unknownTermError(_ name: String, kind: VocabularyKind?) throws -> StoreError {
        try read { db in try Self.unknownTerm(name, kind: kind, db) }
    }

    /// The terms nearest to `name`, best first (see ``TermMatching/score(query:name:)``); a
    /// term's score is its best over id, label and synonyms.
    public func suggestions(
        for name: String, kind: VocabularyKind?, limit: Int = 3
    ) throws -> [TermReference] {
        try read { db in try Self.suggestions(for: name, kind: kind, limit: limit, db) }
    }

    /// Direct narrower terms of `reference` (same kind), in knowledge base order.
    public func children(of reference: TermReference) throws -> [VocabularyTerm] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT json FROM knowledge_term WHERE kind = ? AND parent = ? ORDER BY ordinal
                    """,
                arguments: [reference.kind.rawValue, reference.id]
            ).map { try KnowledgeJSON.decode(VocabularyTerm.self, from: $0) }
        }
    }

    /// How many experiments, trials and claims mention each term of `kind`, counting records
    /// that mention a narrower term too (`stroke` counts `ischemic-stroke` records).
    public func usage(of kind: VocabularyKind) throws -> [String: TermUsage] {
        try read { db in
            var usage: [String: TermUsage] = [:]
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM knowledge_term WHERE kind = ?", arguments: [kind.rawValue])
            for id in ids {
                let tree = try Self.descendants(of: TermReference(kind, id), db)
                func count(_ table: String, _ column: String) throws -> Int {
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(DISTINCT \(column)) FROM \(table)
                            WHERE kind = ? AND term_id IN (SELECT value FROM json_each(?))
                            """,
                        arguments: [kind.rawValue, try KnowledgeJSON.string(tree)]) ?? 0
                }
                usage[id] = TermUsage(
                    experiments: try count("knowledge_experiment_term", "experiment_id"),
                    trials: try count("knowledge_trial_term", "trial_id"),
                    claims: try count("knowledge_claim_term", "claim_id"))
            }
            return usage
        }
    }

    // MARK: - Shared SQL helpers

    static func term(_ reference: TermReference, _ db: Database) throws -> VocabularyTerm? {
        try String.fetchOne(
            db, sql: "SELECT json FROM knowledge_term WHERE kind = ? AND id = ?",
            arguments: [reference.kind.rawValue, reference.id]
        ).map { try KnowledgeJSON.decode(VocabularyTerm.self, from: $0) }
    }

    static func matchingTerms(
        _ name: String, kind: VocabularyKind?, _ db: Database
    ) throws -> [VocabularyTerm] {
        var sql = """
            SELECT n.kind, n.term_id,
                   MIN(CASE n.source WHEN 'id' THEN 0 WHEN 'label' THEN 1 ELSE 2 END) AS rank,
                   t.json
            FROM knowledge_term_name n
            JOIN knowledge_term t ON t.kind = n.kind AND t.id = n.term_id
            WHERE n.normalized = ?
            """
        var arguments: StatementArguments = [TermMatching.normalize(name)]
        if let kind {
            sql += " AND n.kind = ?"
            arguments += [kind.rawValue]
        }
        sql += " GROUP BY n.kind, n.term_id ORDER BY rank, t.ordinal"
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        guard let bestRank: Int = rows.first?["rank"] else { return [] }
        return try rows.filter { $0["rank"] == bestRank }.map {
            try KnowledgeJSON.decode(VocabularyTerm.self, from: $0["json"])
        }
    }

    /// `reference`'s id and the ids of every narrower term below it (cycles are tolerated).
    static func descendants(of reference: TermReference, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE tree(id) AS (
                    SELECT ?
                    UNION
                    SELECT t.id FROM knowledge_term t JOIN tree ON t.parent = tree.id
                    WHERE t.kind = ?
                )
                SELECT id FROM tree
                """,
            arguments: [reference.id, reference.kind.rawValue])
    }

    static func unknownTerm(_ name: String, kind: VocabularyKind?, _ db: Database) throws
        -> StoreError
    {
        let nearest = try suggestions(for: name, kind: kind, limit: 3, db)
        let names = nearest.map { kind == nil ? "\($0.id) (\($0.kind.rawValue))" : $0.id }
        return StoreError.unknownTerm(kind: kind, name: name, suggestions: names)
    }

    static func suggestions(
        for name: String, kind: VocabularyKind?, limit: Int, _ db: Database
    ) throws -> [TermReference] {
        let query = TermMatching.normalize(name)
        var sql = """
            SELECT n.kind, n.term_id, n.normalized, t.ordinal
            FROM knowledge_term_name n
            JOIN knowledge_term t ON t.kind = n.kind AND t.id = n.term_id
            """
        var arguments: StatementArguments = []
        if let kind {
            sql += " WHERE n.kind = ?"
            arguments = [kind.rawValue]
        }
        var best: [TermReference: (score: Int, ordinal: Int)] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            guard let rowKind = VocabularyKind(rawValue: row[0]),
                let score = TermMatching.score(query: query, name: row[2])
            else { continue }
            let reference = TermReference(rowKind, row[1])
            if let current = best[reference], current.score <= score { continue }
            best[reference] = (score, row[3])
        }
        return best.sorted { lhs, rhs in
            (lhs.value.score, lhs.key.kind, lhs.value.ordinal)
                < (rhs.value.score, rhs.key.kind, rhs.value.ordinal)
        }.prefix(limit).map(\.key)
    }
}
