import Foundation
import GRDB

/// A person who may sign in to the server, as stored (the password only as its bcrypt hash).
public struct StoredUser: Sendable, Equatable, Codable {
    /// The sign-in name, unique without regard to case.
    public var name: String
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// `reader`, `curator` or `admin`.
    public var role: String
    /// When the user was added (ISO 8601).
    public var createdAt: String

    public init(name: String, passwordHash: String, role: String, createdAt: String) {
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.createdAt = createdAt
    }
}

extension StromaStore {
    /// The roles a user can have, least privileged first.
    public static let userRoles = ["reader", "curator", "admin"]

    /// Adds a user, or replaces the hash and role of an existing one (`replace`); parameterised SQL only.
    ///
    /// - Throws: ``StoreError/invalidArgument(name:value:valid:)`` for an empty name, a name with spaces or
    ///   control characters, an unknown role, or an existing name without `replace`.
    public func saveUser(_ user: StoredUser, replace: Bool) throws {
        guard !user.name.isEmpty, user.name.count <= 64,
            user.name.unicodeScalars.allSatisfy({ !CharacterSet.whitespacesAndNewlines.contains($0) && $0.value >= 32 })
        else {
            throw StoreError.invalidArgument(
                name: "name", value: user.name, valid: "1–64 characters without spaces or control characters")
        }
        guard Self.userRoles.contains(user.role) else {
            throw StoreError.invalidArgument(
                name: "role", value: user.role, valid: Self.userRoles.joined(separator: ", "))
        }
        try write("save-user") { db in
            let exists =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS(SELECT 1 FROM server_user WHERE name = ?)", arguments: [user.name]) ?? false
            if exists && !replace {
                throw StoreError.invalidArgument(
                    name: "name", value: user.name, valid: "a name not yet taken (or replace the existing user)")
            }
            try db.execute(
                sql: """
                    INSERT INTO server_user (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role
                    """,
                arguments: [user.name, user.passwordHash, user.role, user.createdAt])
        }
    }

    /// The user called `name` (any case), or `nil`.
    public func user(named name: String) throws -> StoredUser? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, password_hash, role, created_at FROM server_user WHERE name = ?",
                arguments: [name]
            ).map { row in
                StoredUser(
                    name: row["name"], passwordHash: row["password_hash"], role: row["role"],
                    createdAt: row["created_at"])
            }
        }
    }

    /// Every user, by name.
    public func users() throws -> [StoredUser] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, password_hash, role, created_at FROM server_user ORDER BY name")
                .map { row in
                    StoredUser(
                        name: row["name"], passwordHash: row["password_hash"], role: row["role"],
                        createdAt: row["created_at"])
                }
        }
    }
}
