import Foundation
import StromaDomain

/// Finds cell doses (and cell-free product amounts) in registry text and normalises them.
///
/// Recognised spellings of a count *N*:
/// - scientific: `1×10^6`, `1 x 10(6)`, `1.5 × 10⁸`, `1x10[7]`, `2.0E+07`, and the registry's
///   flattened superscript `1 x 106` (read as 10^6 when the exponent is 3–12);
/// - a bare power `10^6` (coefficient 1);
/// - words: `100 million cells`, `2 million cells per kilogram`, `1.2 billion`;
/// - plain integers before `cells`: `50,000,000 cells`;
/// - ranges `1-2 × 10^6` and `1×10^6 to 2×10^6` (both ends kept).
///
/// The basis is `per-kg` when `/kg`, `per kg` or `per kilogram` follows within the phrase,
/// `total` when `total (dose) of` precedes or `in total` follows, `per-administration` when
/// `per dose|injection|infusion|administration` follows, otherwise `unspecified`. Counts followed
/// by `particles`, `vesicles`, `exosomes` or `EVs` are amounts in `particles`, not cells.
public enum MSCDoseParser {
    /// Every dose mentioned in `text`, in reading order.
    public static func parse(_ text: String) -> [MSCDose] {
        mentions(in: MSCText(field: "", text: text)).map(\.dose)
    }

    /// A dose found in a text, with its UTF-16 range in the normalised text.
    struct Mention {
        var dose: MSCDose
        var range: NSRange
    }

    static func mentions(in text: MSCText) -> [Mention] {
        let s = text.normalized
        var raw: [(range: NSRange, low: Double, high: Double?)] = []

        func overlaps(_ r: NSRange) -> Bool {
            raw.contains { NSIntersectionRange($0.range, r).length > 0 }
        }
        for m in scientific.matches(in: s) {
            guard let a = number(m.group(1, in: s)) else { continue }
            let exponentText = m.group(4, in: s) ?? m.group(5, in: s)
            guard let exponentText, let exponent = Int(exponentText) else { continue }
            let marked = m.range(at: 3).location != NSNotFound || m.range(at: 5).location != NSNotFound
            if !marked, exponent < 3 || exponent > 12 { continue }
            let scale = pow(10, Double(exponent))
            let high = number(m.group(2, in: s)).map { $0 * scale }
            raw.append((m.range, a * scale, high))
        }
        for m in barePower.matches(in: s) where !overlaps(m.range) {
            guard let e = Int(m.group(1, in: s) ?? ""), e >= 3, e <= 12 else { continue }
            raw.append((m.range, pow(10, Double(e)), nil))
        }
        for m in words.matches(in: s) where !overlaps(m.range) {
            guard let a = number(m.group(1, in: s)), let word = m.group(3, in: s)?.lowercased()
            else { continue }
            let scale: Double =
                switch word {
                case "thousand": 1e3
                case "billion": 1e9
                default: 1e6
                }
            let high = number(m.group(2, in: s)).map { $0 * scale }
            raw.append((m.range, a * scale, high))
        }
        for m in plainCount.matches(in: s) where !overlaps(m.range) {
            let digits = (m.group(1, in: s) ?? "").replacingOccurrences(of: ",", with: "")
            guard let value = Double(digits) else { continue }
            raw.append((m.range, value, nil))
        }
        raw.sort { $0.range.location < $1.range.location }

        // Merge "A to B" where both ends are full mentions.
        var merged: [(range: NSRange, low: Double, high: Double?)] = []
        let ns = s as NSString
        for item in raw {
            if let last = merged.last, last.high == nil {
                let gapStart = last.range.location + last.range.length
                let gap = ns.substring(
                    with: NSRange(location: gapStart, length: max(0, item.range.location - gapStart)))
                if rangeJoiner.firstMatch(in: gap) != nil, item.range.location >= gapStart {
                    merged[merged.count - 1] = (
                        NSUnionRange(last.range, item.range), last.low, item.high ?? item.low
                    )
                    continue
                }
            }
            merged.append(item)
        }

        var result: [Mention] = []
        for (index, item) in merged.enumerated() {
            let end = item.range.location + item.range.length
            let nextStart = index + 1 < merged.count ? merged[index + 1].range.location : ns.length
            let windowLength = min(70, nextStart - end, ns.length - end)
            let window = ns.substring(with: NSRange(location: end, length: max(0, windowLength)))
            let phrase = cutAtSentenceEnd(window)
            let beforeStart = max(0, item.range.location - 30)
            let before = ns.substring(with: NSRange(location: beforeStart, length: item.range.location - beforeStart))

            var statedRange = item.range
            var dose = MSCDose(stated: "")
            if let p = particles.firstMatch(in: phrase) {
                dose.amount = item.low
                dose.unit = "particles"
                statedRange.length += p.range.location + p.range.length
            } else {
                let isWordForm =
                    words.firstMatch(in: ns.substring(with: item.range)) != nil
                    || plainCount.firstMatch(in: ns.substring(with: item.range)) != nil
                if isWordForm && cellContext.firstMatch(in: phrase) == nil { continue }
                dose.cells = item.low
                dose.cellsHigh = item.high
                if let k = perKilogram.firstMatch(in: phrase) {
                    dose.basis = .perKilogram
                    statedRange.length += k.range.location + k.range.length
                } else if let c = cellWord.firstMatch(in: phrase) {
                    statedRange.length += c.range.location + c.range.length
                }
                if dose.basis == .unspecified {
                    if totalBefore.firstMatch(in: before) != nil || totalAfter.firstMatch(in: phrase) != nil {
                        dose.basis = .total
                    } else if perAdministration.firstMatch(in: phrase) != nil {
                        dose.basis = .perAdministration
                    }
                }
            }
            dose.stated = text.original(statedRange)
            result.append(Mention(dose: dose, range: statedRange))
        }
        return result
    }

