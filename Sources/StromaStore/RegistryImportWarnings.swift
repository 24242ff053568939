import GRDB

/// What a registry import noticed about a record but did not refuse (an identifier that the file name
/// contradicts, a date or enum value dropped), kept with the record so that `stroma trials show` can say it.
///
/// Table `registry_import_warning` (migration `v4-registry-import-warnings`): one row per registry id, file
/// and message; re-importing the same file adds nothing.
public struct RegistryImportWarning: Sendable, Equatable, Hashable, Codable {
    /// The record's registry id (the id its content carries).
    public var registryId: String
    /// The file (or `archive.zip!/entry`, or a fetched page) the record was read from; empty when unknown.
    public var sourcePath: String
    public var message: String

    public init(registryId: String, sourcePath: String, message: String) {
        self.registryId = registryId
        self.sourcePath = sourcePath
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case registryId = "registry_id"
        case sourcePath = "source_path"
        case message
    }
}

extension RegistrySchema {
    /// `registry_import_warning`: the reader's warnings about each imported record.
    static func v2ImportWarnings(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE registry_import_warning (
                    registry_id TEXT NOT NULL,
                    source_path TEXT NOT NULL DEFAULT '',
                    message TEXT NOT NULL,
                    UNIQUE(registry_id, source_path, message)
                );
                CREATE INDEX registry_import_warning_by_id ON registry_import_warning(registry_id);
                """)
    }
}

extension StromaStore {
    /// Records `messages` for the study `id` read from `path` (already-recorded ones are skipped).
    static func writeImportWarnings(_ id: String, path: String?, _ messages: [String], _ db: Database) throws {
        for message in messages {
            try db.execute(
                sql:
                    "INSERT OR IGNORE INTO registry_import_warning (registry_id, source_path, message) VALUES (?, ?, ?)",
                arguments: [id, path ?? "", message])
        }
    }

    /// The warnings recorded for the study `id`, in the order they were first recorded.
    public func importWarnings(of id: String) throws -> [RegistryImportWarning] {
        try read { db in
            try Self.warnings(db, sql: "WHERE registry_id = ?", [id])
        }
    }

    /// The warnings whose message quotes `id` (`'NCT02278341'`) about another record — for example the file
    /// `NCT02278341.json` that holds NCT02552212 — so that a lookup of an id that is only a file name can say
    /// where its record went.
    public func importWarnings(mentioning id: String) throws -> [RegistryImportWarning] {
        try read { db in
            try Self.warnings(db, sql: "WHERE registry_id <> ? AND instr(message, ?) > 0", [id, "'\(id)'"])
        }
    }

    private static func warnings(
        _ db: Database, sql filter: String, _ arguments: StatementArguments
    ) throws -> [RegistryImportWarning] {
        try Row.fetchAll(
            db,
            sql: "SELECT registry_id, source_path, message FROM registry_import_warning \(filter) ORDER BY rowid",
            arguments: arguments
        ).map {
            RegistryImportWarning(registryId: $0["registry_id"], sourcePath: $0["source_path"], message: $0["message"])
        }
    }
}
