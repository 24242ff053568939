import StromaDomain
import StromaKnowledge
import Testing
@testable import StromaStore

@Suite("Querying records")
struct RecordQueryTests {
    @Test(
        "experiments filtered by term, through synonyms and narrower terms",
        arguments: [
            (ExperimentQuery(condition: "ischemic-stroke"), [1, 2, 3, 4]),
            (ExperimentQuery(condition: "stroke"), [1, 2, 3, 4]),
            (ExperimentQuery(condition: "缺血性脑卒中"), [1, 2, 3, 4]),
            (ExperimentQuery(route: "intravenous"), [1, 2, 4]),
            (ExperimentQuery(route: "tail-vein"), [1, 2, 4]),
            (ExperimentQuery(route: "intracerebral"), [3, 4]),
            (ExperimentQuery(route: "stereotactic-intracerebral"), [3]),
            (ExperimentQuery(source: "BMSC"), [3]),
            (ExperimentQuery(source: "脐带", route: "IC"), [4]),
            (ExperimentQuery(species: "rat", phase: "subacute stroke phase"), [4]),
            (ExperimentQuery(phase: "急性期"), [2]),
            (ExperimentQuery(model: "MCAO"), [1, 2, 3, 4]),
            (ExperimentQuery(condition: "SCI"), []),
        ])
    func experiments(query: ExperimentQuery, rows: [Int]) throws {
        let store = try TestKnowledge.store()
        let ids = try store.experiments(query).map(\.id)
        #expect(ids == rows.map { "seed004-table1-row0\($0)" })
    }

    @Test("an unknown filter term is reported with its kind and a suggestion")
    func unknownFilter() throws {
        let store = try TestKnowledge.store()
        #expect {
            try store.experiments(ExperimentQuery(route: "tail-vien"))
        } throws: { error in
            (error as? StoreError)?.description == "unknown route 'tail-vien'; did you mean: tail-vein?"
        }
    }

    @Test("experiments come back as the full records")
    func fullRecords() throws {
        let store = try TestKnowledge.store()
        let base = try TestKnowledge.load()
        #expect(try store.experiments() == base.experiments)
    }

    @Test(
        "trials by condition, source and registry phase",
        arguments: [
            (TrialQuery(condition: "spinal cord injury"), 1),
            (TrialQuery(condition: "ischemic-stroke"), 0),
            (TrialQuery(source: "UC-MSC"), 1),
            (TrialQuery(phase: "2"), 1),
            (TrialQuery(phase: "Phase I"), 1),
            (TrialQuery(phase: "phase-3"), 0),
        ])
    func trials(query: TrialQuery, count: Int) throws {
        let store = try TestKnowledge.store()
        #expect(try store.trials(query).count == count)
    }

    @Test("an unknown trial phase lists the valid phases")
    func badPhase() throws {
        let store = try TestKnowledge.store()
        #expect {
            try store.trials(TrialQuery(phase: "seven"))
        } throws: { error in
            (error as? StoreError)?.description.hasPrefix(
                "invalid phase 'seven'; valid: EARLY_PHASE1, PHASE1") == true
        }
    }

    @Test(
        "typed phases map to registry spellings",
        arguments: [
            ("2", "PHASE2"), ("phase 3", "PHASE3"), ("II", "PHASE2"), ("early phase 1", "EARLY_PHASE1"),
            ("N/A", "NA"), ("PHASE4", "PHASE4"),
        ])
    func phaseNormalization(typed: String, expected: String) {
        #expect(TrialPhase.normalize(typed) == expected)
    }

    @Test("claims by subject and by mechanism anywhere in the claim")
    func claims() throws {
        let store = try TestKnowledge.store()
        #expect(try store.claims(ClaimQuery(subject: "intracerebral")).map(\.id) == ["seed004-row04-route"])
        #expect(try store.claims(ClaimQuery(subject: "intravenous")).isEmpty)
        #expect(try store.claims(ClaimQuery(mechanism: "神经发生")).map(\.id) == ["seed004-row03-bdnf"])
        #expect(try store.claims(ClaimQuery(condition: "stroke")).count == 3)
    }
}
