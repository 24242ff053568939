import StromaDomain
import StromaKnowledge
import StromaStore

/// The whole knowledge base of a store: what `stroma export --format json` prints.
///
/// JSON keys: `checksum` (``KnowledgeBase/checksum()`` of the stored knowledge), `vocabulary`, `publications`,
/// `experiments`, `trials`, `claims` — the documented record encodings, provenance included, in knowledge base
/// order.
public struct KnowledgeExport: Sendable, Codable, Equatable {
    public var checksum: String
    public var vocabulary: [VocabularyTerm]
    public var publications: [Publication]
    public var experiments: [Experiment]
    public var trials: [ClinicalTrial]
    public var claims: [Claim]

    /// The export of `base`.
    public init(_ base: KnowledgeBase) throws {
        checksum = try base.checksum()
        vocabulary = base.vocabulary
        publications = base.publications
        experiments = base.experiments
        trials = base.trials
        claims = base.claims
    }

    /// The knowledge base these records make up.
    public var knowledgeBase: KnowledgeBase {
        KnowledgeBase(
            vocabulary: vocabulary, publications: publications, experiments: experiments, trials: trials,
            claims: claims)
    }
}
