import Foundation
import GRDB
import StromaDomain
import StromaKnowledge

/// Writes a validated ``KnowledgeBase`` into the `knowledge_` tables (inside the caller's
/// transaction).
///
/// Rows keep the knowledge base's order in `ordinal`.
enum KnowledgeWriter {
    /// Every knowledge table, children before parents, so deleting in this order never breaks a
    /// foreign key.
    static let tablesInDeletionOrder = [
        "knowledge_search", "knowledge_provenance", "knowledge_claim_term", "knowledge_trial_term",
        "knowledge_experiment_term", "knowledge_trial_phase", "knowledge_claim", "knowledge_trial",
        "knowledge_experiment", "knowledge_publication", "knowledge_term_relation",
        "knowledge_term_name", "knowledge_term",
    ]

    /// Deletes every knowledge row; other tables are untouched.
    static func clear(_ db: Database) throws {
        for table in tablesInDeletionOrder {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    static func insert(_ base: KnowledgeBase, into db: Database) throws {
        let terms = Dictionary(
            base.vocabulary.map { (TermReference($0.kind, $0.id), $0) },
            uniquingKeysWith: { first, _ in first })
        func names(_ refs: [TermReference]) -> String {
            refs.compactMap { terms[$0] }.flatMap { [$0.label] + $0.synonyms }
                .joined(separator: " ")
        }
        for (ordinal, term) in base.vocabulary.enumerated() {
            try insertTerm(term, ordinal: ordinal, db)
        }
        for (ordinal, publication) in base.publications.enumerated() {
            let c = publication.citation
            try db.execute(
                sql: """
                    INSERT INTO knowledge_publication
                    (id, is_seed, authors, year, title, journal, doi, pmid, ordinal, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    publication.id, publication.isSeed, c.authors, c.year, c.title, c.journal,
                    c.doi, c.pmid, ordinal, try KnowledgeJSON.string(publication),
                ])
            try insertProvenance(publication.provenance, type: "publication", key: publication.id, db)
        }
        for (ordinal, experiment) in base.experiments.enumerated() {
            try insertExperiment(experiment, ordinal: ordinal, termNames: names, db)
        }
        for (ordinal, trial) in base.trials.enumerated() {
            try insertTrial(trial, ordinal: ordinal, termNames: names, db)
        }
        for (ordinal, claim) in base.claims.enumerated() {
            try insertClaim(claim, ordinal: ordinal, termNames: names, db)
        }
    }

    // MARK: - Terms

    private static func insertTerm(_ term: VocabularyTerm, ordinal: Int, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO knowledge_term
                (kind, id, label, definition, category, parent, ordinal, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                term.kind.rawValue, term.id, term.label, term.definition, term.category,
                term.parent, ordinal, try KnowledgeJSON.string(term),
            ])
        let names = [(term.id, "id"), (term.label, "label")] + term.synonyms.map { ($0, "synonym") }
        for (name, source) in names {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO knowledge_term_name
                    (kind, term_id, name, normalized, source) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    term.kind.rawValue, term.id, name, TermMatching.normalize(name), source,
                ])
        }
        for related in term.related {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO knowledge_term_relation
                    (kind, term_id, related_kind, related_id) VALUES (?, ?, ?, ?)
                    """,
                arguments: [term.kind.rawValue, term.id, related.kind.rawValue, related.id])
        }
        try insertProvenance(
            term.provenance, type: "term", key: "\(term.kind.rawValue)/\(term.id)", db)
    }

    // MARK: - Records

    private static func insertExperiment(
        _ experiment: Experiment, ordinal: Int, termNames: ([TermReference]) -> String,
        _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO knowledge_experiment
                (id, species, source, phase, model, product_form, first_hours, cells,
                 cells_per_kg, findings, publication, ordinal, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                experiment.id, experiment.species, experiment.source, experiment.phase,
                experiment.model, experiment.productForm, experiment.timeAfterInjury?.firstHours,
                experiment.dose?.cells, experiment.dose?.cellsPerKg, experiment.findings,
                experiment.publication, ordinal, try KnowledgeJSON.string(experiment),
            ])
        try insertTermLinks(
            experiment.roleReferences, table: "knowledge_experiment_term", key: "experiment_id", id: experiment.id, db)
        let texts: [String?] = [
            experiment.findings, experiment.findingsOriginal, experiment.modelStated,
            experiment.site, experiment.dose?.stated, experiment.administrationsStated,
            experiment.interval, experiment.volume, experiment.vehicle,
            experiment.timeAfterInjury?.stated,
            termNames(experiment.roleReferences.map(\.1)),
        ]
        try insertSearch(
            type: "experiment", id: experiment.id,
            title: experiment.modelStated ?? experiment.id, body: texts, db)
        try insertProvenance(experiment.provenance, type: "experiment", key: experiment.id, db)
    }

    private static func insertTrial(
        _ trial: ClinicalTrial, ordinal: Int, termNames: ([TermReference]) -> String,
        _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO knowledge_trial
                (id, registry_id, title, status, enrollment, source, start_date, findings,
                 publication, ordinal, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                trial.id, trial.registryId, trial.title, trial.status, trial.enrollment,
                trial.source, trial.startDate, trial.findings, trial.publication, ordinal,
                try KnowledgeJSON.string(trial),
            ])
        for phase in Set(trial.phases) {
            try db.execute(
                sql: "INSERT INTO knowledge_trial_phase (trial_id, phase) VALUES (?, ?)",
                arguments: [trial.id, phase])
        }
        try insertTermLinks(
            trial.roleReferences, table: "knowledge_trial_term", key: "trial_id", id: trial.id, db)
        let texts: [String?] = [
            trial.id, trial.registryId, trial.title, trial.findings, trial.status,
            trial.followUp, trial.dose?.stated, trial.countries.joined(separator: " "),
            termNames(trial.roleReferences.map(\.1)),
        ]
        try insertSearch(type: "trial", id: trial.id, title: trial.title ?? trial.id, body: texts, db)
        try insertProvenance(trial.provenance, type: "trial", key: trial.id, db)
    }

