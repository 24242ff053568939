import Foundation
import GRDB
import StromaDomain
import StromaKnowledge
import Testing
@testable import StromaStore

@Suite("Default location")
struct StoreLocationTests {
    @Test(
        "the default path follows STROMA_DB, then XDG_DATA_HOME, then HOME",
        arguments: [
            (["STROMA_DB": "/x/my.sqlite", "XDG_DATA_HOME": "/d", "HOME": "/h"], "/x/my.sqlite"),
            (["STROMA_DB": "", "XDG_DATA_HOME": "/d", "HOME": "/h"], "/d/stroma/stroma.sqlite"),
            (["XDG_DATA_HOME": "/d/", "HOME": "/h"], "/d/stroma/stroma.sqlite"),
            (["XDG_DATA_HOME": "relative/dir", "HOME": "/h"], "/h/.local/share/stroma/stroma.sqlite"),
            (["HOME": "/h"], "/h/.local/share/stroma/stroma.sqlite"),
        ])
    func defaultPath(environment: [String: String], expected: String) throws {
        #expect(try StoreLocation.defaultPath(environment: environment) == expected)
    }

    @Test("no variable at all is a clear error")
    func noEnvironment() {
        #expect {
            try StoreLocation.defaultPath(environment: [:])
        } throws: { error in
            (error as? StoreError)?.description
                == "cannot use database '(default)': none of STROMA_DB, XDG_DATA_HOME and HOME is set; give --db PATH"
        }
    }
}

@Suite("Opening and building database files")
struct StoreOpeningTests {
    @Test("openDefault builds the bundled knowledge into XDG_DATA_HOME at first run")
    func defaultBuild() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let data = folder.path("data")
        let store = try StromaStore.openDefault(environment: ["XDG_DATA_HOME": data, "HOME": "/nonexistent"])
        #expect(store.path == data + "/stroma/stroma.sqlite")
        #expect(try store.metadata("knowledge_source") == "bundled")
        #expect(try store.knowledgeChecksum() == KnowledgeBase.loadBundled().checksum())
        #expect(try FileManager.default.contentsOfDirectory(atPath: data + "/stroma") == ["stroma.sqlite"])
    }

    @Test("a failed build leaves no file, not even a temporary one")
    func failedBuildLeavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        struct Simulated: Error {}
        #expect(throws: Simulated.self) {
            try StromaStore.openKnowledgeStore(
                path: folder.path("s.sqlite"), knowledge: try TestKnowledge.load(), label: "test",
                createFolder: false, afterBuild: { _ in throw Simulated() })
        }
        #expect(try folder.contents() == [])
    }

    @Test("an invalid knowledge base is refused before any file is created")
    func invalidKnowledgeNoFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var base = try TestKnowledge.load()
        base.trials[0].source = "no-such-source"
        #expect {
            try StromaStore.openKnowledgeStore(path: folder.path("s.sqlite"), knowledge: base)
        } throws: { error in
            guard case KnowledgeError.invalid = error else { return false }
            return true
        }
        #expect(try folder.contents() == [])
    }

    @Test("reopening with the same knowledge does not rebuild; changed knowledge refreshes and keeps other tables")
    func refresh() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("s.sqlite")
        var base = try TestKnowledge.load()
        do {
            let store = try StromaStore.openKnowledgeStore(path: path, knowledge: base, label: "bundled")
            try store.write("add-other-table") { db in
                try db.execute(sql: "CREATE TABLE other_records (id TEXT); INSERT INTO other_records VALUES ('kept')")
            }
        }
        base.experiments.removeLast()
        let store = try StromaStore.openKnowledgeStore(path: path, knowledge: base, label: "bundled")
        #expect(try store.experiments().count == 3)
        #expect(try store.knowledgeChecksum() == base.checksum())
        let kept = try store.read { db in try String.fetchOne(db, sql: "SELECT id FROM other_records") }
        #expect(kept == "kept")
    }

    @Test("a store loaded from another source is not refreshed from the bundled knowledge")
    func otherSourceKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("s.sqlite")
        _ = try StromaStore.openKnowledgeStore(path: path, knowledge: try TestKnowledge.load(), label: "test")
        let reopened = try StromaStore.openKnowledgeStore(path: path, knowledge: KnowledgeBase(), label: "bundled")
        #expect(try reopened.experiments().count == 4)
        #expect(try reopened.metadata("knowledge_source") == "test")
    }

    @Test("a text file is refused with one line and left byte for byte unchanged")
    func textFileUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("notes.txt")
        let bytes = Data("my precious notes\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) {
            try StromaStore.openKnowledgeStore(path: path, knowledge: try TestKnowledge.load())
        }
        #expect(throws: StoreError.notADatabase(path: path)) { try StromaStore.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try folder.contents() == ["notes.txt"])
    }

    @Test("another application's SQLite database is refused and left byte for byte unchanged")
    func foreignSQLiteUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)")
            }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            try StromaStore.openKnowledgeStore(path: path, knowledge: try TestKnowledge.load())
        } throws: { error in
            (error as? StoreError)?.description
                == "'\(path)' is an SQLite database but not a Stroma database (no 'stroma_metadata' table); it was left unchanged"
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try folder.contents() == ["other.sqlite"])
    }

    @Test("a directory is refused")
    func directoryRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(throws: StoreError.unusablePath(path: folder.url.path, reason: "it is a directory, not a file")) {
            try StromaStore.openKnowledgeStore(path: folder.url.path, knowledge: KnowledgeBase())
        }
    }

    @Test("a path in a missing folder is refused unless the folder may be created")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("missing/s.sqlite")
        #expect(
            throws: StoreError.unusablePath(path: path, reason: "folder '\(folder.path("missing"))' does not exist")
        ) {
            try StromaStore.openKnowledgeStore(path: path, knowledge: KnowledgeBase())
        }
        _ = try StromaStore.openKnowledgeStore(path: path, knowledge: KnowledgeBase(), createFolder: true)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a zero-byte file is treated as a new database")
    func emptyFileBuilds() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("s.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try StromaStore.openKnowledgeStore(path: path, knowledge: try TestKnowledge.load(), label: "test")
        #expect(try store.experiments().count == 4)
    }

    @Test("a database from a newer Stroma is refused")
    func newerRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("s.sqlite")
        do {
            let store = try StromaStore.open(path: path)
            try store.write("future") { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
            }
        }
        #expect(throws: StoreError.newerDatabase(path: path)) { try StromaStore.open(path: path) }
    }
}
