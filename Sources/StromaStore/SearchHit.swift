/// One full-text search result: a record and where the words were found.
public struct SearchHit: Sendable, Codable, Equatable {
    /// `experiment`, `trial` or `claim`.
    public var recordType: String
    public var recordId: String
    /// The record's heading: an experiment's model, a trial's title, a claim's statement.
    public var title: String
    /// Words around the match, the match in `[brackets]`.
    public var snippet: String
    /// The record's first provenance as a short citation.
    public var citation: String?

    public init(
        recordType: String, recordId: String, title: String, snippet: String, citation: String?
    ) {
        self.recordType = recordType
        self.recordId = recordId
        self.title = title
        self.snippet = snippet
        self.citation = citation
    }

    enum CodingKeys: String, CodingKey {
        case recordType = "record_type"
        case recordId = "record_id"
        case title, snippet, citation
    }
}
