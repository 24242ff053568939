import GRDB

/// Tables of the curated knowledge base: vocabulary, publications, experiments, trials, claims,
/// their term links, and the FTS5 index.
enum KnowledgeSchema {
    static func v1(_ db: Database) throws {
        // Filled in by the knowledge-store work (issue 2).
    }
}
