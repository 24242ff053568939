import Foundation

/// A registry text prepared for pattern matching, able to hand back the record's own words.
///
/// Normalisation makes the many spellings of a dose comparable: `×`, `✕`, `*` become `x`;
/// dashes and minus signs become `-`; unusual spaces become a space; a superscript exponent after
/// `10` becomes `^` and digits (`10⁶` → `10^6`). Every normalised character remembers the
/// original character it came from, so matches are reported verbatim (``original(_:)``).
struct MSCText: Sendable {
    /// The record path of the text, for example `interventions[0].description`.
    let field: String
    /// The normalised text (matching is case-insensitive).
    let normalized: String
    private let originalCharacters: [Character]
    /// For each normalised character, the index of the original character it came from.
    private let origin: [Int]
    private let normalizedUTF16Offsets: [Int]

    init(field: String, text: String) {
        self.field = field
        let characters = Array(text)
        originalCharacters = characters
        var out: [Character] = []
        var map: [Int] = []
        out.reserveCapacity(characters.count + 4)
        for (index, ch) in characters.enumerated() {
            // Most characters are ASCII and replaced by nothing: no dictionary lookups.
            if let a = ch.asciiValue, !MSCText.asciiKeys[Int(a)] {
                out.append(ch)
                map.append(index)
                continue
            }
            if let digit = MSCText.superscripts[ch] {
                let last2 = String(out.suffix(2))
                let afterTen = last2 == "10" || (out.last == " " && String(out.dropLast().suffix(2)) == "10")
                if afterTen {
                    out.append("^"); map.append(index)
                }
                out.append(digit); map.append(index)
                continue
            }
            out.append(MSCText.replacements[ch] ?? ch)
            map.append(index)
        }
        normalized = String(out)
        origin = map
        var offsets: [Int] = []
        offsets.reserveCapacity(out.count + 1)
        var u = 0
        for ch in out {
            offsets.append(u)
            u += ch.utf16.count
        }
        offsets.append(u)
        normalizedUTF16Offsets = offsets
    }

    /// The original words behind a UTF-16 range of ``normalized``, trimmed.
    func original(_ range: NSRange) -> String {
        guard let start = characterIndex(utf16: range.location),
            let end = characterIndex(utf16: range.location + range.length), end > start
        else { return "" }
        let from = origin[start]
        let to = origin[end - 1]
        return String(originalCharacters[from...to]).trimmingCharacters(in: .whitespaces)
    }

    private func characterIndex(utf16 offset: Int) -> Int? {
        // Binary search: offsets are increasing.
        var lo = 0
        var hi = normalizedUTF16Offsets.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let value = normalizedUTF16Offsets[mid]
            if value == offset { return mid }
            if value < offset { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// For each ASCII byte, whether a character with that ASCII value is a key of
    /// ``superscripts`` or ``replacements`` (`"\r\n"` counts as `"\n"`, so it takes the slow path).
    private static let asciiKeys: [Bool] = (0..<128).map { byte in
        (Array(superscripts.keys) + Array(replacements.keys)).contains { $0.asciiValue == UInt8(byte) }
    }

    private static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8",
        "⁹": "9", "⁺": "+", "⁻": "-",
    ]

    private static let replacements: [Character: Character] = [
        "×": "x", "✕": "x", "⨯": "x", "∗": "x", "*": "x", "Х": "x",
        "–": "-", "—": "-", "‑": "-", "−": "-", "‐": "-",
        "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "\u{2002}": " ", "\u{2003}": " ",
        "\u{2007}": " ", "\t": " ", "\n": " ", "\r": " ",
        "μ": "µ", "’": "'", "‘": "'",
    ]
}

/// A compiled case-insensitive pattern, shareable across tasks (compiled once, never mutated).
struct MSCPattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        } catch {
            preconditionFailure("invalid built-in pattern \(pattern): \(error)")
        }
    }

    func matches(in text: String) -> [NSTextCheckingResult] {
        regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }

    func firstMatch(in text: String) -> NSTextCheckingResult? {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }
}

extension NSTextCheckingResult {
    /// The text of capture group `index`, or `nil` when the group did not take part.
    func group(_ index: Int, in text: String) -> String? {
        let r = range(at: index)
        guard r.location != NSNotFound else { return nil }
        return (text as NSString).substring(with: r)
    }
}
