import Foundation
import GRDB
import StromaDomain
import Testing
import _StromaTestSupport
@testable import StromaStore

@Suite("Knowledge schema")
struct KnowledgeSchemaTests {
    @Test("every migration applies to an empty in-memory database, in order")
    func allMigrationsApply() throws {
        let queue = try DatabaseQueue()
        try StromaStore.migrator.migrate(queue)
        let applied = try queue.read { db in try StromaStore.migrator.appliedIdentifiers(db) }
        #expect(
            applied == ["v1-knowledge", "v2-registry", "v3-server-users", "v4-registry-import-warnings", "v5-evidence"])
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table in KnowledgeWriter.tablesInDeletionOrder + ["stroma_metadata"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test("the v1-knowledge schema matches the golden dump")
    func schemaGolden() throws {
        let queue = try DatabaseQueue()
        try StromaStore.migrator.migrate(queue, upTo: "v1-knowledge")
        let dump = TextCapture()
        try queue.dumpSchema(to: dump)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/knowledge-schema-v1.txt")
        let difference = try goldenDifference(dump.text, goldenFile: golden)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("the first migration marks the file as a Stroma database")
    func formatMarker() throws {
        let store = try StromaStore.inMemory()
        #expect(try store.metadata("format") == "stroma")
        #expect(try store.knowledgeChecksum() == nil)
    }

    @Test("a link to an unknown term violates a foreign key")
    func foreignKeyOnTermLink() throws {
        let store = try TestKnowledge.store()
        #expect {
            try store.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO knowledge_experiment_term (experiment_id, role, kind, term_id)
                        VALUES ('seed004-table1-row01', 'routes', 'route', 'no-such-route')
                        """)
            }
        } throws: { error in
            (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY
        }
    }

    @Test("an experiment citing an unknown publication violates a foreign key")
    func foreignKeyOnPublication() throws {
        let store = try TestKnowledge.store()
        #expect {
            try store.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO knowledge_experiment (id, findings, publication, ordinal, json)
                        VALUES ('x', 'f', 'no-such-publication', 99, '{}')
                        """)
            }
        } throws: { error in
            (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY
        }
    }

    @Test("a term whose parent is missing is refused when the transaction commits")
    func deferredParentForeignKey() throws {
        let store = try StromaStore.inMemory()
        #expect(throws: StoreError.self) {
            try store.write("bad-parent") { db in
                try db.execute(
                    sql: """
                        INSERT INTO knowledge_term (kind, id, label, definition, parent, ordinal, json)
                        VALUES ('route', 'tail-vein', 'Tail vein', 'd', 'intravenous', 0, '{}')
                        """)
            }
        }
        #expect(try store.terms(of: .route).isEmpty)
    }

    @Test("an unknown kind is refused by a CHECK constraint")
    func kindCheck() throws {
        let store = try StromaStore.inMemory()
        #expect {
            try store.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO knowledge_term (kind, id, label, definition, ordinal, json)
                        VALUES ('colour', 'red', 'Red', 'd', 0, '{}')
                        """)
            }
        } throws: { error in
            (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK
        }
    }
}

/// A reference-type text stream, for GRDB's dump functions.
final class TextCapture: TextOutputStream {
    var text = ""
    func write(_ string: String) { text += string }
}
