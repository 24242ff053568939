import Foundation
import GRDB
import StromaDomain
import StromaKnowledge
import Testing
@testable import StromaStore

@Suite("Loading a knowledge base")
struct KnowledgeLoadingTests {
    @Test("the fixture is a valid knowledge base")
    func fixtureIsValid() throws {
        let base = try TestKnowledge.load()
        #expect(base.validate() == [])
        #expect(base.experiments.count == 4)
    }

    @Test("loading stores every record and export returns the same knowledge base")
    func roundTrip() throws {
        let base = try TestKnowledge.load()
        let store = try TestKnowledge.store()
        #expect(try store.knowledgeBase() == base)
        #expect(try store.termCounts()[.route] == 4)
        #expect(try store.knowledgeChecksum() == base.checksum())
        #expect(try store.metadata("knowledge_source") == "test")
    }

    @Test("loading twice replaces the knowledge instead of duplicating it")
    func reloadReplaces() throws {
        let store = try TestKnowledge.store()
        var base = try TestKnowledge.load()
        base.experiments.removeLast()
        try store.loadKnowledge(base)
        #expect(try store.experiments().count == 3)
        let indexed = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM knowledge_search WHERE record_type = 'experiment'")
        }
        #expect(indexed == 3)
    }

    @Test("an invalid knowledge base is refused and the store is unchanged")
    func invalidRefused() throws {
        let store = try TestKnowledge.store()
        var base = try TestKnowledge.load()
        base.experiments[0].routes = ["no-such-route"]
        #expect {
            try store.loadKnowledge(base)
        } throws: { error in
            guard case KnowledgeError.invalid(let problems) = error else { return false }
            return problems.contains("experiment 'seed004-table1-row01': unknown route 'no-such-route'")
        }
        #expect(try store.experiments().count == 4)
    }

    @Test("provenance rows carry the short citation")
    func provenanceCitation() throws {
        let store = try TestKnowledge.store()
        let citation = try store.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT citation FROM knowledge_provenance
                    WHERE record_type = 'experiment' AND record_key = 'seed004-table1-row03'
                    """)
        }
        #expect(citation == "004 Table 1, row 3; [14]")
    }

    @Test("the checksum changes when content changes and not otherwise")
    func checksum() throws {
        let base = try TestKnowledge.load()
        var changed = base
        changed.experiments[0].findings += " (edited)"
        #expect(try base.checksum() == TestKnowledge.load().checksum())
        #expect(try base.checksum() != changed.checksum())
        #expect(try base.checksum().hasPrefix("fnv1a64:"))
    }
}
