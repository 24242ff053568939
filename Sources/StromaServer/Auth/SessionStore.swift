import Foundation

/// Signed-in sessions, held in memory: a random 256-bit id (the `stroma_session` cookie) → user, role, expiry.
///
/// Sessions end on sign-out, after ``lifetime``, or when the server restarts.
public actor SessionStore {
    struct Session {
        var name: String
        var role: UserRole
        var expires: ContinuousClock.Instant
    }

    /// How long a session lasts after signing in.
    public let lifetime: Duration
    private var sessions: [String: Session] = [:]

    public init(lifetime: Duration = .seconds(12 * 60 * 60)) {
        self.lifetime = lifetime
    }

    /// Starts a session for `name` and returns its id.
    public func start(name: String, role: UserRole) -> String {
        let id = RandomToken.hex(bytes: 32)
        sessions[id] = Session(name: name, role: role, expires: .now + lifetime)
        if sessions.count % 256 == 0 { sessions = sessions.filter { $0.value.expires > .now } }
        return id
    }

    /// The identity of a live session, or `nil`.
    public func identity(for id: String) -> ServerIdentity? {
        guard let session = sessions[id] else { return nil }
        guard session.expires > .now else {
            sessions[id] = nil
            return nil
        }
        return ServerIdentity(name: session.name, role: session.role, method: .session)
    }

    /// Ends a session.
    public func end(_ id: String) {
        sessions[id] = nil
    }
}

/// Random tokens from the system's cryptographic generator.
enum RandomToken {
    /// `bytes` random bytes as lower-case hex.
    static func hex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
    }
}
