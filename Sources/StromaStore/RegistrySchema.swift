import GRDB

/// Tables of imported registry and literature records with their version history.
///
/// - `registry_study`: the current version of each registry record, keyed by registry id
///   (`NCT…`), with the columns the landscape needs and the whole ``RegistryStudy`` as JSON
///   (`record`, keys sorted, without the file path, which is kept in `source_path`).
/// - `registry_study_history`: every replaced (or late-arriving older) version, one row each.
/// - `registry_msc`: the MSC extraction of the current version (``RegistryMSCSummary``).
/// - `bibliographic_record`: one row per paper after merging formats by PMID, DOI or title+year
///   (`record` is the merged ``BibliographicRecord``).
/// - `bibliographic_source`: each format's own record of a paper, keyed by format and identifier.
/// - `bibliographic_history`: replaced source records.
enum RegistrySchema {
    static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE registry_study (
                    registry_id TEXT PRIMARY KEY NOT NULL,
                    version TEXT,
                    title TEXT,
                    overall_status TEXT,
                    phases TEXT NOT NULL,
                    enrollment INTEGER,
                    study_type TEXT,
                    start_date TEXT,
                    first_posted TEXT,
                    conditions TEXT NOT NULL,
                    record TEXT NOT NULL,
                    source_path TEXT
                );
                CREATE TABLE registry_study_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    registry_id TEXT NOT NULL,
                    version TEXT,
                    record TEXT NOT NULL,
                    superseded_by_version TEXT
                );
                CREATE INDEX registry_study_history_by_id ON registry_study_history(registry_id);
                CREATE TABLE registry_msc (
                    registry_id TEXT PRIMARY KEY NOT NULL
                        REFERENCES registry_study(registry_id) ON DELETE CASCADE,
                    is_msc INTEGER NOT NULL,
                    product_form TEXT,
                    source TEXT,
                    origin TEXT,
                    routes TEXT NOT NULL,
                    conditions TEXT NOT NULL,
                    dose_cells REAL,
                    dose_basis TEXT,
                    administrations INTEGER,
                    extraction TEXT NOT NULL
                );
                CREATE INDEX registry_msc_is_msc ON registry_msc(is_msc);
                CREATE TABLE bibliographic_record (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    pmid TEXT UNIQUE,
                    doi TEXT UNIQUE,
                    title_key TEXT,
                    title TEXT,
                    year INTEGER,
                    journal TEXT,
                    formats TEXT NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE INDEX bibliographic_record_by_title ON bibliographic_record(title_key);
                CREATE TABLE bibliographic_source (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    record_id INTEGER NOT NULL
                        REFERENCES bibliographic_record(id) ON DELETE CASCADE,
                    format TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    record TEXT NOT NULL,
                    UNIQUE(format, source_key)
                );
                CREATE INDEX bibliographic_source_by_record ON bibliographic_source(record_id);
                CREATE TABLE bibliographic_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    record_id INTEGER NOT NULL,
                    format TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    record TEXT NOT NULL
                );
                """)
    }
}
