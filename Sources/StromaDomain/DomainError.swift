/// Errors raised by domain-level parsing (durations, vocabulary kinds).
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
