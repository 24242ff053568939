import Foundation
import GRDB
import StromaDomain

/// Idempotent writes of literature records, merging one paper's records from several formats.
///
/// Each format's record of a paper is kept in `bibliographic_source` under its key: `pmid:…`,
/// else `doi:…` (lower-cased, without a `https://doi.org/` prefix), else `title:…|year` (title
/// lower-cased to letters and digits). A source record attaches to the paper
/// (`bibliographic_record`) that shares its PMID, its DOI or — only when it has neither — its
/// title key; records that share identifiers with two papers join them into one. The paper's
/// merged record takes each field from the highest-ranked format that has it: PubMed XML,
/// MEDLINE, RIS, SyRF. Re-importing an identical record changes nothing; a changed record of the
/// same format and key replaces the source row, whose old text goes to `bibliographic_history`.
/// A PMID and a DOI that point at two different papers with different PMIDs are refused.
extension StromaStore {
    /// Writes `records` in one transaction, one savepoint per record.
    public func upsertBibliographicRecords(
        _ records: [BibliographicRecord]
    ) throws -> [Result<RegistryUpsertOutcome, StoreError>] {
        try write("import literature records") { db in
            records.map { record in
                var outcome: RegistryUpsertOutcome = .new
                do {
                    try db.inSavepoint {
                        outcome = try Self.upsertBibliographic(record, db)
                        return .commit
                    }
                    return .success(outcome)
                } catch let error as StoreError {
                    return .failure(error)
                } catch {
                    return .failure(
                        .transactionFailed(
                            name: "import literature record", underlying: String(describing: error)))
                }
            }
        }
    }

    /// The merged paper with this PMID or DOI, and how many format records it merges.
    public func bibliographicRecord(pmid: String? = nil, doi: String? = nil) throws -> (
        BibliographicRecord, formats: [String]
    )? {
        try read { db in
            let row: Row?
            if let pmid {
                row = try Row.fetchOne(
                    db, sql: "SELECT record, formats FROM bibliographic_record WHERE pmid = ?", arguments: [pmid])
            } else if let doi {
                row = try Row.fetchOne(
                    db, sql: "SELECT record, formats FROM bibliographic_record WHERE doi = ?",
                    arguments: [Self.normalizedDOI(doi)])
            } else {
                row = nil
            }
            guard let row else { return nil }
            return (
                try RegistryJSON.decode(BibliographicRecord.self, row["record"]),
                try RegistryJSON.decode([String].self, row["formats"])
            )
        }
    }

    static func normalizedDOI(_ doi: String) -> String {
        var d = doi.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where d.hasPrefix(prefix) {
            d.removeFirst(prefix.count)
        }
        return d
    }

