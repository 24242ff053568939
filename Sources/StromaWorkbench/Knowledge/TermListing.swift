import StromaDomain
import StromaStore

/// The terms of one vocabulary with how many records use each: what `stroma conditions` and `stroma vocab KIND`
/// print.
///
/// JSON: an array with one object per term — the term's own keys (`id`, `kind`, `label`, `synonyms`,
/// `definition`, `category`, `parent`, `related`, `provenance`) plus `experiments`, `trials` and `claims`, the
/// numbers of records that use the term or a narrower one.
public struct TermListing: Sendable, Codable, Equatable {
    /// One term and its usage.
    public struct Entry: Sendable, Codable, Equatable {
        public var term: VocabularyTerm
        public var usage: TermUsage

        public init(term: VocabularyTerm, usage: TermUsage) {
            self.term = term
            self.usage = usage
        }

        enum UsageKeys: String, CodingKey { case experiments, trials, claims }

        public init(from decoder: any Decoder) throws {
            term = try VocabularyTerm(from: decoder)
            let container = try decoder.container(keyedBy: UsageKeys.self)
            usage = TermUsage(
                experiments: try container.decode(Int.self, forKey: .experiments),
                trials: try container.decode(Int.self, forKey: .trials),
                claims: try container.decode(Int.self, forKey: .claims))
        }

        /// The term's own JSON keys plus the `experiments`, `trials` and `claims` counts.
        public func encode(to encoder: any Encoder) throws {
            try term.encode(to: encoder)
            var container = encoder.container(keyedBy: UsageKeys.self)
            try container.encode(usage.experiments, forKey: .experiments)
            try container.encode(usage.trials, forKey: .trials)
            try container.encode(usage.claims, forKey: .claims)
        }
    }

    /// The vocabulary listed.
    public var kind: VocabularyKind
    /// The terms, in knowledge base order.
    public var entries: [Entry]

    public init(kind: VocabularyKind, entries: [Entry]) {
        self.kind = kind
        self.entries = entries
    }

    public init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
        kind = entries.first?.term.kind ?? .condition
    }

    /// Encodes as the array of entries (the documented JSON of `stroma conditions`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
