import StromaDomain
import StromaKnowledge
import Testing
@testable import StromaStore

@Suite("Full-text search")
struct SearchTests {
    @Test(
        "search finds records by English words, prefixes, synonyms and Chinese text",
        arguments: [
            ("microglial", ["experiment/seed004-table1-row01"]),
            ("recov", ["experiment/seed004-table1-row02"]),
            ("glial scar", ["experiment/seed004-table1-row04"]),
            ("小胶质细胞", ["experiment/seed004-table1-row01"]),
            ("NCT02481440", ["trial/NCT02481440"]),
            ("lungs spleen", ["claim/seed004-fig1-lung-trapping"]),
        ])
    func finds(text: String, expected: [String]) throws {
        let store = try TestKnowledge.store()
        let hits = try store.search(text).map { "\($0.recordType)/\($0.recordId)" }
        #expect(hits == expected)
    }

    @Test("a synonym of a linked term finds the record (BMSC → bone-marrow experiment and claim)")
    func synonymIndexed() throws {
        let store = try TestKnowledge.store()
        let hits = Set(try store.search("BMSC").map(\.recordId))
        #expect(hits == ["seed004-table1-row03", "seed004-row03-bdnf"])
    }

    @Test("hits carry a marked snippet and the first citation")
    func snippetAndCitation() throws {
        let store = try TestKnowledge.store()
        let hit = try #require(try store.search("microglial").first)
        #expect(hit.snippet.contains("[microglial]"))
        #expect(hit.citation == "004 Table 1, row 1; [12]")
    }

    @Test("FTS syntax characters in the text are treated as word separators")
    func syntaxSafe() throws {
        let store = try TestKnowledge.store()
        #expect(try store.search("\"glial\" AND (scar* -").map(\.recordId) == ["seed004-table1-row04"])
    }

    @Test("text without a word is refused")
    func emptyRefused() throws {
        let store = try TestKnowledge.store()
        #expect(throws: StoreError.invalidArgument(name: "search text", value: " -- ", valid: "one or more words")) {
            try store.search(" -- ")
        }
    }
}

@Suite("Term profiles")
struct TermProfileTests {
    @Test("a condition's profile gathers its records, related terms and co-occurring terms")
    func conditionProfile() throws {
        let store = try TestKnowledge.store()
        let profile = try store.profile(of: "IS", kind: .condition)
        #expect(profile.term.id == "ischemic-stroke")
        #expect(profile.parent == TermSummary(kind: .condition, id: "stroke", label: "Stroke"))
        #expect(profile.experiments.count == 4)
        #expect(profile.trials.isEmpty)
        #expect(profile.claims.count == 3)
        #expect(profile.publications.map(\.id) == ["seed-004"])
        #expect(
            Set(profile.related.map(\.id)) == ["mcao", "stroke-acute", "stroke-subacute"])
        let tailVein = profile.coOccurring.first { $0.kind == .route && $0.id == "tail-vein" }
        #expect(tailVein?.experiments == 3)
        #expect(!profile.coOccurring.contains { $0.kind == .condition && $0.id == "ischemic-stroke" })
    }

    @Test("a broader term's profile includes its narrower terms' records")
    func broaderTerm() throws {
        let store = try TestKnowledge.store()
        let profile = try store.profile(of: "intravenous", kind: .route)
        #expect(profile.children.map(\.id) == ["tail-vein"])
        #expect(
            profile.experiments.map(\.id) == [
                "seed004-table1-row01", "seed004-table1-row02", "seed004-table1-row04",
            ])
        #expect(profile.claims.map(\.id) == ["seed004-fig1-lung-trapping", "seed004-row04-route"])
    }

    @Test("a molecule's profile finds the experiments and claims that name it")
    func moleculeProfile() throws {
        let store = try TestKnowledge.store()
        let profile = try store.profile(of: "brain-derived neurotrophic factor")
        #expect(profile.term.kind == .molecule)
        #expect(profile.experiments.map(\.id) == ["seed004-table1-row03"])
        #expect(profile.claims.map(\.id) == ["seed004-row03-bdnf"])
    }
}
