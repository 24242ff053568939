import Foundation
import GRDB
import StromaDomain

/// Idempotent, versioned writes and reads of registry studies.
///
/// Rule for a study with registry id *k* and version *v* (its last-update-posted date):
/// Records are compared as JSON without `source` (the file path, kept in `source_path`) and
/// `warnings` (the reader's notes about the file, kept in `registry_import_warning` whatever the outcome).
/// - no current row for *k* → insert (`new`);
/// - the stored record is identical (JSON, file path excluded) → nothing changes (`unchanged`);
/// - *v* is older than the stored version → the current row stays; the incoming version is
///   added to history if history does not already hold it (`unchanged`, reason says so);
/// - otherwise (newer, or the same version with different content) → the current row moves to
///   `registry_study_history` and the incoming one replaces it (`updated`).
///
/// Transactions: ``upsertStudies(_:)`` writes a batch in one transaction with one savepoint per
/// record, so a record that fails is rolled back alone and a killed process leaves only whole
/// records (the uncommitted batch is lost as a whole and is re-read by the next run).
extension StromaStore {
    /// One study to write, with its MSC extraction.
    public struct StudyUpsert: Sendable {
        public var study: RegistryStudy
        public var msc: RegistryMSCSummary?
        /// The stored JSON of `study` (``StromaStore/recordJSON(_:)``), when already encoded
        /// (for example on another thread); `nil` encodes it inside the transaction.
        public var recordJSON: String?

        public init(study: RegistryStudy, msc: RegistryMSCSummary?, recordJSON: String? = nil) {
            self.study = study
            self.msc = msc
            self.recordJSON = recordJSON
        }
    }

    /// The JSON a study is stored and compared as: keys sorted, without the file path and the
    /// reader's warnings (they describe the file, not the record).
    public static func recordJSON(_ study: RegistryStudy) throws -> String {
        var study = study
        study.source = nil
        study.warnings = []
        return try RegistryJSON.encode(study)
    }

    /// Writes one study in its own transaction.
    public func upsertStudy(_ study: RegistryStudy, msc: RegistryMSCSummary?) throws -> RegistryUpsertOutcome {
        try upsertStudies([StudyUpsert(study: study, msc: msc)])[0].get()
    }

    /// Writes `items` in one transaction, one savepoint per record; returns each outcome or the
    /// error that rolled that record back.
    public func upsertStudies(_ items: [StudyUpsert]) throws -> [Result<RegistryUpsertOutcome, StoreError>] {
        try write("import registry studies") { db in
            var results: [Result<RegistryUpsertOutcome, StoreError>] = []
            results.reserveCapacity(items.count)
            for item in items {
                var outcome: RegistryUpsertOutcome = .new
                do {
                    try db.inSavepoint {
                        outcome = try Self.upsert(item, db)
                        return .commit
                    }
                    results.append(.success(outcome))
                } catch {
                    results.append(
                        .failure(
                            .transactionFailed(
                                name: "import \(item.study.nctId)", underlying: String(describing: error))))
                }
            }
            return results
        }
    }

    static func upsert(_ item: StudyUpsert, _ db: Database) throws -> RegistryUpsertOutcome {
        var study = item.study
        let path = study.source
        try writeImportWarnings(study.nctId, path: path, study.warnings, db)
        // The file path and the reader's warnings describe the file, not the record: a record
        // read from another file (or a mislabelled copy) is the same record.
        study.source = nil
        study.warnings = []
        let json = try item.recordJSON ?? RegistryJSON.encode(study)
        let id = study.nctId
        let version = study.version
        if let row = try Row.fetchOne(
            db, sql: "SELECT version, record FROM registry_study WHERE registry_id = ?", arguments: [id])
        {
            let oldVersion: String? = row["version"]
            let oldRecord: String = row["record"]
            if oldRecord == json {
                try writeMSC(id, item.msc, db)
                return .unchanged(reason: nil)
            }
            if Self.isOlder(version, than: oldVersion) {
                let known =
                    try Bool.fetchOne(
                        db,
                        sql: "SELECT EXISTS(SELECT 1 FROM registry_study_history WHERE registry_id = ? AND record = ?)",
                        arguments: [id, json]) ?? false
                if !known {
                    try db.execute(
                        sql:
                            "INSERT INTO registry_study_history (registry_id, version, record, superseded_by_version) VALUES (?, ?, ?, ?)",
                        arguments: [id, version, json, oldVersion])
                }
                return .unchanged(
                    reason: "version \(version ?? "none") is older than the stored \(oldVersion ?? "none")")
            }
            try db.execute(
                sql:
                    "INSERT INTO registry_study_history (registry_id, version, record, superseded_by_version) VALUES (?, ?, ?, ?)",
                arguments: [id, oldVersion, oldRecord, version])
            try db.execute(sql: "DELETE FROM registry_study WHERE registry_id = ?", arguments: [id])
            try insertStudy(study, json: json, path: path, db)
            try writeMSC(id, item.msc, db)
            let reason =
                version == oldVersion
                ? "same version \(version ?? "none"), content differs"
                : "version \(oldVersion ?? "none") → \(version ?? "none")"
            return .updated(reason: reason)
        }
        try insertStudy(study, json: json, path: path, db)
        try writeMSC(id, item.msc, db)
        return .new
    }

