import StromaDomain

/// Everything the knowledge base knows about one term: what `stroma show` prints.
///
/// Records are those that mention the term or a narrower term (a profile of `stroke` includes
/// `ischemic-stroke` experiments), in knowledge base order.
public struct TermProfile: Sendable, Codable, Equatable {
    public var term: VocabularyTerm
    /// The broader term, if any.
    public var parent: TermSummary?
    /// Direct narrower terms.
    public var children: [TermSummary]
    /// Terms the term's `related` list names, and terms whose `related` list names this term
    /// (for example the disease phases and models of a condition).
    public var related: [TermSummary]
    public var experiments: [Experiment]
    public var trials: [ClinicalTrial]
    public var claims: [Claim]
    /// Publications the experiments and trials report, in knowledge base order.
    public var publications: [Publication]
    /// Other terms the records use, with how many records of each type use them; ordered by
    /// kind, then by total count (descending), then id.
    public var coOccurring: [TermCount]

    public init(
        term: VocabularyTerm, parent: TermSummary?, children: [TermSummary],
        related: [TermSummary], experiments: [Experiment], trials: [ClinicalTrial],
        claims: [Claim], publications: [Publication], coOccurring: [TermCount]
    ) {
        self.term = term
        self.parent = parent
        self.children = children
        self.related = related
        self.experiments = experiments
        self.trials = trials
        self.claims = claims
        self.publications = publications
        self.coOccurring = coOccurring
    }

    enum CodingKeys: String, CodingKey {
        case term, parent, children, related, experiments, trials, claims, publications
        case coOccurring = "co_occurring"
    }
}

/// A term with the number of records that use it.
public struct TermCount: Sendable, Codable, Equatable, Hashable {
    public var kind: VocabularyKind
    public var id: String
    public var label: String
    public var experiments: Int
    public var trials: Int
    public var claims: Int

    public init(
        kind: VocabularyKind, id: String, label: String, experiments: Int, trials: Int,
        claims: Int
    ) {
        self.kind = kind
        self.id = id
        self.label = label
        self.experiments = experiments
        self.trials = trials
        self.claims = claims
    }

    public var total: Int { experiments + trials + claims }
}
