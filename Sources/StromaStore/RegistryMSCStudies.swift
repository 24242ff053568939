import GRDB
import StromaDomain

extension StromaStore {
    /// Every stored registry study the MSC recogniser classed as an MSC trial, in registry id order, with its
    /// stored extraction (history is not read: each ``StoredStudy/history`` is empty).
    public func mscStudies() throws -> [StoredStudy] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.record, s.source_path, m.extraction
                    FROM registry_study s JOIN registry_msc m ON m.registry_id = s.registry_id
                    WHERE m.is_msc = 1 ORDER BY s.registry_id
                    """
            ).map { row in
                StoredStudy(
                    study: try RegistryJSON.decode(RegistryStudy.self, row["record"] as String),
                    sourcePath: row["source_path"], mscExtraction: row["extraction"], history: [])
            }
        }
    }
}
