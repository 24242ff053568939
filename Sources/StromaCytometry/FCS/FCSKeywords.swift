import Foundation

/// The TEXT segment of an FCS file: keyword–value pairs in file order, looked up case-insensitively.
///
/// FCS keywords are case-insensitive (FCS 3.1 §3.2.9); ``value(_:)`` accepts `$PAR`, `$par` or `par`. The
/// keywords keep the case and `$` prefix they were written with in ``pairs``.
public struct FCSKeywords: Sendable, Equatable {
    /// Keyword–value pairs as written, in file order (duplicates kept; the last one wins in look-ups).
    public var pairs: [(keyword: String, value: String)]
    private var index: [String: Int]

    public init(pairs: [(keyword: String, value: String)]) {
        self.pairs = pairs
        var index: [String: Int] = [:]
        for (position, pair) in pairs.enumerated() { index[Self.key(pair.keyword)] = position }
        self.index = index
    }

    /// The look-up key of a keyword: lower case, without a leading `$`.
    public static func key(_ keyword: String) -> String {
        let lower = keyword.lowercased()
        return lower.hasPrefix("$") ? String(lower.dropFirst()) : lower
    }

    /// The value of a keyword (`$PAR`, `par` and `$par` are the same keyword), or `nil`.
    public func value(_ keyword: String) -> String? {
        index[Self.key(keyword)].map { pairs[$0].value }
    }

    /// Every keyword as its look-up key (lower case, no `$`) with its value.
    public var dictionary: [String: String] {
        var result: [String: String] = [:]
        for pair in pairs { result[Self.key(pair.keyword)] = pair.value }
        return result
    }

    public static func == (lhs: FCSKeywords, rhs: FCSKeywords) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.keyword == $1.keyword && $0.value == $1.value }
    }
}
