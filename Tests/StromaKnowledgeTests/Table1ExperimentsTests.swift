import Foundation
import StromaDomain
import StromaKnowledge
import Testing
import _StromaTestSupport

/// Seed 004's Table 1 (表 1, 移植 MSCs 治疗 IS 动物模型的临床前研究): 17 preclinical experiments,
/// encoded in `knowledge/experiments/004-table1.json`.
///
/// Spot checks compare cells read by hand from
/// the seed (line numbers of `004_a5dbae0f9a7dccfa.txt` cited in each test).
@Suite struct Table1ExperimentsTests {
    static let seedName = "004_a5dbae0f9a7dccfa.txt"

    /// Table-1 experiments keyed by row number (from their provenance section "Table 1, row N").
    static func table1() throws -> [Int: Experiment] {
        let base = try KnowledgeBase.loadBundled()
        var rows: [Int: Experiment] = [:]
        for experiment in base.experiments {
            for item in experiment.provenance where item.seed == seedName {
                guard let section = item.section, section.hasPrefix("Table 1, row ") else { continue }
                let number = try #require(Int(section.dropFirst("Table 1, row ".count)))
                #expect(rows[number] == nil, "row \(number) is encoded twice")
                rows[number] = experiment
            }
        }
        return rows
    }

    /// The seed text, read from `$STROMA_SHARED_DATA/../seeds`.
    static func seedText() throws -> String {
        try String(contentsOf: SharedData.url("../seeds/\(seedName)"), encoding: .utf8)
    }

    @Test("exactly 17 Table-1 experiments, rows 1…17, all for ischaemic stroke")
    func seventeenRows() throws {
        let rows = try Self.table1()
        #expect(rows.count == 17)
        #expect(Set(rows.keys) == Set(1...17))
        for (_, experiment) in rows {
            #expect(experiment.conditions.contains("ischemic-stroke"), "\(experiment.id)")
        }
    }

    @Test("every row has every column", arguments: 1...17)
    func everyColumn(row: Int) throws {
        let experiment = try #require(try Self.table1()[row])
        #expect(experiment.model != nil && experiment.modelStated != nil)
        #expect(experiment.species == "rat" || experiment.species == "mouse")
        #expect(experiment.source != nil && experiment.productForm != nil)
        #expect(!experiment.origin.isEmpty)
        #expect(!experiment.routes.isEmpty && experiment.site != nil)
        let dose = try #require(experiment.dose)
        #expect(!dose.stated.isEmpty)
        #expect(experiment.administrationsStated != nil)
        #expect(experiment.volume != nil)
        let time = try #require(experiment.timeAfterInjury)
        #expect(!time.stated.isEmpty)
        #expect(!experiment.findings.isEmpty && experiment.findingsOriginal != nil)
        let publication = try #require(experiment.publication)
        let base = try KnowledgeBase.loadBundled()
        let cited = try #require(base.publications.first { $0.id == publication })
        let provenance = try #require(experiment.provenance.first)
        #expect(provenance.section == "Table 1, row \(row)")
        #expect(provenance.quote?.isEmpty == false)
        let number = try #require(provenance.reference?.seedReferenceNumber)
        #expect(cited.citation.seedReferenceNumber == number)
    }

