/// What a signed-in user may do: readers read, curators also import and curate, admins also manage users.
public enum UserRole: String, Sendable, Codable, Comparable, CaseIterable {
    case reader
    case curator
    case admin

    var rank: Int {
        switch self {
        case .reader: 0
        case .curator: 1
        case .admin: 2
        }
    }

    public static func < (lhs: UserRole, rhs: UserRole) -> Bool { lhs.rank < rhs.rank }
}

/// Who made a request: the holder of the `--token-file` token, or a signed-in user.
public struct ServerIdentity: Sendable, Equatable {
    /// How the request proved who it is.
    public enum Method: String, Sendable {
        /// `Authorization: Bearer <token>` with the `--token-file` token.
        case bearerToken = "bearer_token"
        /// A session cookie from signing in.
        case session
    }

    /// The user's name (`token` for the bearer token).
    public var name: String
    public var role: UserRole
    public var method: Method
}
