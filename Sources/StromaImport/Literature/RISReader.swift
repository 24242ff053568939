import Foundation
import StromaDomain

/// Reads RIS: lines `TG  - value` (two-character tag, two spaces, dash, space), records from
/// `TY  - ` to `ER  - `.
///
/// A line inside a record that is not a tag line continues the previous
/// value (joined with a newline, leading spaces removed). Lines outside records (export headers
/// such as `Record #1 of 2`) are ignored. A byte-order mark and leading blank lines are skipped;
/// empty tags (`SP  -`) give no value.
///
/// Mapped tags: TY (publication type), TI/T1 (title), AB/N2 (abstract), AU/A1 (authors),
/// JF/T2/JO/JA (journal, in that preference; the others stay unknown tags), PY/Y1/DA (year; the
/// full value is also kept as an unknown tag), VL, IS, SP and EP (pages `SP-EP`), KW, DO (the
/// `10.…` part of a DOI or DOI URL), LA. Every other tag (A2, UR, N1, SN, …) is kept in
/// ``BibliographicRecord/unknownTags``.
/// Specification: https://en.wikipedia.org/wiki/RIS_(file_format) (RIS, Research Information Systems).
public enum RISReader {
    public static func read(_ url: URL) throws -> [BibliographicRecord] {
        try read(text: LiteratureText.read(url), source: url.lastPathComponent)
    }

    public static func read(text: String, source: String) throws -> [BibliographicRecord] {
        let lines = LiteratureText.lines(text)
        if let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }),
            first.hasPrefix("FN ") || (first.hasPrefix("PT ") && !first.hasPrefix("PT  -"))
        {
            throw ImportError(
                "'\(source)' is a Web of Science tagged file ('\(first.prefix(40))'), not RIS; export 'RIS' (or 'Other reference software') from Web of Science, or a MEDLINE file from PubMed"
            )
        }
        var records: [BibliographicRecord] = []
        var fields: [(tag: String, value: String)]? = nil
        var recordLine = 0
        for (index, line) in lines.enumerated() {
            let lineNumber = index + 1
            if let (tag, value) = tagLine(line) {
                if tag == "TY" {
                    if fields != nil {
                        throw ImportError(
                            "'\(source)' line \(lineNumber): 'TY' opens a record before the record of line \(recordLine) was closed by 'ER'; valid: one 'ER  - ' per 'TY  - '"
                        )
                    }
                    fields = [(tag, value)]
                    recordLine = lineNumber
                } else if tag == "ER" {
                    guard let done = fields else {
                        throw ImportError(
                            "'\(source)' line \(lineNumber): 'ER' without an open record; valid: 'TY  - ' first")
                    }
                    records.append(record(done, source: source, number: records.count + 1, line: recordLine))
                    fields = nil
                } else if fields != nil {
                    fields!.append((tag, value))
                }
                // Tag lines outside a record are export noise: ignored.
            } else if fields != nil, !fields!.isEmpty {
                let more = line.trimmingCharacters(in: .whitespaces)
                if !more.isEmpty {
                    let last = fields!.count - 1
                    fields![last].value += fields![last].value.isEmpty ? more : "\n" + more
                }
            }
        }
        if fields != nil {
            throw ImportError(
                "'\(source)' line \(recordLine): record is not closed; valid: a line 'ER  - ' after each record")
        }
        return records
    }

    /// Whether `line` is a `TY  - ` line.
    static func isRecordStart(_ line: Substring) -> Bool {
        tagLine(line)?.tag == "TY"
    }

    /// `TG  - value` or `TG  -` (empty).
    static func tagLine(_ line: Substring) -> (tag: String, value: String)? {
        let u = Array(line.utf8.prefix(6))
        guard u.count >= 5, isTagCharacter(u[0], first: true), isTagCharacter(u[1], first: false),
            u[2] == 0x20, u[3] == 0x20, u[4] == UInt8(ascii: "-"), u.count == 5 || u[5] == 0x20
        else { return nil }
        let tag = String(decoding: u[0..<2], as: UTF8.self)
        let value = u.count == 5 ? "" : String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
        return (tag, value)
    }

    private static func isTagCharacter(_ c: UInt8, first: Bool) -> Bool {
        (65...90).contains(c) || (!first && (48...57).contains(c))
    }

    private static func record(_ fields: [(tag: String, value: String)], source: String, number: Int, line: Int)
        -> BibliographicRecord
    {
        var r = BibliographicRecord(sourceFormat: .ris, source: "\(source) record \(number) (line \(line))")
        var startPage: String?, endPage: String?
        var journals: [String: String] = [:]
        for (tag, value) in fields {
            if value.isEmpty { continue }
            switch tag {
            case "TY": r.publicationTypes.append(value)
            case "TI", "T1":
                if r.title == nil { r.title = value } else { r.unknownTags.append(.init(tag: tag, value: value)) }
            case "AB", "N2":
                if r.abstract == nil { r.abstract = value } else { r.unknownTags.append(.init(tag: tag, value: value)) }
            case "AU", "A1": r.authors.append(value)
            case "T2", "JO", "JF", "JA":
                if journals[tag] == nil { journals[tag] = value }
                r.unknownTags.append(.init(tag: tag, value: value))
            case "PY", "Y1", "DA":
                if r.year == nil { r.year = LiteratureText.year(in: value) }
                r.unknownTags.append(.init(tag: tag, value: value))
            case "VL": r.volume = value
            case "IS": r.issue = value
            case "SP": startPage = value
            case "EP": endPage = value
            case "KW": r.keywords.append(value)
            case "DO": r.doi = LiteratureText.doi(in: value) ?? value
            case "LA": r.language = value
            default: r.unknownTags.append(.init(tag: tag, value: value))
            }
        }
        r.journal = journals["JF"] ?? journals["T2"] ?? journals["JO"] ?? journals["JA"]
        r.unknownTags.removeAll { ["T2", "JO", "JF", "JA"].contains($0.tag) && $0.value == r.journal }
        switch (startPage, endPage) {
        case let (start?, end?): r.pages = "\(start)-\(end)"
        case let (start?, nil): r.pages = start
        case let (nil, end?): r.pages = end
        default: break
        }
        return r
    }
}
