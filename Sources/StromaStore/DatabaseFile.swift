import Foundation
import GRDB

/// Read-only checks of a database path before Stroma writes to it.
enum DatabaseFile {
    enum State: Equatable {
        /// No file at the path.
        case missing
        /// A zero-byte file, or an SQLite database without any table.
        case empty
        /// A Stroma database this version can open.
        case stroma
    }

    /// The 16-byte header every SQLite 3 database file starts with.
    static let sqliteHeader = Data("SQLite format 3\u{0}".utf8)

    /// Classifies `path` without modifying it.
    /// - Throws: ``StoreError`` for a directory, an unreadable file, a file that is not SQLite, an
    ///   SQLite database without Stroma's `stroma_metadata`, or one from a newer Stroma.
    static func inspect(_ path: String) throws -> State {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .missing
        }
        if isDirectory.boolValue {
            throw StoreError.unusablePath(path: path, reason: "it is a directory, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unusablePath(path: path, reason: "the file cannot be read")
        }
        let header: Data
        do {
            header = try handle.read(upToCount: sqliteHeader.count) ?? Data()
            try handle.close()
        } catch {
            throw StoreError.unusablePath(path: path, reason: "the file cannot be read")
        }
        if header.isEmpty { return .empty }
        guard header == sqliteHeader else { throw StoreError.notADatabase(path: path) }

        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let tables = try String.fetchAll(
                    db,
                    sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
                guard tables.contains("stroma_metadata") else {
                    if tables.isEmpty { return .empty }
                    throw StoreError.foreignDatabase(path: path)
                }
                let format = try String.fetchOne(
                    db, sql: "SELECT value FROM stroma_metadata WHERE key = 'format'")
                guard format == "stroma" else { throw StoreError.foreignDatabase(path: path) }
                if try StromaStore.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerDatabase(path: path)
                }
                return .stroma
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notADatabase(path: path)
        }
    }

    /// Checks (or creates) the folder that will hold `path`.
    static func requireFolder(of path: String, create: Bool) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.unusablePath(path: path, reason: "'\(folder)' is not a folder")
            }
            return
        }
        guard create else {
            throw StoreError.unusablePath(path: path, reason: "folder '\(folder)' does not exist")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unusablePath(path: path, reason: "cannot create folder '\(folder)'")
        }
    }
}
