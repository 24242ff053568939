import Foundation
import StromaDomain
import StromaKnowledge
import Testing
@testable import StromaStore

/// `StromaStore.experimentsWithOutcomes`, on the made-up `Fixtures/outcome-knowledge`.
@Suite struct MetaOutcomeQueryTests {
    static func store() throws -> StromaStore {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures/outcome-knowledge", withExtension: nil))
        let store = try StromaStore.inMemory()
        try store.loadKnowledge(try KnowledgeBase.load(from: directory), label: "test")
        return store
    }

    @Test("Experiments without outcome numbers are left out; condition filters")
    func onlyWithOutcomes() throws {
        let store = try Self.store()
        #expect(try store.experimentsWithOutcomes().map(\.id) == (1...6).map { "madeup-0\($0)" })
        #expect(
            try store.experimentsWithOutcomes(ExperimentQuery(condition: "spinal cord injury")).map(\.id)
                == ["madeup-06"])
    }

    @Test(
        "An outcome term keeps only its outcomes; synonyms and broader terms resolve",
        arguments: ["mnss", "mNSS", "neurological-score"])
    func outcomeFilter(name: String) throws {
        let found = try Self.store().experimentsWithOutcomes(
            ExperimentQuery(condition: "ischemic-stroke"), outcome: name)
        #expect(found.map(\.id) == (1...5).map { "madeup-0\($0)" })
        #expect(found.allSatisfy { $0.outcomes.map(\.measure) == ["mnss"] })
    }

    @Test("An unknown outcome term is a one-line unknown-term error")
    func unknownOutcome() throws {
        let store = try Self.store()
        #expect {
            _ = try store.experimentsWithOutcomes(outcome: "grip strength")
        } throws: { error in
            guard case StoreError.unknownTerm(kind: .outcomeMeasure?, name: "grip strength", _)? = error as? StoreError
            else { return false }
            return !(error as? StoreError).map { "\($0)" }!.contains("\n")
        }
    }
}
