import GRDB

/// The Stroma database: one façade over SQLite whose writes are named transactions.
///
/// Open the user's default store with ``StromaStore/openDefault(environment:)`` (owned by the
/// knowledge layer), a file with ``open(path:)``, or a scratch store with ``inMemory()``. Every
/// migration in ``migrator`` runs on open; migrations are frozen once shipped.
public final class StromaStore: Sendable {
    /// The underlying GRDB writer.
    ///
    /// Prefer the typed repositories over raw SQL.
    public let writer: any DatabaseWriter
    /// The file path, or `nil` for an in-memory store.
    public let path: String?

    init(writer: any DatabaseWriter, path: String?) throws {
        self.writer = writer
        self.path = path
        try Self.migrator.migrate(writer)
    }

    /// A fresh in-memory store with every migration applied.
    public static func inMemory() throws -> StromaStore {
        try StromaStore(writer: DatabaseQueue(configuration: configuration()), path: nil)
    }

    /// GRDB configuration shared by every store: foreign keys on, a readable label.
    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.label = "stroma"
        return config
    }

    /// Runs `body` in one write transaction named `name` (named transactions make logs and
    /// errors say which invariant-preserving operation failed); rolls back on any error.
    public func write<T: Sendable>(
        _ name: String, _ body: @Sendable (Database) throws -> T
    ) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.transactionFailed(name: name, underlying: String(describing: error))
        }
    }

    /// Runs `body` with read access.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try writer.read(body)
    }
}
