/// Errors raised by the cell-kinetics model, its parameters and dose translation.
public struct KineticsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
