import StromaDomain

/// A vocabulary term in brief: what lists and profiles show for related terms.
public struct TermSummary: Sendable, Codable, Equatable, Hashable {
    public var kind: VocabularyKind
    public var id: String
    public var label: String

    public init(kind: VocabularyKind, id: String, label: String) {
        self.kind = kind
        self.id = id
        self.label = label
    }

    public init(_ term: VocabularyTerm) {
        self.init(kind: term.kind, id: term.id, label: term.label)
    }

    public var reference: TermReference { TermReference(kind, id) }
}

/// How many records mention a term (directly or through a narrower term).
public struct TermUsage: Sendable, Codable, Equatable, Hashable {
    public var experiments: Int
    public var trials: Int
    public var claims: Int

    public init(experiments: Int = 0, trials: Int = 0, claims: Int = 0) {
        self.experiments = experiments
        self.trials = trials
        self.claims = claims
    }
}
