import GRDB

/// Tables of the curated knowledge base: vocabulary, publications, experiments, trials, claims,
/// their term links, provenance, and the FTS5 index.
///
/// Every knowledge table is prefixed `knowledge_` so the whole knowledge base can be refreshed in
/// one transaction without touching other tables (imported registry records). Each record table
/// keeps the record's full JSON (`json`, the documented domain encoding) beside indexed columns;
/// the JSON is what queries return, the columns and link tables are what queries filter on.
///
/// **Frozen once shipped**: change the schema with a new migration, never by editing this one.
/// The migration talks to the database only, never to app types.
enum KnowledgeSchema {
    static func v1(_ db: Database) throws {
        // Key–value facts about the database itself: `format` = `stroma` marks a Stroma file;
        // `knowledge_checksum`, `knowledge_built_at_version` are written by the knowledge loader.
        try db.execute(
            sql: """
                CREATE TABLE stroma_metadata (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) STRICT;
                INSERT INTO stroma_metadata (key, value) VALUES ('format', 'stroma');

                -- One row per vocabulary term; ids are unique within a kind.
                CREATE TABLE knowledge_term (
                    kind TEXT NOT NULL CHECK (kind IN (
                        'condition', 'disease-phase', 'cell-source', 'origin', 'product-form', 'route',
                        'species', 'disease-model', 'mechanism', 'molecule', 'pathway',
                        'outcome-measure')),
                    id TEXT NOT NULL CHECK (id <> ''),
                    label TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    category TEXT,
                    parent TEXT,
                    ordinal INTEGER NOT NULL,
                    json TEXT NOT NULL,
                    PRIMARY KEY (kind, id),
                    -- A parent is a broader term of the same kind.
                    FOREIGN KEY (kind, parent) REFERENCES knowledge_term (kind, id)
                        DEFERRABLE INITIALLY DEFERRED
                ) STRICT;
                CREATE INDEX knowledge_term_parent ON knowledge_term (kind, parent);

                -- Every name a term is found by: its id, its label and each synonym. `normalized` is
                -- the lookup key (case-, width- and diacritic-folded; runs of space, '-' and '_'
                -- collapsed to one space), computed by the loader.
                CREATE TABLE knowledge_term_name (
                    kind TEXT NOT NULL,
                    term_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    normalized TEXT NOT NULL,
                    source TEXT NOT NULL CHECK (source IN ('id', 'label', 'synonym')),
                    PRIMARY KEY (kind, term_id, source, name),
                    FOREIGN KEY (kind, term_id) REFERENCES knowledge_term (kind, id) ON DELETE CASCADE
                ) STRICT;
                CREATE INDEX knowledge_term_name_normalized ON knowledge_term_name (normalized);

                -- A term's `related` references to terms of other kinds.
                CREATE TABLE knowledge_term_relation (
                    kind TEXT NOT NULL,
                    term_id TEXT NOT NULL,
                    related_kind TEXT NOT NULL,
                    related_id TEXT NOT NULL,
                    PRIMARY KEY (kind, term_id, related_kind, related_id),
                    FOREIGN KEY (kind, term_id) REFERENCES knowledge_term (kind, id) ON DELETE CASCADE,
                    FOREIGN KEY (related_kind, related_id) REFERENCES knowledge_term (kind, id)
                        ON DELETE CASCADE
                ) STRICT;
                CREATE INDEX knowledge_term_relation_related
                    ON knowledge_term_relation (related_kind, related_id);

                CREATE TABLE knowledge_publication (
                    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                    is_seed INTEGER NOT NULL CHECK (is_seed IN (0, 1)),
                    authors TEXT,
                    year INTEGER,
                    title TEXT,
                    journal TEXT,
                    doi TEXT,
                    pmid TEXT,
                    ordinal INTEGER NOT NULL,
                    json TEXT NOT NULL
                ) STRICT;

                CREATE TABLE knowledge_experiment (
                    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                    species TEXT,
                    source TEXT,
                    phase TEXT,
                    model TEXT,
                    product_form TEXT,
                    first_hours REAL,
                    cells REAL,
                    cells_per_kg REAL,
                    findings TEXT NOT NULL,
                    publication TEXT REFERENCES knowledge_publication (id),
                    ordinal INTEGER NOT NULL,
                    json TEXT NOT NULL
                ) STRICT;

                CREATE TABLE knowledge_trial (
                    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                    registry_id TEXT,
                    title TEXT,
                    status TEXT,
                    enrollment INTEGER,
                    source TEXT,
                    start_date TEXT,
                    findings TEXT,
                    publication TEXT REFERENCES knowledge_publication (id),
                    ordinal INTEGER NOT NULL,
                    json TEXT NOT NULL
                ) STRICT;
                CREATE INDEX knowledge_trial_registry_id ON knowledge_trial (registry_id);

                -- Registry phase spellings (PHASE1, PHASE2, …, EARLY_PHASE1, NA), one row each.
                CREATE TABLE knowledge_trial_phase (
                    trial_id TEXT NOT NULL REFERENCES knowledge_trial (id) ON DELETE CASCADE,
                    phase TEXT NOT NULL,
                    PRIMARY KEY (trial_id, phase)
                ) STRICT;
                CREATE INDEX knowledge_trial_phase_phase ON knowledge_trial_phase (phase);

                CREATE TABLE knowledge_claim (
                    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                    subject_text TEXT,
                    relation TEXT NOT NULL,
                    object_text TEXT,
                    statement TEXT NOT NULL,
                    evidence TEXT NOT NULL CHECK (evidence IN (
                        'in-vitro', 'preclinical', 'clinical', 'review', 'epidemiological')),
                    ordinal INTEGER NOT NULL,
                    json TEXT NOT NULL
                ) STRICT;

                -- Record ↔ term links. `role` is the record field holding the reference
                -- (`conditions`, `routes`, `outcomes`, …; for claims `subject`, `object`, `context`).
                CREATE TABLE knowledge_experiment_term (
                    experiment_id TEXT NOT NULL REFERENCES knowledge_experiment (id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    term_id TEXT NOT NULL,
                    PRIMARY KEY (experiment_id, role, kind, term_id),
                    FOREIGN KEY (kind, term_id) REFERENCES knowledge_term (kind, id)
                ) STRICT;
                CREATE INDEX knowledge_experiment_term_term ON knowledge_experiment_term (kind, term_id);

                CREATE TABLE knowledge_trial_term (
                    trial_id TEXT NOT NULL REFERENCES knowledge_trial (id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    term_id TEXT NOT NULL,
                    PRIMARY KEY (trial_id, role, kind, term_id),
                    FOREIGN KEY (kind, term_id) REFERENCES knowledge_term (kind, id)
                ) STRICT;
                CREATE INDEX knowledge_trial_term_term ON knowledge_trial_term (kind, term_id);

                CREATE TABLE knowledge_claim_term (
                    claim_id TEXT NOT NULL REFERENCES knowledge_claim (id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('subject', 'object', 'context')),
                    kind TEXT NOT NULL,
                    term_id TEXT NOT NULL,
                    PRIMARY KEY (claim_id, role, kind, term_id),
                    FOREIGN KEY (kind, term_id) REFERENCES knowledge_term (kind, id)
                ) STRICT;
                CREATE INDEX knowledge_claim_term_term ON knowledge_claim_term (kind, term_id);

                -- Provenance of every term and record, in order. `record_key` is the record id, or
                -- `kind/id` for a term. `citation` is the short human line shown by the CLI.
                CREATE TABLE knowledge_provenance (
                    record_type TEXT NOT NULL CHECK (record_type IN (
                        'term', 'publication', 'experiment', 'trial', 'claim')),
                    record_key TEXT NOT NULL,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    seed TEXT,
                    section TEXT,
                    quote TEXT,
                    reference_number INTEGER,
                    doi TEXT,
                    pmid TEXT,
                    registry_id TEXT,
                    note TEXT,
                    citation TEXT NOT NULL,
                    PRIMARY KEY (record_type, record_key, position)
                ) STRICT;
                CREATE INDEX knowledge_provenance_seed ON knowledge_provenance (seed);

                -- Full-text index over experiments, trials and claims (English text and linked term
                -- names). Ranked with bm25 through the hidden `rank` column.
                CREATE VIRTUAL TABLE knowledge_search USING fts5(
                    record_type UNINDEXED,
                    record_id UNINDEXED,
                    title,
                    body,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                """)
    }
}
