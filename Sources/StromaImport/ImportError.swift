/// Errors raised by the readers: each names the file, the record, the line or byte offset and
/// the field, and says what would be valid.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