    /// Whether `version` is strictly older than `stored` (partial ISO dates; a missing version is
    /// older than any).
    static func isOlder(_ version: String?, than stored: String?) -> Bool {
        guard let stored else { return false }
        guard let version else { return true }
        if let a = PartialDate(iso: version), let b = PartialDate(iso: stored) { return a < b }
        return version < stored
    }

    private static func insertStudy(_ s: RegistryStudy, json: String, path: String?, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO registry_study (registry_id, version, title, overall_status, phases,
                    enrollment, study_type, start_date, first_posted, conditions, record, source_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                s.nctId, s.version, s.briefTitle ?? s.officialTitle, s.overallStatus,
                try RegistryJSON.encode(s.phases), s.enrollmentCount, s.studyType,
                s.startDate?.date.description, s.firstPostedDate?.date.description,
                try RegistryJSON.encode(s.conditions), json, path,
            ])
    }

    private static func writeMSC(_ id: String, _ msc: RegistryMSCSummary?, _ db: Database) throws {
        guard let msc else { return }
        let existing = try String.fetchOne(
            db, sql: "SELECT extraction FROM registry_msc WHERE registry_id = ?", arguments: [id])
        if existing == msc.extraction { return }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO registry_msc (registry_id, is_msc, product_form, source, origin,
                    routes, conditions, dose_cells, dose_basis, administrations, extraction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, msc.isMSC, msc.productForm, msc.source, msc.origin,
                try RegistryJSON.encode(msc.routes), try RegistryJSON.encode(msc.conditions),
                msc.doseCells, msc.doseBasis, msc.administrations, msc.extraction,
            ])
    }

    // MARK: - Reads

    /// A stored study: the current record, its MSC extraction JSON and its replaced versions.
    public struct StoredStudy: Sendable {
        public var study: RegistryStudy
        public var sourcePath: String?
        public var mscExtraction: String?
        /// Versions replaced by later imports, oldest first.
        public var history: [RegistryStudy]
    }

    /// The study with registry id `id`, or `nil`.
    public func study(id: String) throws -> StoredStudy? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT record, source_path FROM registry_study WHERE registry_id = ?", arguments: [id])
            else { return nil }
            let study = try RegistryJSON.decode(RegistryStudy.self, row["record"] as String)
            let msc = try String.fetchOne(
                db, sql: "SELECT extraction FROM registry_msc WHERE registry_id = ?", arguments: [id])
            let history = try String.fetchAll(
                db, sql: "SELECT record FROM registry_study_history WHERE registry_id = ? ORDER BY id", arguments: [id]
            ).map { try RegistryJSON.decode(RegistryStudy.self, $0) }
            return StoredStudy(study: study, sourcePath: row["source_path"], mscExtraction: msc, history: history)
        }
    }

    /// Row counts of the registry tables (for summaries and tests).
    public func registryCounts() throws -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for table in [
                "registry_study", "registry_study_history", "registry_msc", "bibliographic_record",
                "bibliographic_source", "bibliographic_history", "registry_import_warning",
            ] {
                out[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return out
        }
    }

    /// Every row of the registry tables as text, in a fixed order (ids excluded only where they
    /// are autoincrement counters) — used to compare two stores.
    public func registryDump() throws -> String {
        try read { db in
            var lines: [String] = []
            let queries = [
                "SELECT * FROM registry_study ORDER BY registry_id",
                "SELECT registry_id, version, record, superseded_by_version FROM registry_study_history ORDER BY registry_id, version, record",
                "SELECT * FROM registry_msc ORDER BY registry_id",
                "SELECT pmid, doi, title_key, title, year, journal, formats, record FROM bibliographic_record ORDER BY pmid, doi, title_key",
                "SELECT format, source_key, record FROM bibliographic_source ORDER BY format, source_key",
                "SELECT format, source_key, record FROM bibliographic_history ORDER BY format, source_key, record",
                "SELECT registry_id, source_path, message FROM registry_import_warning ORDER BY registry_id, source_path, message",
            ]
            for sql in queries {
                lines.append("-- " + sql)
                for row in try Row.fetchAll(db, sql: sql) { lines.append(row.description) }
            }
            return lines.joined(separator: "\n")
        }
    }
}