    @Test("rows 1–13 are rat and rows 14–17 mouse MCAO models (seed lines 266–268, 531–533)")
    func speciesBlocks() throws {
        let rows = try Self.table1()
        for row in 1...13 { #expect(rows[row]?.species == "rat", "row \(row)") }
        for row in 14...17 { #expect(rows[row]?.species == "mouse", "row \(row)") }
    }

    @Test("reference numbers follow the table: [12]…[27] for rows 1–16, [11] for row 17")
    func referenceNumbers() throws {
        let rows = try Self.table1()
        for row in 1...17 {
            let expected = row == 17 ? 11 : row + 11
            #expect(rows[row]?.provenance.first?.reference?.seedReferenceNumber == expected)
        }
    }

    @Test("row 1: human placenta, tail vein, days 3 and 7, 1 × 10^6 per dose twice in 200 μl PBS (lines 266–280)")
    func row1() throws {
        let experiment = try #require(try Self.table1()[1])
        #expect(experiment.source == "placenta")
        #expect(experiment.routes == ["tail-vein-injection"])
        #expect(experiment.timeAfterInjury?.hours == [72, 168])
        #expect(experiment.administrations == 2)
        #expect(experiment.dose?.cells == 1_000_000)
        #expect(experiment.volume == "200 μl" && experiment.vehicle == "PBS")
    }

    @Test("row 3: stereotactic right striatum, 4 × 10^5 cells in 5 μl DMEM on day 1 (lines 296–310)")
    func row3() throws {
        let experiment = try #require(try Self.table1()[3])
        #expect(experiment.routes.contains("stereotactic-intracerebral"))
        #expect(experiment.site?.contains("右侧纹状体") == true)
        #expect(experiment.dose?.cells == 400_000)
        #expect(experiment.volume == "5 μl" && experiment.vehicle == "DMEM")
        #expect(experiment.timeAfterInjury?.hours == [24])
    }

    @Test("row 12: IFN-γ-activated rat BMSCs, retro-orbital, 5 × 10^6/kg at 3 h (lines 503–517)")
    func row12() throws {
        let experiment = try #require(try Self.table1()[12])
        #expect(experiment.productForm == "ifn-gamma-preconditioned")
        #expect(experiment.routes == ["retro-orbital-injection"])
        #expect(experiment.dose?.basis == .perKilogram)
        #expect(experiment.dose?.cellsPerKg == 5_000_000)
        #expect(experiment.timeAfterInjury?.hours == [3])
    }

    @Test("row 16: human amnion, carotid artery, 4 or 2 × 10^6/kg at 24 h (lines 565–587)")
    func row16() throws {
        let experiment = try #require(try Self.table1()[16])
        #expect(experiment.source == "amnion")
        #expect(experiment.routes == ["intracarotid"])
        #expect(experiment.dose?.basis == .perKilogram)
        #expect(experiment.dose?.stated.contains("4 × 10^6") == true)
        #expect(experiment.dose?.stated.contains("2 × 10^6") == true)
        #expect(experiment.timeAfterInjury?.hours == [24])
    }

    @Test("row 17: mouse BM MSC-sEV 1 or 5 μg, ICV or intranasal, 3 h, 1 μl PBS (lines 589–611)")
    func row17() throws {
        let experiment = try #require(try Self.table1()[17])
        #expect(experiment.productForm == "extracellular-vesicles")
        #expect(Set(experiment.routes) == ["intracerebroventricular", "intranasal"])
        #expect(experiment.dose?.cells == nil)
        #expect(experiment.timeAfterInjury?.hours == [3])
        #expect(experiment.volume == "1 μl" && experiment.vehicle == "PBS")
    }

    @Test("a cells/kg derived from a per-animal count says its body weight is assumed")
    func assumedWeightsAreMarked() throws {
        for (row, experiment) in try Self.table1() {
            guard let dose = experiment.dose, dose.cellsPerKg != nil else { continue }
            let derivation = try #require(dose.derivation, "row \(row)")
            if dose.basis == .perAdministration {
                #expect(derivation.contains("ASSUMED"), "row \(row)")
                let cells = try #require(dose.cells)
                let kilograms = experiment.species == "rat" ? 0.25 : 0.025
                #expect(dose.cellsPerKg == cells / kilograms, "row \(row)")
            }
        }
    }

    @Test(
        "every seed-004 quote of experiments, claims, trials and publications occurs verbatim in the seed",
        .enabled(if: SharedData.isAvailable))
    func quotesAreVerbatim() throws {
        let text = try Self.seedText()
        let base = try KnowledgeBase.loadBundled()
        var provenances: [(String, Provenance)] = []
        provenances += base.experiments.flatMap { e in e.provenance.map { (e.id, $0) } }
        provenances += base.claims.flatMap { c in c.provenance.map { (c.id, $0) } }
        provenances += base.trials.flatMap { t in t.provenance.map { (t.id, $0) } }
        provenances += base.publications.flatMap { p in p.provenance.map { (p.id, $0) } }
        var checked = 0
        for (id, item) in provenances where item.seed == Self.seedName {
            guard let quote = item.quote else { continue }
            #expect(text.contains(quote), "\(id): quote not in seed: \(quote)")
            checked += 1
        }
        #expect(checked >= 17 + 52)
    }

    @Test(
        "every seed-004 findings_original and statement_original occurs in the seed (line breaks ignored)",
        .enabled(if: SharedData.isAvailable))
    func originalsAreVerbatim() throws {
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        let text = squeezed(try Self.seedText())
        let base = try KnowledgeBase.loadBundled()
        var checked = 0
        for experiment in base.experiments
        where experiment.provenance.contains(where: { $0.seed == Self.seedName }) {
            guard let original = experiment.findingsOriginal else { continue }
            #expect(text.contains(squeezed(original)), "\(experiment.id): \(original)")
            checked += 1
        }
        for claim in base.claims where claim.provenance.contains(where: { $0.seed == Self.seedName }) {
            guard let original = claim.statementOriginal else { continue }
            #expect(text.contains(squeezed(original)), "\(claim.id): \(original)")
            checked += 1
        }
        #expect(checked >= 17)
    }
}
