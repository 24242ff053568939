/// Where a statement, number or term came from.
///
/// Every record in the knowledge base carries at least one provenance. A seed provenance names
/// the seed file and the section, table row or figure (`"Table 1, row 3"`, `"§2.1"`); it keeps a
/// short verbatim excerpt of the seed when useful (`quote`, in the seed's language) and the
/// original reference the seed cites for it (`reference`, with the seed's reference number).
/// Knowledge added beyond the seeds names the primary source in `reference` and leaves
/// `seed` empty.
public struct Provenance: Sendable, Codable, Equatable, Hashable {
    /// Seed file name, for example `004_a5dbae0f9a7dccfa.txt`.
    public var seed: String?
    /// Section, table row or figure within the source, for example `"Table 1, row 4"`.
    public var section: String?
    /// A short verbatim excerpt of the source supporting the record.
    public var quote: String?
    /// The original publication or registry record the source cites.
    public var reference: Citation?
    /// Anything a reader should know: an assumption, a correction, an ambiguity in the source.
    public var note: String?

    public init(
        seed: String? = nil, section: String? = nil, quote: String? = nil,
        reference: Citation? = nil, note: String? = nil
    ) {
        self.seed = seed
        self.section = section
        self.quote = quote
        self.reference = reference
        self.note = note
    }

    /// A one-line human citation: `004 Table 1, row 4 [15]; Smith 2019, Stroke, doi:…`.
    public var shortDescription: String {
        var parts: [String] = []
        if let seed {
            let stem = seed.split(separator: "_").first.map(String.init) ?? seed
            parts.append([stem, section].compactMap { $0 }.joined(separator: " "))
        } else if let section {
            parts.append(section)
        }
        if let reference { parts.append(reference.shortDescription) }
        return parts.joined(separator: "; ")
    }
}

/// A bibliographic or registry reference.
public struct Citation: Sendable, Codable, Equatable, Hashable {
    /// The reference number in the seed's bibliography (`[12]` → 12), when the seed cites it so.
    public var seedReferenceNumber: Int?
    /// Authors as given (`"Song L, Wang X, et al."`), or the first author only.
    public var authors: String?
    public var year: Int?
    public var title: String?
    public var journal: String?
    public var volume: String?
    public var pages: String?
    public var doi: String?
    public var pmid: String?
    /// A registry identifier such as `NCT01909154`.
    public var registryId: String?
    public var url: String?

    public init(
        seedReferenceNumber: Int? = nil, authors: String? = nil, year: Int? = nil,
        title: String? = nil, journal: String? = nil, volume: String? = nil,
        pages: String? = nil, doi: String? = nil, pmid: String? = nil,
        registryId: String? = nil, url: String? = nil
    ) {
        self.seedReferenceNumber = seedReferenceNumber
        self.authors = authors
        self.year = year
        self.title = title
        self.journal = journal
        self.volume = volume
        self.pages = pages
        self.doi = doi
        self.pmid = pmid
        self.registryId = registryId
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case seedReferenceNumber = "seed_reference_number"
        case authors, year, title, journal, volume, pages, doi, pmid
        case registryId = "registry_id"
        case url
    }

    /// `Song 2025, Regen Ther, doi:10.…` — whatever parts are known.
    public var shortDescription: String {
        var parts: [String] = []
        if let number = seedReferenceNumber { parts.append("[\(number)]") }
        let who = authors.map { $0.split(separator: ",").first.map(String.init) ?? $0 }
        let head = [who, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
        if !head.isEmpty { parts.append(head) }
        if let journal { parts.append(journal) }
        if let doi { parts.append("doi:\(doi)") }
        if let pmid { parts.append("PMID:\(pmid)") }
        if let registryId { parts.append(registryId) }
        return parts.joined(separator: ", ")
    }
}
