import Foundation
import GRDB
import StromaDomain
import StromaKnowledge

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension StromaStore {
    /// Opens a Stroma database file, creating an empty one (all migrations, no knowledge) when
    /// the file is missing or empty.
    /// - Throws: ``StoreError`` when the path is a directory or unreadable, the file is not
    ///   SQLite, is another application's SQLite database, or comes from a newer Stroma. Such a
    ///   file is never modified.
    public static func open(path: String) throws -> StromaStore {
        switch try DatabaseFile.inspect(path) {
        case .missing, .empty:
            try DatabaseFile.requireFolder(of: path, create: false)
            return try openFile(path)
        case .stroma:
            return try openFile(path)
        }
    }

    /// Opens the knowledge store at `path`, building it from `knowledge` when the file is missing
    /// or empty, and reloading its knowledge tables when they came from the same `label` but
    /// their recorded checksum differs from `knowledge`'s (the bundled knowledge changed).
    ///
    /// Refresh rule: a store without knowledge is loaded; a store whose `knowledge_source` is
    /// `label` and whose checksum differs is reloaded; a store loaded from another source (a
    /// test or user knowledge base) is left as it is.
    ///
    /// A new file is built in a temporary file in the same folder (`.NAME.building-UUID`) and
    /// renamed over `path` only when complete, so a failed build leaves no file behind. A
    /// refresh replaces the knowledge tables in one transaction and keeps every other table.
    /// - Parameters:
    ///   - createFolder: create the folder of `path` when missing (the default location);
    ///     otherwise a missing folder is an error.
    /// - Throws: ``KnowledgeError/invalid(problems:)`` for an invalid knowledge base (nothing is
    ///   written); ``StoreError`` as ``open(path:)``.
    public static func openKnowledgeStore(
        path: String, knowledge: KnowledgeBase, label: String = "bundled",
        createFolder: Bool = false
    ) throws -> StromaStore {
        try openKnowledgeStore(
            path: path, knowledge: knowledge, label: label, createFolder: createFolder,
            afterBuild: nil)
    }

    /// ``openKnowledgeStore(path:knowledge:label:createFolder:)`` with a hook run inside the
    /// build, before the rename (tests use it to simulate a failed build).
    static func openKnowledgeStore(
        path: String, knowledge: KnowledgeBase, label: String, createFolder: Bool,
        afterBuild: ((StromaStore) throws -> Void)?
    ) throws -> StromaStore {
        switch try DatabaseFile.inspect(path) {
        case .missing, .empty:
            let problems = knowledge.validate()
            guard problems.isEmpty else { throw KnowledgeError.invalid(problems: problems) }
            try DatabaseFile.requireFolder(of: path, create: createFolder)
            try buildAtomically(
                path: path, knowledge: knowledge, label: label, afterBuild: afterBuild)
            return try openFile(path)
        case .stroma:
            let store = try openFile(path)
            let stored = try store.knowledgeChecksum()
            let source = try store.metadata("knowledge_source")
            let current = try knowledge.checksum()
            if stored == nil || (source == label && stored != current) {
                try store.loadKnowledge(knowledge, label: label)
            }
            return store
        }
    }

    /// Opens the user's default knowledge store (see ``StoreLocation``), building it from the
    /// bundled knowledge base at first run and refreshing it when the bundled knowledge changes.
    public static func openDefault(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> StromaStore {
        let path = try StoreLocation.defaultPath(environment: environment)
        let explicit = environment["STROMA_DB"].map { !$0.isEmpty } ?? false
        return try openKnowledgeStore(
            path: path, knowledge: try KnowledgeBase.loadBundled(), label: "bundled",
            createFolder: !explicit)
    }

    // MARK: - Building and opening files

    private static func buildAtomically(
        path: String, knowledge: KnowledgeBase, label: String, afterBuild: ((StromaStore) throws -> Void)?
    ) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).building-\(UUID().uuidString)").path
        var renamed = false
        defer {
            if !renamed {
                for suffix in ["", "-journal", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: temporary + suffix)
                }
            }
        }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration())
            let store = try StromaStore(writer: queue, path: temporary)
            try store.loadKnowledge(knowledge, label: label)
            try afterBuild?(store)
            try queue.close()
        } catch let error as DatabaseError {
            throw StoreError.unusablePath(
                path: path, reason: "cannot build the database: \(error.message ?? "\(error)")")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError.unusablePath(
                path: path, reason: "cannot move the new database into place: \(reason)")
        }
        renamed = true
    }

    private static func openFile(_ path: String) throws -> StromaStore {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            return try StromaStore(writer: queue, path: path)
        } catch let error as DatabaseError {
            throw StoreError.unusablePath(path: path, reason: error.message ?? "\(error)")
        }
    }
}
