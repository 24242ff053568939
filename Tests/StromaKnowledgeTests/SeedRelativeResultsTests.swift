import Foundation
import StromaDomain
import StromaKnowledge
import Testing
import _StromaTestSupport

/// The seeds' relative results and the bundled experiments' arms and derived values.
///
/// Expected numbers are read by hand from the seeds (file and line cited per test).
@Suite struct SeedRelativeResultsTests {
    let base: KnowledgeBase

    init() throws { base = try KnowledgeBase.loadBundled() }

    func experiment(_ id: String) throws -> Experiment {
        try #require(base.experiments.first { $0.id == id })
    }

    /// Seed text with whitespace removed (the extracted text breaks lines inside sentences).
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    @Test("004 §3.2.2 (lines 782–784): IL-1α-primed MSCs, infarct area about −67%, arterial flow +32%")
    func il1a() throws {
        let results = try experiment("seed004-text-il1a-preconditioned-intraarterial-43").relativeResults
        #expect(results.count == 2)
        let infarct = try #require(results.first { $0.measure == "infarct-volume" })
        #expect(infarct.kind == .percentChange && infarct.percent == 67 && infarct.direction == .decrease)
        #expect(infarct.approximate)
        let flow = try #require(results.first { $0.measure == "cerebral-blood-flow" })
        #expect(flow.percent == 32 && flow.direction == .increase && !flow.approximate)
        #expect(results.allSatisfy { $0.arm == "IL-1α-primed MSCs" })
    }

    @Test("002 §3.3 (line 84): hippocampal neuron density +30% in CP rats")
    func neuronDensity() throws {
        let result = try #require(try experiment("seed002-cp-rat-msc-hippocampal-density").relativeResults.first)
        #expect(result.measure == "neuron-density" && result.percent == 30 && result.direction == .increase)
    }

    @Test("002 §3.3 (line 79): about 5–10% of MSCs differentiate into neurons, a proportion on the claim")
    func differentiation() throws {
        let claim = try #require(base.claims.first { $0.id == "seed002-msc-neuron-differentiation-5-10-percent" })
        let result = try #require(claim.relativeResults.first)
        #expect(result.kind == .proportion && result.percentLow == 5 && result.percentHigh == 10)
        #expect(result.approximate && result.percent == nil)
    }

    @Test(
        "every relative result quotes its seed verbatim (whitespace ignored)",
        .enabled(if: SharedData.isAvailable, "STROMA_SHARED_DATA is not set: seeds not readable"))
    func quotesVerbatim() throws {
        let all = base.experiments.flatMap(\.relativeResults) + base.claims.flatMap(\.relativeResults)
        #expect(all.count == 4)
        for result in all {
            let seed = try #require(result.provenance.seed)
            let quote = try #require(result.provenance.quote)
            let text = Self.squeezed(try String(contentsOf: SharedData.url("../seeds/\(seed)"), encoding: .utf8))
            #expect(text.contains(Self.squeezed(quote)), "\(result.quantity): \(quote)")
            if let percent = result.percent {
                #expect(quote.contains("\(Int(percent))%"), "\(quote)")
            }
        }
    }

    @Test("multi-arm Table-1 rows have arms: row 10 three doses (line 473), row 16 two per-kg doses (line 569)")
    func table1Arms() throws {
        let row10 = try experiment("seed004-table1-row10")
        #expect(row10.arms.compactMap { $0.dose?.cells } == [1e6, 2.5e6, 5e6])
        #expect(row10.arms.allSatisfy { $0.dose?.derivation?.contains("ASSUMED") == true })
        #expect(row10.arms.compactMap { $0.dose?.cellsPerKg } == [4e6, 1e7, 2e7])
        let row16 = try experiment("seed004-table1-row16")
        #expect(row16.arms.compactMap { $0.dose?.cellsPerKg } == [4e6, 2e6])
        let row4 = try experiment("seed004-table1-row04")
        #expect(row4.arms.compactMap(\.route) == ["intracerebral", "tail-vein-injection"])
        #expect(try experiment("seed004-table1-row06").arms.compactMap(\.administrations) == [1, 3])
        #expect(try experiment("seed004-table1-row17").arms.count == 2)
        for experiment in base.experiments { #expect(experiment.armProblems.isEmpty, "\(experiment.id)") }
    }

    @Test("a phase derived from timing and a cells/kg from an assumed weight are flagged as derived")
    func derivedFlags() throws {
        for experiment in base.experiments {
            let notes = experiment.provenance.compactMap(\.note).joined(separator: " ")
            if notes.contains("phase '") && notes.contains("derived") {
                #expect(experiment.derived.contains { $0.field == "phase" }, "\(experiment.id)")
            }
            if experiment.dose?.derivation?.contains("ASSUMED") == true, experiment.dose?.cellsPerKg != nil {
                #expect(experiment.derived.contains { $0.field == "dose.cells_per_kg" }, "\(experiment.id)")
            }
        }
        #expect(base.experiments.filter { !$0.derived.isEmpty }.count >= 10)
    }
}
