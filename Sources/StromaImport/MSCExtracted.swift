/// One value extracted from a registry record, with the field it came from.
///
/// `field` is the record path the value was read from, in the registry's own spelling
/// (`interventions[0].description`, `armGroups[1].description`, `briefTitle`); `evidence` is the
/// matched words, verbatim. A value that could not be found is absent (`nil` at the use site) and
/// is reported as `"unknown"`, never guessed.
public struct MSCExtracted<Value: Sendable & Codable & Equatable & Hashable>: Sendable, Codable,
    Equatable, Hashable
{
    public var value: Value
    /// The record path the value came from.
    public var field: String
    /// The words that were matched, verbatim from the record.
    public var evidence: String

    public init(_ value: Value, field: String, evidence: String) {
        self.value = value
        self.field = field
        self.evidence = evidence
    }
}
