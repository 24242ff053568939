/// Errors raised while loading the bundled or a user-supplied knowledge base.
public enum KnowledgeError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case invalid(problems: [String])

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            "knowledge file '\(path)' is not valid: \(reason)"
        case .invalid(let problems):
            "the knowledge base has \(problems.count) problem(s); first: \(problems.first ?? "")"
        }
    }
}