    /// Amounts of a cell-free product (`100 µg`, `2 mL`, `50 mg protein`), in reading order.
    static func productAmounts(in text: MSCText) -> [Mention] {
        let s = text.normalized
        return productAmount.matches(in: s).compactMap { m in
            guard let value = number(m.group(1, in: s)), let unit = m.group(2, in: s) else { return nil }
            let normalizedUnit = unit.replacingOccurrences(of: "u", with: "µ").lowercased()
                .replacingOccurrences(of: "ml", with: "mL").replacingOccurrences(of: "µl", with: "µL")
            return Mention(
                dose: MSCDose(stated: text.original(m.range), amount: value, unit: normalizedUnit),
                range: m.range)
        }
    }

    private static func number(_ text: String?) -> Double? {
        guard let text else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }

    private static func cutAtSentenceEnd(_ window: String) -> String {
        var out = ""
        var previous: Character = " "
        for ch in window {
            if ch == ";" || ch == ")" && !out.contains("(") { break }
            if previous == "." && ch == " " { break }
            out.append(ch)
            previous = ch
        }
        return out
    }

    private static let coefficient = #"(\d+(?:[.,]\d{1,3})?)"#
    private static let rangeEnd = #"(?:\s*(?:-|to|~)\s*(\d+(?:[.,]\d{1,3})?))?"#
    /// Groups: 1 coefficient, 2 range end, 3 a caret/bracket marker (present when the exponent
    /// was written explicitly), 4 power-of-ten exponent, 5 E-notation exponent.
    private static let scientific = MSCPattern(
        #"(?<![\d.,^])"# + coefficient + rangeEnd
            + #"\s*(?:x\s*10(?:\s*(\^\s*\+?|\(\s*\+?|\[\s*|<sup>)\s*|)(\d{1,2})(?!\d)\s*(?:\)|\]|</sup>)?|e\+?(\d{1,2})(?![\d]))"#
    )
    private static let barePower = MSCPattern(#"(?<![\d.,x])\b10\s*(?:\^|\()\s*\+?(\d{1,2})\)?"#)
    private static let words = MSCPattern(
        #"(?<![\d.,])"# + coefficient + rangeEnd + #"\s*(million|billion|thousand|mio\b|mln\b)"#)
    private static let plainCount = MSCPattern(
        #"(?<![\d.,])(\d{1,3}(?:,\d{3}){2,}|\d{6,})(?=\s*(?:viable\s+|live\s+)?(?:cells|msc|mscs)\b)"#)
    private static let rangeJoiner = MSCPattern(#"^\s*(?:-|to|~)\s*$"#)
    private static let particles = MSCPattern(
        #"^\s*(?:[a-z-]+\s+){0,2}?(?:particles|vesicles|exosomes|evs?)\b"#)
    private static let cellContext = MSCPattern(
        #"cell|msc|/\s*kg|per\s+(?:kg|kilogram)|stromal|mesenchymal"#)
    private static let cellWord = MSCPattern(
        #"^\s*(?:[a-z0-9()-]+\s+){0,3}(?:cells?|mscs?)\b"#)
    private static let perKilogram = MSCPattern(
        #"^[^;]{0,45}?(?:/\s*kg\b|/\s*kilogram|per\s+(?:kg|kilogram)\b|per\s+kilo\b|kg-1|kg\^-1)(?:\s+(?:of\s+)?body\s*weight|\s*bw\b)?"#
    )
    private static let totalBefore = MSCPattern(#"\btotal\s+(?:dose\s+)?(?:of\s+)?(?:approximately\s+|about\s+)?$"#)
    private static let totalAfter = MSCPattern(#"^[^;]{0,40}?\bin\s+total\b"#)
    private static let perAdministration = MSCPattern(
        #"^[^;]{0,40}?(?:per|each|/)\s*(?:dose|injection|infusion|administration|session|knee|joint|treatment)\b"#)
    private static let productAmount = MSCPattern(
        #"(?<![\d.,])(\d+(?:\.\d+)?)\s*(µg|ug|mg|ml|µl|ul)\b"#)
}
