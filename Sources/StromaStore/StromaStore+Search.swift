import Foundation
import GRDB
import StromaDomain

extension StromaStore {
    /// Full-text search over experiments, trials and claims (their English text, the seeds'
    /// original words and the names and synonyms of every linked term), best match first.
    ///
    /// Rule: the text is split into words (letters and digits); a record matches when it contains
    /// every word as a word prefix (FTS5 `"word"*` terms joined by AND, ranked by bm25). Text with
    /// CJK characters, which FTS5's `unicode61` tokenizer does not split into words, is matched
    /// as substrings instead (every whitespace-separated part must occur), in knowledge base
    /// order.
    /// - Throws: ``StoreError/invalidArgument(name:value:valid:)`` when the text has no word.
    public func search(_ text: String, limit: Int = 50) throws -> [SearchHit] {
        let words = text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        guard !words.isEmpty else {
            throw StoreError.invalidArgument(
                name: "search text", value: text, valid: "one or more words")
        }
        if text.unicodeScalars.contains(where: Self.isCJK) {
            let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
            return try substringSearch(parts, limit: limit)
        }
        let pattern = words.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"*" }
            .joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.record_type, s.record_id, s.title,
                           snippet(knowledge_search, 3, '[', ']', '…', 12) AS snippet,
                           p.citation
                    FROM knowledge_search s
                    LEFT JOIN knowledge_provenance p
                      ON p.record_type = s.record_type AND p.record_key = s.record_id
                      AND p.position = 0
                    WHERE knowledge_search MATCH ?
                    ORDER BY rank LIMIT ?
                    """,
                arguments: [pattern, limit]
            ).map(Self.hit)
        }
    }

    private func substringSearch(_ parts: [String], limit: Int) throws -> [SearchHit] {
        try read { db in
            var sql = """
                SELECT s.record_type, s.record_id, s.title, s.body, p.citation
                FROM knowledge_search s
                LEFT JOIN knowledge_provenance p
                  ON p.record_type = s.record_type AND p.record_key = s.record_id
                  AND p.position = 0
                WHERE 1
                """
            var arguments: StatementArguments = []
            for part in parts {
                sql += " AND instr(lower(s.title || ' ' || s.body), lower(?)) > 0"
                arguments += [part]
            }
            sql += " ORDER BY s.rowid LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                SearchHit(
                    recordType: row[0], recordId: row[1], title: row[2],
                    snippet: Self.window(around: parts[0], in: row[3]), citation: row[4])
            }
        }
    }

    private static func hit(_ row: Row) -> SearchHit {
        SearchHit(
            recordType: row[0], recordId: row[1], title: row[2], snippet: row[3],
            citation: row[4])
    }

    /// About 20 characters either side of the first occurrence of `part`, marked `[…]`.
    static func window(around part: String, in body: String) -> String {
        let flat = body.replacingOccurrences(of: "\n", with: " ")
        guard let range = flat.range(of: part, options: [.caseInsensitive]) else {
            return String(flat.prefix(40))
        }
        let start =
            flat.index(range.lowerBound, offsetBy: -20, limitedBy: flat.startIndex)
            ?? flat.startIndex
        let end =
            flat.index(range.upperBound, offsetBy: 20, limitedBy: flat.endIndex)
            ?? flat.endIndex
        let prefix = start == flat.startIndex ? "" : "…"
        let suffix = end == flat.endIndex ? "" : "…"
        return prefix + flat[start..<range.lowerBound] + "[" + flat[range] + "]"
            + flat[range.upperBound..<end] + suffix
    }

    /// Whether a scalar is a CJK ideograph, kana or hangul (scripts written without spaces).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
            0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
