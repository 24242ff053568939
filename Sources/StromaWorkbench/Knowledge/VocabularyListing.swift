import StromaDomain

/// The vocabularies with their term counts: what `stroma vocab` prints.
///
/// JSON: an array of `{kind, name, terms}` — the kind id (`cell-source`), its plural name as typed on the command
/// line (`cell-sources`) and the number of terms.
public struct VocabularyListing: Sendable, Codable, Equatable {
    /// One vocabulary.
    public struct Entry: Sendable, Codable, Equatable {
        public var kind: String
        public var name: String
        public var terms: Int

        public init(kind: String, name: String, terms: Int) {
            self.kind = kind
            self.name = name
            self.terms = terms
        }
    }

    /// Every vocabulary kind, in ``VocabularyKind`` order.
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
    }

    /// Encodes as the array of entries.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
