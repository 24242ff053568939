/// A subject–relation–object statement with its evidence, for example
/// "differentiated UC-MSC — express — S100" or
/// "MSC exosomes given intranasally — reduce — NLRP3 (in Parkinson's disease models)".
///
/// `subject` and `object` are term references when the thing is in a vocabulary, otherwise free
/// text in `subjectText`/`objectText`. `context` holds the qualifying terms (conditions, routes,
/// species, product forms…). `statement` is the claim in one English sentence.
public struct Claim: Sendable, Codable, Equatable, Hashable, Identifiable {
    /// What kind of support the claim has.
    public enum Evidence: String, Sendable, Codable, Hashable, CaseIterable {
        case inVitro = "in-vitro"
        case preclinical
        case clinical
        case review
        case epidemiological
    }

    public var id: String
    public var subject: TermReference?
    public var subjectText: String?
    /// A verb phrase from a small open set: `expresses`, `secretes`, `increases`, `reduces`,.
    ///
    /// `improves`, `inhibits`, `activates`, `mediates`, `differentiates-into`, `homes-to`,
    /// `is-safe`, `is-superior-to`, `is-biomarker-for`, `defined-by`, …
    public var relation: String
    public var object: TermReference?
    public var objectText: String?
    public var context: [TermReference]
    public var statement: String
    /// The seed's own words, when from a seed.
    public var statementOriginal: String?
    public var evidence: Evidence
    /// Numbers the claim states only relatively (a proportion, a percent change).
    public var relativeResults: [RelativeResult]
    public var provenance: [Provenance]

    public init(
        id: String, subject: TermReference? = nil, subjectText: String? = nil,
        relation: String, object: TermReference? = nil, objectText: String? = nil,
        context: [TermReference] = [], statement: String, statementOriginal: String? = nil,
        evidence: Evidence, relativeResults: [RelativeResult] = [], provenance: [Provenance]
    ) {
        self.id = id
        self.subject = subject
        self.subjectText = subjectText
        self.relation = relation
        self.object = object
        self.objectText = objectText
        self.context = context
        self.statement = statement
        self.statementOriginal = statementOriginal
        self.evidence = evidence
        self.relativeResults = relativeResults
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id, subject
        case subjectText = "subject_text"
        case relation, object
        case objectText = "object_text"
        case context, statement
        case statementOriginal = "statement_original"
        case evidence
        case relativeResults = "relative_results"
        case provenance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        subject = try c.decodeIfPresent(TermReference.self, forKey: .subject)
        subjectText = try c.decodeIfPresent(String.self, forKey: .subjectText)
        relation = try c.decode(String.self, forKey: .relation)
        object = try c.decodeIfPresent(TermReference.self, forKey: .object)
        objectText = try c.decodeIfPresent(String.self, forKey: .objectText)
        context = try c.decodeIfPresent([TermReference].self, forKey: .context) ?? []
        statement = try c.decode(String.self, forKey: .statement)
        statementOriginal = try c.decodeIfPresent(String.self, forKey: .statementOriginal)
        evidence = try c.decode(Evidence.self, forKey: .evidence)
        relativeResults = try c.decodeIfPresent([RelativeResult].self, forKey: .relativeResults) ?? []
        provenance = try c.decode([Provenance].self, forKey: .provenance)
    }

    /// Every vocabulary reference the claim makes.
    public var termReferences: [TermReference] {
        [subject, object].compactMap { $0 } + context
    }
}
