/// A publication: a seed review itself, or an original paper a seed cites.
public struct Publication: Sendable, Codable, Equatable, Hashable, Identifiable {
    /// Stable id, for example `song-2025-regen-ther` or `seed-004`.
    public var id: String
    public var citation: Citation
    /// Whether this is one of the five seed documents.
    public var isSeed: Bool
    public var provenance: [Provenance]

    public init(id: String, citation: Citation, isSeed: Bool = false, provenance: [Provenance]) {
        self.id = id
        self.citation = citation
        self.isSeed = isSeed
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id, citation
        case isSeed = "is_seed"
        case provenance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        citation = try c.decode(Citation.self, forKey: .citation)
        isSeed = try c.decodeIfPresent(Bool.self, forKey: .isSeed) ?? false
        provenance = try c.decode([Provenance].self, forKey: .provenance)
    }
}
