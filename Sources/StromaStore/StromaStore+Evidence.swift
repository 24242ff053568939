import Foundation
import GRDB
import StromaDomain

extension StromaStore {
    /// One experiment to write: the record, its study label and the file rows it came from.
    public struct EvidenceInput: Sendable {
        public var experiment: Experiment
        public var study: String
        public var rows: [Int]

        public init(experiment: Experiment, study: String, rows: [Int]) {
            self.experiment = experiment
            self.study = study
            self.rows = rows
        }
    }

    /// Writes the experiments of one file in one transaction (`evidence-import`).
    ///
    /// An experiment whose stored record is identical is left alone; a changed one gets
    /// `version + 1` (its old version moves to `evidence_history`, a retraction is lifted); a new
    /// one gets version 1. On any error nothing of the file is written.
    /// - Throws: ``StoreError/invalidArgument(name:value:valid:)`` when an id is not `user-…`.
    public func writeEvidence(
        _ inputs: [EvidenceInput], file: String, path: String, now: Date = Date()
    ) throws -> EvidenceWriteOutcome {
        let stamp = ISO8601DateFormatter().string(from: now)
        let encoded = try inputs.map { ($0, try RegistryJSON.encode($0.experiment)) }
        return try write("evidence-import") { db in
            var outcome = EvidenceWriteOutcome()
            for (input, json) in encoded {
                let id = input.experiment.id
                guard id.hasPrefix("user-") else {
                    throw StoreError.invalidArgument(name: "experiment id", value: id, valid: "an id starting 'user-'")
                }
                let rows = Provenance.rowRanges(input.rows)
                if let stored = try Row.fetchOne(
                    db,
                    sql: "SELECT version, record, source_file, rows, imported_at FROM evidence_experiment WHERE id = ?",
                    arguments: [id])
                {
                    if (stored["record"] as String) == json {
                        outcome.unchanged.append(id)
                        continue
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO evidence_history
                                (experiment_id, version, source_file, rows, record, imported_at, replaced_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            id, stored["version"] as Int, stored["source_file"] as String, stored["rows"] as String,
                            stored["record"] as String, stored["imported_at"] as String, stamp,
                        ])
                    try db.execute(
                        sql: """
                            UPDATE evidence_experiment SET version = version + 1, study = ?, source_file = ?,
                                source_path = ?, rows = ?, record = ?, imported_at = ?, retracted_at = NULL,
                                retraction_reason = NULL
                            WHERE id = ?
                            """,
                        arguments: [input.study, file, path, rows, json, stamp, id])
                    try db.execute(sql: "DELETE FROM evidence_row WHERE experiment_id = ?", arguments: [id])
                    outcome.changed.append(id)
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO evidence_experiment
                                (id, study, version, source_file, source_path, rows, record, imported_at)
                            VALUES (?, ?, 1, ?, ?, ?, ?, ?)
                            """,
                        arguments: [id, input.study, file, path, rows, json, stamp])
                    outcome.added.append(id)
                }
                for row in input.rows {
                    try db.execute(
                        sql: "INSERT INTO evidence_row (experiment_id, source_file, row) VALUES (?, ?, ?)",
                        arguments: [id, file, row])
                }
            }
            return outcome
        }
    }

    /// The user's experiments, in id order; retracted ones only when `includeRetracted`.
    public func userEvidence(includeRetracted: Bool = false) throws -> [UserEvidence] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM evidence_experiment"
                    + (includeRetracted ? "" : " WHERE retracted_at IS NULL") + " ORDER BY id"
            ).map(Self.userEvidence)
        }
    }

    /// The user experiment `id` (retracted or not), or `nil`.
    public func userEvidence(id: String) throws -> UserEvidence? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM evidence_experiment WHERE id = ?", arguments: [id])
                .map(Self.userEvidence)
        }
    }

    /// The replaced versions of user experiment `id`, oldest first.
    public func userEvidenceHistory(id: String) throws -> [UserEvidenceVersion] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM evidence_history WHERE experiment_id = ? ORDER BY version", arguments: [id]
            ).map { row in
                UserEvidenceVersion(
                    version: row["version"], sourceFile: row["source_file"], rows: row["rows"],
                    importedAt: row["imported_at"], replacedAt: row["replaced_at"],
                    experiment: try RegistryJSON.decode(Experiment.self, row["record"]))
            }
        }
    }

    /// Marks user experiment `id` retracted with `reason` (`evidence-retract`).
    ///
    /// Returns whether it existed. A retracted experiment stays stored, with its history, and is not pooled.
    public func retractEvidence(id: String, reason: String, now: Date = Date()) throws -> Bool {
        let stamp = ISO8601DateFormatter().string(from: now)
        return try write("evidence-retract") { db in
            try db.execute(
                sql: "UPDATE evidence_experiment SET retracted_at = ?, retraction_reason = ? WHERE id = ?",
                arguments: [stamp, reason, id])
            return db.changesCount > 0
        }
    }

    static func userEvidence(_ row: Row) throws -> UserEvidence {
        UserEvidence(
            experiment: try RegistryJSON.decode(Experiment.self, row["record"]), study: row["study"],
            version: row["version"], sourceFile: row["source_file"], sourcePath: row["source_path"],
            rows: row["rows"], importedAt: row["imported_at"], retractedAt: row["retracted_at"],
            retractionReason: row["retraction_reason"])
    }
}
