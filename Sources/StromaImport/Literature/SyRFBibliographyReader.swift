import Foundation
import StromaDomain

/// Reads the bibliographic columns of a SyRF CSV: the study import layout (`import_template.csv`:
/// `Title, Authors, PublicationName, AlternateName, Abstract, Url, AuthorAddress, Year, Doi,
/// ReferenceType, Keywords, PdfRelativePath, CustomId`) and exports that repeat those columns per
/// row (the outcome-data export), one record per `StudyId` (first row wins).
///
/// Values are trimmed and a stray pair of surrounding quotes is removed. Authors are split on
/// `, ` and ` and ` (SyRF writes `J. Li, F. F. Chen and C. Zhou`). `PublicationName` is the
/// journal (else `AlternateName`); a PubMed `Url` gives the PMID; `Keywords` are split on `;`.
/// `AlternateName`, `Url`, `AuthorAddress`, `PdfRelativePath`, `CustomId`, `StudyId` are kept as
/// unknown tags; annotation columns are not bibliographic and are not read here.
/// The long-form annotation export (`Question`/`Answer` rows, no `Title`) is refused.
/// SyRF guide: https://github.com/emma-wilson/syrf_userguide
public enum SyRFBibliographyReader {
    public static func read(_ url: URL) throws -> [BibliographicRecord] {
        try read(text: LiteratureText.read(url), source: url.lastPathComponent)
    }

    public static func read(text: String, source: String) throws -> [BibliographicRecord] {
        let rows = try SyRFCSV.parse(text, source: source)
        guard let header = rows.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw ImportError("'\(source)' is empty; valid: a SyRF CSV with a header 'Title,Authors,…'")
        }
        let column = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard column["Title"] != nil else {
            if column["Question"] != nil, column["Answer"] != nil {
                throw ImportError(
                    "'\(source)' is a SyRF long-form annotation export (one 'Question'/'Answer' per row), not a study list; valid: a SyRF CSV with a 'Title' column"
                )
            }
            throw ImportError(
                "'\(source)' line 1: no 'Title' column; valid: a SyRF study CSV header 'Title,Authors,PublicationName,…'"
            )
        }
        var records: [BibliographicRecord] = []
        var seen: Set<String> = []
        for row in rows.dropFirst() {
            func value(_ name: String) -> String? {
                guard let index = column[name], index < row.fields.count else { return nil }
                let v = clean(row.fields[index])
                return v.isEmpty ? nil : v
            }
            if row.fields.count != header.count {
                throw ImportError(
                    "'\(source)' line \(row.line): \(row.fields.count) fields, header has \(header.count); valid: one field per header column"
                )
            }
            if let id = value("StudyId") {
                guard seen.insert(id).inserted else { continue }
            }
            var r = BibliographicRecord(sourceFormat: .syrfCSV, source: "\(source) line \(row.line)")
            r.title = value("Title")
            r.abstract = value("Abstract")
            r.authors = value("Authors").map(splitAuthors) ?? []
            r.journal = value("PublicationName") ?? value("AlternateName")
            if let year = value("Year") {
                if let number = Int(year) {
                    r.year = number
                } else {
                    r.warnings.append("'Year' value '\(year)' is not a year; dropped")
                }
            }
            r.doi = value("Doi")
            if let type = value("ReferenceType") { r.publicationTypes = [type] }
            r.keywords =
                value("Keywords").map {
                    $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                } ?? []
            if let url = value("Url"), let range = url.range(of: "/pubmed/") {
                let digits = url[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty { r.pmid = String(digits) }
            }
            for name in ["AlternateName", "Url", "AuthorAddress", "PdfRelativePath", "CustomId", "StudyId"] {
                if let v = value(name) { r.unknownTags.append(.init(tag: name, value: v)) }
            }
            if r.title == nil { r.warnings.append("record has no 'Title'") }
            records.append(r)
        }
        return records
    }

    static func clean(_ raw: String) -> String {
        var v = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") {
            v = String(v.dropFirst().dropLast()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return v
    }

    static func splitAuthors(_ text: String) -> [String] {
        text.replacingOccurrences(of: " and ", with: ", ")
            .components(separatedBy: ", ")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
