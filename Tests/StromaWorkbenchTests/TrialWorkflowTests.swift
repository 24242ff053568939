import Foundation
import StromaPlot
import StromaWorkbench
import Testing

/// Trial listing, labels and the landscape chart's colours.
@Suite("Trial workflows")
struct TrialWorkflowTests {
    @Test("registry phases in words")
    func phases() {
        #expect(TrialLabels.phase("PHASE1/PHASE2") == "Phase 1/2")
        #expect(TrialLabels.phase("PHASE3") == "Phase 3")
        #expect(TrialLabels.phase("EARLY_PHASE1") == "Early phase 1")
        #expect(TrialLabels.phase("NA") == "Not applicable")
        #expect(TrialLabels.phase("unknown") == "Phase not stated")
    }

    @Test("condition and source ids by their vocabulary labels, else in words")
    func labels() throws {
        let db = try WorkbenchStore()
        defer { db.cleanUp() }
        let labels = try TrialLabels(store: db.store)
        #expect(labels.source("bone-marrow") == "Bone marrow")
        #expect(labels.condition("multiple-system-atrophy") == "Multiple system atrophy")
        #expect(labels.source("unknown") == "Source not stated")
    }

    @Test("a cell source has the same colour whatever else is in the chart")
    func stableColours() {
        func chart(_ keys: [String]) -> LandscapeChart {
            LandscapeChart(
                bars: [.init(group: "g", label: "p", segments: keys.map { .init(key: $0, value: 1) }, note: "")],
                title: "t")
        }
        let all = chart(["adipose", "bone-marrow", "umbilical-cord", "made-up-source"]).colours
        for key in all.keys { #expect(chart([key]).colours[key] == all[key], "\(key)") }
        #expect(Set(all.values).count == all.count)
        #expect(LandscapeChart.colour(of: "unknown") == "#999999")
    }

    @Test("an unknown phase or term is a structured error")
    func badFilters() throws {
        let db = try WorkbenchStore()
        defer { db.cleanUp() }
        do {
            _ = try TrialList.list(.init(phase: "5"), in: db.store)
            Issue.record("phase 5 accepted")
        } catch let error as WorkbenchError {
            #expect(error.code == .invalidInput && error.option == "phase")
        }
        do {
            _ = try TrialList.list(.init(source: "umbilical chord", from: .registry), in: db.store)
            Issue.record("unknown source accepted")
        } catch let error as WorkbenchError {
            #expect(error.code == .notFound && error.valid == ["umbilical-cord"])
        }
        let curated = try TrialList.list(.init(phase: "2", from: .knowledge), in: db.store)
        #expect(!curated.isEmpty && curated.allSatisfy { $0.recordSource == .knowledge })
        #expect(try TrialList.list(.init(from: .registry), in: db.store).isEmpty)
    }
}
