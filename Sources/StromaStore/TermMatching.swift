import Foundation

/// How user-typed names are compared with vocabulary names.
///
/// A name is *normalized* by folding case, character width (full-width Chinese punctuation) and
/// diacritics, then collapsing every run of spaces, `-` and `_` into one space and trimming, so
/// `Ischemic Stroke`, `ischemic-stroke` and `ISCHEMIC_STROKE` are the same key. Chinese names
/// are matched exactly after folding.
enum TermMatching {
    /// The lookup key of `name`.
    static func normalize(_ name: String) -> String {
        let folded = name.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var pendingSpace = false
        for character in folded {
            if character.isWhitespace || character == "-" || character == "_" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// Levenshtein distance between two strings, counted in `Character`s (insertions, deletions
    /// and substitutions each cost 1).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// How close `query` is to `name` (both normalized); smaller is closer, `nil` is too far.
    ///
    /// Rule: a name that starts with the query (or the query with a name of 4+ characters)
    /// scores 0; a name containing a query of 3+ characters scores 1; otherwise the edit distance counts when it is at most
    /// `max(2, ⌊length / 3⌋)` of the longer string.
    static func score(query: String, name: String) -> Int? {
        guard !query.isEmpty, !name.isEmpty else { return nil }
        if name.hasPrefix(query) || (name.count >= 4 && query.hasPrefix(name)) { return 0 }
        if query.count >= 3 && name.contains(query) { return 1 }
        let distance = editDistance(query, name)
        let limit = max(2, max(query.count, name.count) / 3)
        return distance <= limit ? distance + 1 : nil
    }
}
