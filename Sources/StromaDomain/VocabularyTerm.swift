/// One entry of a controlled vocabulary: a condition, cell source, route, mechanism, molecule….
///
/// Terms are matched by id, English label, or any synonym (the seeds' Chinese terms and common
/// abbreviations such as `BMSC`, `hUC-MSC`, `MCAO`, `ICV`), case-insensitively.
public struct VocabularyTerm: Sendable, Codable, Equatable, Hashable, Identifiable {
    /// Stable slug, unique within ``kind`` (for example `ischemic-stroke`, `intravenous`).
    public var id: String
    public var kind: VocabularyKind
    /// English display label.
    public var label: String
    /// Alternative names: abbreviations, spelling variants, the seeds' Chinese terms.
    public var synonyms: [String]
    /// A short definition in English.
    public var definition: String
    /// A grouping within the kind, for example `cerebrovascular`, `neurodegenerative`,
    /// `musculoskeletal` for conditions; `neurotrophic-factor` or `cytokine` for molecules.
    public var category: String?
    /// The id of a broader term of the same kind (for example `tail-vein` → `intravenous`).
    public var parent: String?
    /// For terms that belong to a term of another kind: for example a disease phase belongs to the
    /// condition `ischemic-stroke`, a disease model to a condition and a species.
    public var related: [TermReference]
    /// Where the term is discussed: seed files and sections, and literature.
    public var provenance: [Provenance]

    public init(
        id: String, kind: VocabularyKind, label: String, synonyms: [String] = [],
        definition: String, category: String? = nil, parent: String? = nil,
        related: [TermReference] = [], provenance: [Provenance]
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.synonyms = synonyms
        self.definition = definition
        self.category = category
        self.parent = parent
        self.related = related
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, label, synonyms, definition, category, parent, related, provenance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(VocabularyKind.self, forKey: .kind)
        label = try c.decode(String.self, forKey: .label)
        synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        definition = try c.decode(String.self, forKey: .definition)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        related = try c.decodeIfPresent([TermReference].self, forKey: .related) ?? []
        provenance = try c.decode([Provenance].self, forKey: .provenance)
    }

    /// Every name by which the term can be found: id, label and synonyms.
    public var names: [String] { [id, label] + synonyms }
}

/// A typed reference to a vocabulary term: `{"kind": "condition", "id": "ischemic-stroke"}`.
public struct TermReference: Sendable, Codable, Equatable, Hashable, Comparable {
    public var kind: VocabularyKind
    public var id: String

    public init(_ kind: VocabularyKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func < (lhs: TermReference, rhs: TermReference) -> Bool {
        (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
    }
}
