import Foundation

/// Shared helpers of the tagged-text readers (MEDLINE, RIS).
enum LiteratureText {
    /// Reads a file as UTF-8 (falling back to Latin-1), without a byte-order mark.
    static func read(_ url: URL) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError("cannot read '\(url.path)': \(error.localizedDescription)")
        }
        return decode(data)
    }

    static func decode(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        if text.contains("\u{FFFD}") {
            // Not UTF-8: read as ISO 8859-1 (every byte is the scalar of the same value).
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: data.map { Unicode.Scalar($0) })
            text = String(scalars)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Lines without their terminators (`\n`, `\r\n` or `\r`).
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The first four-digit year (1000–2999) in `text`.
    static func year(in text: String) -> Int? {
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                if digits.count == 4, let year = Int(digits), (1000...2999).contains(year) { return year }
            } else {
                digits = ""
            }
        }
        return nil
    }

    /// A DOI from `10.…` text, a `doi:` prefix or a `https://doi.org/` URL.
    static func doi(in text: String) -> String? {
        guard let range = text.range(of: "10.") else { return nil }
        let doi = text[range.lowerBound...].prefix { !$0.isWhitespace }
        return doi.count > 3 ? String(doi) : nil
    }

    /// The byte offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
