/// One bibliographic record read from a literature export (PubMed XML, MEDLINE, RIS, SyRF CSV).
///
/// Fields absent from the source stay `nil` or empty. Tags the reader does not map are kept in
/// ``unknownTags`` in file order, so nothing the file said is lost.
public struct BibliographicRecord: Sendable, Codable, Equatable, Hashable {
    /// The format a record was read from.
    public enum SourceFormat: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
        /// PubMed efetch `PubmedArticleSet` XML.
        case pubmedXML = "pubmed-xml"
        /// MEDLINE tagged text (`.nbib`, PubMed "citation manager" export).
        case medline
        /// RIS (`TY  - ` … `ER  - `).
        case ris
        /// SyRF bibliographic study import/export CSV.
        case syrfCSV = "syrf-csv"
    }

    /// A tag and its value, as written in the source.
    public struct Tag: Sendable, Codable, Equatable, Hashable {
        public var tag: String
        public var value: String

        public init(tag: String, value: String) {
            self.tag = tag
            self.value = value
        }
    }

    public var sourceFormat: SourceFormat
    public var pmid: String?
    public var doi: String?
    public var title: String?
    public var abstract: String?
    /// Authors as written (`"Smith JA"`, `"Smith, John A."`).
    public var authors: [String]
    public var journal: String?
    public var year: Int?
    public var volume: String?
    public var issue: String?
    /// Page range as written (`"315-7"`).
    public var pages: String?
    public var keywords: [String]
    public var meshTerms: [String]
    public var publicationTypes: [String]
    public var language: String?
    public var unknownTags: [Tag]
    /// Where the record was read (file path and record number), when known.
    public var source: String?
    public var warnings: [String]

    public init(
        sourceFormat: SourceFormat, pmid: String? = nil, doi: String? = nil,
        title: String? = nil, abstract: String? = nil, authors: [String] = [],
        journal: String? = nil, year: Int? = nil, volume: String? = nil, issue: String? = nil,
        pages: String? = nil, keywords: [String] = [], meshTerms: [String] = [],
        publicationTypes: [String] = [], language: String? = nil, unknownTags: [Tag] = [],
        source: String? = nil, warnings: [String] = []
    ) {
        self.sourceFormat = sourceFormat
        self.pmid = pmid
        self.doi = doi
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.journal = journal
        self.year = year
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.keywords = keywords
        self.meshTerms = meshTerms
        self.publicationTypes = publicationTypes
        self.language = language
        self.unknownTags = unknownTags
        self.source = source
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case sourceFormat = "source_format"
        case pmid, doi, title, abstract, authors, journal, year, volume, issue, pages, keywords
        case meshTerms = "mesh_terms"
        case publicationTypes = "publication_types"
        case language
        case unknownTags = "unknown_tags"
        case source, warnings
    }
}
