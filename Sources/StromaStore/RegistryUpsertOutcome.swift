/// What an idempotent upsert did with one record.
public enum RegistryUpsertOutcome: Sendable, Equatable, Hashable {
    /// The record was not in the store.
    case new
    /// A newer (or different) version replaced the current one, which went to history; or a
    /// literature record was merged with another format's record of the same paper.
    case updated(reason: String)
    /// The same version was already stored (or an older one arrived): nothing current changed.
    case unchanged(reason: String?)

    /// `new`, `updated` or `unchanged`.
    public var name: String {
        switch self {
        case .new: "new"
        case .updated: "updated"
        case .unchanged: "unchanged"
        }
    }
}
