/// Errors raised by effect-size computation and model fitting.
public struct StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
