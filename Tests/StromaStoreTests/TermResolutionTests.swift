import StromaDomain
import StromaKnowledge
import Testing
@testable import StromaStore

@Suite("Resolving terms")
struct TermResolutionTests {
    @Test(
        "a term is found by id, label or synonym, in any case, Chinese too",
        arguments: [
            ("ischemic-stroke", VocabularyKind?.some(.condition), "ischemic-stroke"),
            ("Ischemic Stroke", .condition, "ischemic-stroke"),
            ("ISCHAEMIC STROKE", .condition, "ischemic-stroke"),
            ("缺血性脑卒中", .condition, "ischemic-stroke"),
            ("ischemic_stroke", nil, "ischemic-stroke"),
            ("bmsc", .cellSource, "bone-marrow"),
            ("BM-MSC", nil, "bone-marrow"),
            ("hUC-MSC", nil, "umbilical-cord"),
            ("尾静脉", .route, "tail-vein"),
            ("iv", .route, "intravenous"),
            ("  Tail Vein ", .route, "tail-vein"),
        ])
    func resolves(name: String, kind: VocabularyKind?, expected: String) throws {
        let store = try TestKnowledge.store()
        #expect(try store.resolveTerm(name, kind: kind).id == expected)
    }

    @Test("an unknown condition names the input and suggests the nearest terms")
    func unknownSuggests() throws {
        let store = try TestKnowledge.store()
        #expect {
            try store.resolveTerm("ischemic-strok", kind: .condition)
        } throws: { error in
            (error as? StoreError)?.description
                == "unknown condition 'ischemic-strok'; did you mean: ischemic-stroke?"
        }
    }

    @Test("a misspelt route gets an edit-distance suggestion")
    func misspelling() throws {
        let store = try TestKnowledge.store()
        let suggestions = try store.suggestions(for: "intravenus", kind: .route)
        #expect(suggestions.first == TermReference(.route, "intravenous"))
    }

    @Test("without a kind, suggestions name their kind")
    func unknownAcrossKinds() throws {
        let store = try TestKnowledge.store()
        let error = try store.unknownTermError("umbilical-chord", kind: nil)
        #expect(
            error.description
                == "unknown term 'umbilical-chord'; did you mean: umbilical-cord (cell-source)?")
    }

    @Test("nothing near: the message points to the vocabulary list")
    func noSuggestion() throws {
        let store = try TestKnowledge.store()
        let error = try store.unknownTermError("zzzzzzzz", kind: .route)
        #expect(error.description == "unknown route 'zzzzzzzz'; see 'stroma vocab routes' for valid terms")
    }

    @Test("a name shared by two kinds is ambiguous without --kind and resolves with it")
    func ambiguous() throws {
        let store = try TestKnowledge.store()
        #expect(
            throws: StoreError.ambiguousTerm(
                name: "human", candidates: [TermReference(.origin, "human"), TermReference(.species, "human")])
        ) {
            try store.resolveTerm("human", kind: nil)
        }
        #expect(try store.resolveTerm("human", kind: .species).kind == .species)
    }

    @Test("an id match wins over a synonym match of another kind")
    func idBeatsSynonym() throws {
        let store = try TestKnowledge.store()
        // "IS" is a synonym of ischemic-stroke only; "stroke" is an id.
        #expect(try store.resolveTerm("stroke", kind: nil).id == "stroke")
        #expect(try store.resolveTerm("is", kind: nil).id == "ischemic-stroke")
    }

    @Test("usage counts include narrower terms")
    func usageCounts() throws {
        let store = try TestKnowledge.store()
        let usage = try store.usage(of: .condition)
        #expect(usage["stroke"] == TermUsage(experiments: 4, trials: 0, claims: 3))
        #expect(usage["ischemic-stroke"] == TermUsage(experiments: 4, trials: 0, claims: 3))
        #expect(usage["spinal-cord-injury"] == TermUsage(experiments: 0, trials: 1, claims: 0))
    }
}

@Suite("Term matching rules")
struct TermMatchingTests {
    @Test(
        "normalization folds case, width and separators",
        arguments: [
            ("Ischemic-Stroke", "ischemic stroke"), ("  tail__vein ", "tail vein"),
            ("ＢＭＳＣ", "bmsc"), ("缺血性脑卒中", "缺血性脑卒中"), ("Aβ", "aβ"),
        ])
    func normalize(input: String, expected: String) {
        #expect(TermMatching.normalize(input) == expected)
    }

    @Test(
        "edit distance",
        arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("stroke", "stroke", 0), ("卒中", "脑卒中", 1)])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(TermMatching.editDistance(a, b) == expected)
    }

    @Test("a short synonym is not a prefix suggestion for everything")
    func shortNamesDoNotMatchEverything() {
        #expect(TermMatching.score(query: "ischemic strok", name: "is") == nil)
        #expect(TermMatching.score(query: "ischemic strok", name: "ischemic stroke") == 0)
    }
}
