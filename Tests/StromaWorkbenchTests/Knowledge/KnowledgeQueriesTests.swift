import Foundation
import StromaDomain
import StromaKnowledge
import StromaStore
import StromaWorkbench
import Testing

/// A store built from the store tests' small knowledge base, in a fresh temporary folder.
private struct SmallStore {
    let folder: URL
    let queries: KnowledgeQueries
    let knowledge: KnowledgeBase

    init() throws {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Knowledge
            .deletingLastPathComponent()  // StromaWorkbenchTests
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("StromaStoreTests/Fixtures/small-knowledge")
        knowledge = try KnowledgeBase.load(from: directory)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-workbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try StromaStore.openKnowledgeStore(
            path: folder.appendingPathComponent("test.sqlite").path, knowledge: knowledge, label: "test")
        queries = KnowledgeQueries(store: store)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

private func json(_ value: some Encodable) throws -> Any {
    try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
}

@Suite("Knowledge workflows")
struct KnowledgeQueriesTests {
    @Test("an unknown filter term is not_found, names its option and suggests the nearest terms")
    func unknownTerm() throws {
        let small = try SmallStore()
        defer { small.cleanUp() }
        let error = try #require(throws: WorkbenchError.self) {
            try small.queries.experiments(ExperimentQuery(condition: "ischemic-strok"))
        }
        #expect(error.code == .notFound)
        #expect(error.option == "condition" && error.field == "condition" && error.record == "ischemic-strok")
        #expect(error.valid == ["ischemic-stroke"])
        #expect(error.message == "unknown condition 'ischemic-strok'; did you mean: ischemic-stroke?")
        #expect(error.exitCode == 1 && error.httpStatus == 404)

        let route = try #require(throws: WorkbenchError.self) {
            try small.queries.experiments(ExperimentQuery(route: "intravenus"))
        }
        #expect(route.option == "route" && route.valid?.first == "intravenous")
    }

    @Test("a claim subject of any kind names the subject option; a name of several kinds lists the candidates")
    func subjectAndAmbiguous() throws {
        let small = try SmallStore()
        defer { small.cleanUp() }
        let subject = try #require(throws: WorkbenchError.self) {
            try small.queries.claims(ClaimQuery(subject: "xyzzy-plugh"))
        }
        #expect(subject.code == .notFound && subject.option == "subject" && subject.field == nil)

        let ambiguous = try #require(throws: WorkbenchError.self) { try small.queries.profile(of: "human") }
        #expect(ambiguous.code == .invalidInput && ambiguous.option == "term")
        #expect(ambiguous.valid == ["origin:human", "species:human"])
        // With the kind the same name is one term.
        #expect(try small.queries.profile(of: "human", kind: .species).term.id == "human")
    }

    @Test("an unknown vocabulary or a limit below 1 is invalid_input listing what is valid")
    func invalidInput() throws {
        let kind = try #require(throws: WorkbenchError.self) {
            try KnowledgeQueries.vocabularyKind("rutes", option: "vocabulary")
        }
        #expect(kind.code == .invalidInput && kind.option == "vocabulary" && kind.exitCode == 2)
        #expect(kind.valid == VocabularyKind.allCases.map(\.pluralName))
        #expect(try KnowledgeQueries.vocabularyKind("cell-sources", option: "kind") == .cellSource)

        let small = try SmallStore()
        defer { small.cleanUp() }
        let limit = try #require(throws: WorkbenchError.self) { try small.queries.search("stroke", limit: 0) }
        #expect(limit.code == .invalidInput && limit.option == "limit")
    }

    @Test("a directory as the store is a store error naming the path")
    func directoryStore() throws {
        let small = try SmallStore()
        defer { small.cleanUp() }
        let error = try #require(throws: WorkbenchError.self) {
            try KnowledgeQueries.openStore(path: small.folder.path)
        }
        #expect(error.code == .store && error.option == "db" && error.file == small.folder.path)
        #expect(error.message == "cannot use database '\(small.folder.path)': it is a directory, not a file")
    }

    @Test("term listings encode as the documented array: the term's keys plus usage counts, and decode back")
    func termListing() throws {
        let small = try SmallStore()
        defer { small.cleanUp() }
        let listing = try small.queries.terms(of: .condition)
        #expect(listing.entries.map(\.term.id) == small.knowledge.vocabulary.filter { $0.kind == .condition }.map(\.id))
        let rows = try #require(try json(listing) as? [[String: Any]])
        let stroke = try #require(rows.first { $0["id"] as? String == "ischemic-stroke" })
        #expect(stroke["kind"] as? String == "condition" && stroke["experiments"] as? Int == 4)
        #expect(stroke["trials"] is Int && stroke["claims"] is Int)
        let decoded = try JSONDecoder().decode(TermListing.self, from: JSONEncoder().encode(listing))
        #expect(decoded == listing)

        let vocabularies = try small.queries.vocabularies()
        let objects = try #require(try json(vocabularies) as? [[String: Any]])
        #expect(objects.count == VocabularyKind.allCases.count)
        #expect(Set(objects[0].keys) == ["kind", "name", "terms"])
        let total = vocabularies.entries.map(\.terms).reduce(0, +)
        #expect(total == small.knowledge.vocabulary.count)
    }

    @Test("records, search and export return what the store holds")
    func records() throws {
        let small = try SmallStore()
        defer { small.cleanUp() }
        #expect(try small.queries.experiments(ExperimentQuery()) == small.knowledge.experiments)
        #expect(try small.queries.claims(ClaimQuery()) == small.knowledge.claims)
        let hits = try small.queries.search("ischemic", limit: 2)
        #expect(!hits.isEmpty && hits.count <= 2)

        let export = try small.queries.export()
        #expect(export.knowledgeBase == small.knowledge)
        #expect(export.checksum == (try small.knowledge.checksum()))
        let object = try #require(try json(export) as? [String: Any])
        #expect(Set(object.keys) == ["checksum", "vocabulary", "publications", "experiments", "trials", "claims"])
    }
}
