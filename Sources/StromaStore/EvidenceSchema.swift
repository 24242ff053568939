import GRDB

/// Tables of the user's own evidence: experiments with arms and outcome measurements imported
/// from evidence files, with every replaced version kept.
///
/// - `evidence_experiment`: the current version of each user experiment (`record`: the
///   ``Experiment`` JSON, keys sorted), the study label, the file and rows it came from, when it
///   was imported, and a retraction (time and reason) when retracted.
/// - `evidence_history`: each replaced version, one row each.
/// - `evidence_row`: (file, row) → experiment, the provenance of every row of the current version.
///
/// The bundled knowledge base (`knowledge_*`) is never written by these; user ids start with `user-`.
///
/// **Frozen once shipped**: change the schema with a new migration.
enum EvidenceSchema {
    static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE evidence_experiment (
                    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                    study TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    source_file TEXT NOT NULL,
                    source_path TEXT NOT NULL,
                    rows TEXT NOT NULL,
                    record TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    retracted_at TEXT,
                    retraction_reason TEXT
                ) STRICT;
                CREATE TABLE evidence_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    experiment_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    source_file TEXT NOT NULL,
                    rows TEXT NOT NULL,
                    record TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    replaced_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX evidence_history_by_experiment ON evidence_history (experiment_id);
                CREATE TABLE evidence_row (
                    experiment_id TEXT NOT NULL REFERENCES evidence_experiment (id) ON DELETE CASCADE,
                    source_file TEXT NOT NULL,
                    row INTEGER NOT NULL,
                    PRIMARY KEY (experiment_id, source_file, row)
                ) STRICT;
                """)
    }
}