    static func titleKey(_ r: BibliographicRecord) -> String? {
        guard let title = r.title else { return nil }
        let key = String(
            title.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        guard !key.isEmpty else { return nil }
        return key + "|" + (r.year.map(String.init) ?? "")
    }

    static func sourceKey(_ r: BibliographicRecord) -> String? {
        if let pmid = r.pmid, !pmid.isEmpty { return "pmid:" + pmid }
        if let doi = r.doi, !doi.isEmpty { return "doi:" + normalizedDOI(doi) }
        return titleKey(r).map { "title:" + $0 }
    }

    static let formatRank: [BibliographicRecord.SourceFormat: Int] = [.pubmedXML: 0, .medline: 1, .ris: 2, .syrfCSV: 3]

    static func upsertBibliographic(_ incoming: BibliographicRecord, _ db: Database) throws -> RegistryUpsertOutcome {
        var record = incoming
        record.source = nil
        guard let key = sourceKey(record) else {
            throw StoreError.invalidArgument(
                name: "record", value: incoming.source ?? "(unnamed)", valid: "a record with a PMID, a DOI or a title")
        }
        let json = try RegistryJSON.encode(record)
        let format = record.sourceFormat.rawValue
        var outcome: RegistryUpsertOutcome
        var recordId: Int64
        if let row = try Row.fetchOne(
            db, sql: "SELECT id, record_id, record FROM bibliographic_source WHERE format = ? AND source_key = ?",
            arguments: [format, key])
        {
            if (row["record"] as String) == json { return .unchanged(reason: nil) }
            try db.execute(
                sql: "INSERT INTO bibliographic_history (record_id, format, source_key, record) VALUES (?, ?, ?, ?)",
                arguments: [row["record_id"] as Int64, format, key, row["record"] as String])
            try db.execute(
                sql: "UPDATE bibliographic_source SET record = ? WHERE id = ?", arguments: [json, row["id"] as Int64])
            recordId = row["record_id"]
            outcome = .updated(reason: "\(format) record \(key) changed")
        } else {
            var matches: [Int64] = []
            if let pmid = record.pmid, !pmid.isEmpty {
                matches += try Int64.fetchAll(
                    db, sql: "SELECT id FROM bibliographic_record WHERE pmid = ?", arguments: [pmid])
            }
            if let doi = record.doi, !doi.isEmpty {
                matches += try Int64.fetchAll(
                    db, sql: "SELECT id FROM bibliographic_record WHERE doi = ?", arguments: [normalizedDOI(doi)])
            }
            if matches.isEmpty, record.pmid == nil, record.doi == nil, let t = titleKey(record) {
                matches += try Int64.fetchAll(
                    db, sql: "SELECT id FROM bibliographic_record WHERE title_key = ? ORDER BY id LIMIT 1",
                    arguments: [t])
            }
            matches = Array(Set(matches)).sorted()
            if let first = matches.first {
                recordId = first
                outcome = .updated(reason: "merged \(format) record \(key) with the stored paper")
                for other in matches.dropFirst() {
                    try db.execute(
                        sql: "UPDATE bibliographic_source SET record_id = ? WHERE record_id = ?",
                        arguments: [first, other])
                    try db.execute(sql: "DELETE FROM bibliographic_record WHERE id = ?", arguments: [other])
                }
            } else {
                try db.execute(
                    sql: "INSERT INTO bibliographic_record (formats, record) VALUES ('[]', '{}')")
                recordId = db.lastInsertedRowID
                outcome = .new
            }
            try db.execute(
                sql: "INSERT INTO bibliographic_source (record_id, format, source_key, record) VALUES (?, ?, ?, ?)",
                arguments: [recordId, format, key, json])
        }
        try remerge(recordId, db)
        return outcome
    }

    /// Recomputes a paper's merged record from its format records.
    static func remerge(_ id: Int64, _ db: Database) throws {
        let sources = try String.fetchAll(
            db, sql: "SELECT record FROM bibliographic_source WHERE record_id = ? ORDER BY id", arguments: [id]
        ).map { try RegistryJSON.decode(BibliographicRecord.self, $0) }
            .sorted { (formatRank[$0.sourceFormat] ?? 9) < (formatRank[$1.sourceFormat] ?? 9) }
        guard var merged = sources.first else { return }
        let pmids = Set(sources.compactMap(\.pmid).filter { !$0.isEmpty })
        guard pmids.count <= 1 else {
            throw StoreError.invalidArgument(
                name: "pmid", value: pmids.sorted().joined(separator: ", "),
                valid: "one PMID per paper (the DOI links records with different PMIDs)")
        }
        for s in sources.dropFirst() {
            merged.pmid = merged.pmid ?? s.pmid
            merged.doi = merged.doi ?? s.doi
            merged.title = merged.title ?? s.title
            merged.abstract = merged.abstract ?? s.abstract
            if merged.authors.isEmpty { merged.authors = s.authors }
            merged.journal = merged.journal ?? s.journal
            merged.year = merged.year ?? s.year
            merged.volume = merged.volume ?? s.volume
            merged.issue = merged.issue ?? s.issue
            merged.pages = merged.pages ?? s.pages
            for k in s.keywords where !merged.keywords.contains(k) { merged.keywords.append(k) }
            for m in s.meshTerms where !merged.meshTerms.contains(m) { merged.meshTerms.append(m) }
            for p in s.publicationTypes where !merged.publicationTypes.contains(p) { merged.publicationTypes.append(p) }
            merged.language = merged.language ?? s.language
            for t in s.unknownTags where !merged.unknownTags.contains(t) { merged.unknownTags.append(t) }
            for w in s.warnings where !merged.warnings.contains(w) { merged.warnings.append(w) }
        }
        var formats: [String] = []
        for s in sources where !formats.contains(s.sourceFormat.rawValue) { formats.append(s.sourceFormat.rawValue) }
        try db.execute(
            sql: """
                UPDATE bibliographic_record SET pmid = ?, doi = ?, title_key = ?, title = ?, year = ?,
                    journal = ?, formats = ?, record = ? WHERE id = ?
                """,
            arguments: [
                merged.pmid, merged.doi.map(normalizedDOI), titleKey(merged), merged.title, merged.year,
                merged.journal, try RegistryJSON.encode(formats), try RegistryJSON.encode(merged), id,
            ])
    }
}
