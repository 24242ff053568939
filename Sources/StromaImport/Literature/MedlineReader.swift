import Foundation
import StromaDomain

/// Reads MEDLINE tagged text, the PubMed "citation manager" export (`.nbib`): a tag of up to four
/// characters padded to four, `- `, the value; continuation lines begin with six spaces and are
/// joined with one space; records are separated by blank lines and begin with `PMID- `.
///
/// Mapped tags: PMID, TI, AB, AU (authors; FAU kept as unknown tag), JT (journal; TA when JT is
/// absent), DP (year), VI, IP, PG, MH, OT, PT, LA, AID/LID `[doi]`. Other tags are kept in
/// ``BibliographicRecord/unknownTags``. Reference: https://www.nlm.nih.gov/bsd/mms/medlineelements.html
public enum MedlineReader {
    public static func read(_ url: URL) throws -> [BibliographicRecord] {
        try read(text: LiteratureText.read(url), source: url.lastPathComponent)
    }

    public static func read(text: String, source: String) throws -> [BibliographicRecord] {
        var records: [BibliographicRecord] = []
        var fields: [(tag: String, value: String, line: Int)] = []
        var recordLine = 0

        func flush() throws {
            guard !fields.isEmpty else { return }
            records.append(try record(fields, source: source, number: records.count + 1, line: recordLine))
            fields = []
        }
        for (index, line) in LiteratureText.lines(text).enumerated() {
            let lineNumber = index + 1
            if line.allSatisfy(\.isWhitespace) {
                try flush()
                continue
            }
            if line.hasPrefix("      ") || line.hasPrefix("\t") {
                guard !fields.isEmpty else {
                    throw ImportError(
                        "'\(source)' line \(lineNumber): continuation line outside a record; valid: a line 'TAG - value' first"
                    )
                }
                let more = line.trimmingCharacters(in: .whitespaces)
                fields[fields.count - 1].value += fields[fields.count - 1].value.isEmpty ? more : " " + more
                continue
            }
            guard let dash = line.firstIndex(of: "-"), line.distance(from: line.startIndex, to: dash) == 4 else {
                throw ImportError(
                    "'\(source)' line \(lineNumber): '\(line.prefix(40))' is not a MEDLINE field; valid: a four-character tag, '- ' and a value"
                )
            }
            let tag = line[..<dash].trimmingCharacters(in: .whitespaces)
            guard !tag.isEmpty, tag.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
                throw ImportError(
                    "'\(source)' line \(lineNumber): tag '\(line[..<dash])' is not a MEDLINE tag; valid: 2–4 capital letters"
                )
            }
            if fields.isEmpty { recordLine = lineNumber }
            let value = line[line.index(after: dash)...].trimmingCharacters(in: .whitespaces)
            fields.append((tag, value, lineNumber))
        }
        try flush()
        return records
    }

    private static func record(
        _ fields: [(tag: String, value: String, line: Int)], source: String, number: Int, line: Int
    ) throws -> BibliographicRecord {
        var r = BibliographicRecord(sourceFormat: .medline, source: "\(source) record \(number) (line \(line))")
        var shortJournal: String?
        for field in fields {
            let value = field.value
            switch field.tag {
            case "PMID": r.pmid = value
            case "TI": r.title = value
            case "AB": r.abstract = value
            case "AU": r.authors.append(value)
            case "JT": r.journal = value
            case "TA": shortJournal = value
            case "DP": r.year = LiteratureText.year(in: value)
            case "VI": r.volume = value
            case "IP": r.issue = value
            case "PG": r.pages = value
            case "MH": r.meshTerms.append(value)
            case "OT": r.keywords.append(value)
            case "PT": r.publicationTypes.append(value)
            case "LA": r.language = value
            case "AID", "LID":
                if r.doi == nil, value.hasSuffix("[doi]") {
                    r.doi = value.replacingOccurrences(of: "[doi]", with: "").trimmingCharacters(in: .whitespaces)
                } else {
                    r.unknownTags.append(.init(tag: field.tag, value: value))
                }
            default: r.unknownTags.append(.init(tag: field.tag, value: value))
            }
        }
        if r.journal == nil {
            r.journal = shortJournal
        } else if let shortJournal {
            r.unknownTags.append(.init(tag: "TA", value: shortJournal))
        }
        if r.pmid == nil { r.warnings.append("record has no 'PMID' field") }
        return r
    }
}
