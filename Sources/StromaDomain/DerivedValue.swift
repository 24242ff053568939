/// A field value that the record derived rather than read from its source, with the assumption.
///
/// Examples: a disease phase derived from the timing of the first administration and the seed's
/// own phase definition; cells per kg from an assumed body weight (that one is also kept on
/// ``CellDose/derivation``).
public struct DerivedValue: Sendable, Codable, Equatable, Hashable {
    /// The record field derived, by its JSON key (`phase`, `dose.cells_per_kg`, `arms[1].dose`).
    public var field: String
    /// The assumption or rule, in words.
    public var assumption: String

    public init(field: String, assumption: String) {
        self.field = field
        self.assumption = assumption
    }
}
