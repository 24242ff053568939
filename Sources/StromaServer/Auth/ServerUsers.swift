import Foundation
import HummingbirdBcrypt
import StromaStore
import StromaWorkbench

/// Adding users and checking passwords: bcrypt (cost 12) hashes in the store's `server_user` table.
public enum ServerUsers {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Adds `name` with `role`, hashing `password`; `replace` changes an existing user's password and role.
    public static func add(
        name: String, password: String, role: String, replace: Bool, store: StromaStore, cost: UInt8 = 12
    ) throws {
        guard UserRole(rawValue: role) != nil else {
            throw WorkbenchError(
                .invalidInput, "--role '\(role)' is not a role; give reader, curator or admin", option: "role",
                valid: UserRole.allCases.map(\.rawValue))
        }
        guard password.count >= minimumPasswordLength else {
            throw WorkbenchError(
                .invalidInput, "the password has \(password.count) characters; give at least \(minimumPasswordLength)",
                field: "password")
        }
        let user = StoredUser(
            name: name, passwordHash: Bcrypt.hash(password, cost: cost), role: role,
            createdAt: ISO8601DateFormatter().string(from: Date()))
        try store.saveUser(user, replace: replace)
    }

    /// The identity for `name` and `password`, or `nil` when either is wrong (the same answer for both, and a
    /// hash is checked even for an unknown name so that timing does not reveal which names exist).
    static func signIn(name: String, password: String, store: StromaStore) throws -> ServerIdentity? {
        let user = try store.user(named: name)
        let hash = user?.passwordHash ?? dummyHash
        let matches = Bcrypt.verify(password, hash: hash)
        guard let user, matches, let role = UserRole(rawValue: user.role) else { return nil }
        return ServerIdentity(name: user.name, role: role, method: .session)
    }

    static let dummyHash = Bcrypt.hash("stroma-no-such-user", cost: 12)
}
