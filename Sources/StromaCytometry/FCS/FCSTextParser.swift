import Foundation

/// Parses an FCS TEXT segment into keyword–value pairs.
///
/// The first byte is the delimiter; keywords and values alternate between delimiters. In FCS 3.x a doubled
/// delimiter inside a keyword or value stands for the delimiter itself (FCS 3.1 §3.2.9: empty keywords and values
/// are not allowed, so two delimiters in a row can only be an escape). FCS 2.0 allowed empty values and its
/// writers use them (CELLQuest's `&13Analysis Doc.\\`), so there a doubled delimiter ends an empty value —
/// flowCore's default reading (`emptyValue = TRUE`). Text is UTF-8 (FCS 3.1), or Latin-1 when it is not valid
/// UTF-8 (older writers).
enum FCSTextParser {
    static func parse(_ bytes: [UInt8], source: String, emptyValues: Bool = false) throws -> FCSKeywords {
        guard let delimiter = bytes.first else {
            throw CytometryError(file: source, "the TEXT segment is empty")
        }
        var fields: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == delimiter {
                if !emptyValues && index + 1 < bytes.count && bytes[index + 1] == delimiter {
                    current.append(delimiter)
                    index += 2
                    continue
                }
                fields.append(current)
                current = []
            } else {
                current.append(byte)
            }
            index += 1
        }
        if !current.isEmpty && !current.allSatisfy({ $0 == 0 || $0 == 32 || $0 == 10 || $0 == 13 }) {
            fields.append(current)
        }
        if fields.count % 2 == 1 {
            // A trailing keyword without a value: tolerated only when it is blank padding.
            let last = fields.removeLast()
            guard last.allSatisfy({ $0 == 32 || $0 == 0 }) else {
                throw CytometryError(
                    file: source, "the TEXT segment ends with keyword '\(decode(last))' without a value")
            }
        }
        var pairs: [(keyword: String, value: String)] = []
        pairs.reserveCapacity(fields.count / 2)
        var position = 0
        while position + 1 < fields.count {
            pairs.append((decode(fields[position]), decode(fields[position + 1])))
            position += 2
        }
        return FCSKeywords(pairs: pairs)
    }

    static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }
}