    private static func insertClaim(
        _ claim: Claim, ordinal: Int, termNames: ([TermReference]) -> String, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO knowledge_claim
                (id, subject_text, relation, object_text, statement, evidence, ordinal, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                claim.id, claim.subjectText, claim.relation, claim.objectText, claim.statement,
                claim.evidence.rawValue, ordinal, try KnowledgeJSON.string(claim),
            ])
        try insertTermLinks(
            claim.roleReferences, table: "knowledge_claim_term", key: "claim_id", id: claim.id, db)
        let texts: [String?] = [
            claim.statement, claim.statementOriginal, claim.subjectText, claim.relation,
            claim.objectText, termNames(claim.termReferences),
        ]
        try insertSearch(type: "claim", id: claim.id, title: claim.statement, body: texts, db)
        try insertProvenance(claim.provenance, type: "claim", key: claim.id, db)
    }

    // MARK: - Shared

    /// One row per (role, term) of a record in its `<record>_term` link table; duplicates ignored.
    private static func insertTermLinks(
        _ references: [(String, TermReference)], table: String, key: String, id: String,
        _ db: Database
    ) throws {
        for (role, ref) in references {
            try db.execute(
                sql: "INSERT OR IGNORE INTO \(table) (\(key), role, kind, term_id) VALUES (?, ?, ?, ?)",
                arguments: [id, role, ref.kind.rawValue, ref.id])
        }
    }

    private static func insertSearch(
        type: String, id: String, title: String, body: [String?], _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO knowledge_search (record_type, record_id, title, body)
                VALUES (?, ?, ?, ?)
                """,
            arguments: [type, id, title, body.compactMap { $0 }.joined(separator: "\n")])
    }

    private static func insertProvenance(
        _ provenance: [Provenance], type: String, key: String, _ db: Database
    ) throws {
        for (position, item) in provenance.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO knowledge_provenance
                    (record_type, record_key, position, seed, section, quote, reference_number,
                     doi, pmid, registry_id, note, citation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    type, key, position, item.seed, item.section, item.quote,
                    item.reference?.seedReferenceNumber, item.reference?.doi,
                    item.reference?.pmid, item.reference?.registryId, item.note,
                    item.shortDescription,
                ])
        }
    }
}

// MARK: - Role-tagged references

extension Experiment {
    /// Every term reference with the field (role) that holds it.
    var roleReferences: [(String, TermReference)] {
        var refs: [(String, TermReference)] = conditions.map { ("conditions", .init(.condition, $0)) }
        if let phase { refs.append(("phase", .init(.diseasePhase, phase))) }
        if let species { refs.append(("species", .init(.species, species))) }
        if let model { refs.append(("model", .init(.diseaseModel, model))) }
        if let source { refs.append(("source", .init(.cellSource, source))) }
        refs += origin.map { ("origin", .init(.origin, $0)) }
        if let productForm { refs.append(("product_form", .init(.productForm, productForm))) }
        refs += routes.map { ("routes", .init(.route, $0)) }
        refs += mechanisms.map { ("mechanisms", .init(.mechanism, $0)) }
        refs += molecules.map { ("molecules", .init(.molecule, $0)) }
        refs += pathways.map { ("pathways", .init(.pathway, $0)) }
        refs += outcomeMeasures.map { ("outcome_measures", .init(.outcomeMeasure, $0)) }
        refs += outcomes.map { ("outcomes", .init(.outcomeMeasure, $0.measure)) }
        for arm in arms {
            if let source = arm.source { refs.append(("arms", .init(.cellSource, source))) }
            if let form = arm.productForm { refs.append(("arms", .init(.productForm, form))) }
            if let route = arm.route { refs.append(("arms", .init(.route, route))) }
        }
        refs += measurements.map { ("measurements", .init(.outcomeMeasure, $0.measure)) }
        refs += relativeResults.compactMap { result in
            result.measure.map { ("relative_results", .init(.outcomeMeasure, $0)) }
        }
        return refs
    }
}

extension ClinicalTrial {
    /// Every term reference with the field (role) that holds it.
    var roleReferences: [(String, TermReference)] {
        var refs: [(String, TermReference)] = conditions.map { ("conditions", .init(.condition, $0)) }
        if let source { refs.append(("source", .init(.cellSource, source))) }
        refs += origin.map { ("origin", .init(.origin, $0)) }
        if let productForm { refs.append(("product_form", .init(.productForm, productForm))) }
        refs += routes.map { ("routes", .init(.route, $0)) }
        refs += outcomeMeasures.map { ("outcome_measures", .init(.outcomeMeasure, $0)) }
        return refs
    }
}

extension Claim {
    /// Every term reference with its role: `subject`, `object` or `context`.
    var roleReferences: [(String, TermReference)] {
        var refs: [(String, TermReference)] = []
        if let subject { refs.append(("subject", subject)) }
        if let object { refs.append(("object", object)) }
        refs += context.map { ("context", $0) }
        return refs
    }
}
