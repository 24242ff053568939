/// Errors raised by the store. Messages name the file, record or term and say what is valid.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A write transaction failed and was rolled back.
    case transactionFailed(name: String, underlying: String)

    public var description: String {
        switch self {
        case .transactionFailed(let name, let underlying):
            "transaction '\(name)' failed and was rolled back: \(underlying)"
        }
    }
}
