import Foundation
import GRDB
import StromaDomain
import StromaKnowledge
import StromaRelease

extension StromaStore {
    /// Replaces the store's knowledge tables with `base` in one transaction named
    /// `load-knowledge`, and records the base's checksum in `stroma_metadata`.
    ///
    /// Other tables (imported registry records) are untouched. On any failure the store is left
    /// as it was. `label` names where the knowledge came from (`bundled` for the knowledge base
    /// shipped with Stroma); it is recorded as `knowledge_source` and decides automatic refreshes
    /// (see ``openKnowledgeStore(path:knowledge:label:createFolder:)``).
    /// - Throws: ``KnowledgeError/invalid(problems:)`` before writing anything when
    ///   `base.validate()` reports problems; ``StoreError/transactionFailed(name:underlying:)``
    ///   when SQLite refuses a row.
    public func loadKnowledge(_ base: KnowledgeBase, label: String = "custom") throws {
        let problems = base.validate()
        guard problems.isEmpty else { throw KnowledgeError.invalid(problems: problems) }
        let checksum = try base.checksum()
        let counts = [
            base.vocabulary.count, base.publications.count, base.experiments.count,
            base.trials.count, base.claims.count,
        ].map(String.init).joined(separator: ",")
        try write("load-knowledge") { db in
            try KnowledgeWriter.clear(db)
            try KnowledgeWriter.insert(base, into: db)
            try Self.setMetadata("knowledge_checksum", checksum, db)
            try Self.setMetadata("knowledge_source", label, db)
            try Self.setMetadata(
                "knowledge_counts", "terms,publications,experiments,trials,claims=" + counts, db)
            try Self.setMetadata("knowledge_loaded_by", "stroma \(StromaRelease.version)", db)
        }
    }

    /// The checksum of the knowledge base last loaded, or `nil` for a store without knowledge.
    public func knowledgeChecksum() throws -> String? {
        try metadata("knowledge_checksum")
    }

    /// A value of `stroma_metadata`, or `nil` when the key is absent.
    public func metadata(_ key: String) throws -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT value FROM stroma_metadata WHERE key = ?", arguments: [key])
        }
    }

    static func setMetadata(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO stroma_metadata (key, value) VALUES (?, ?)",
            arguments: [key, value])
    }
}
