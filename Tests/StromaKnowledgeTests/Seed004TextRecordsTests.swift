import Foundation
import StromaDomain
import StromaKnowledge
import Testing

/// Seed 004's studies, numbers and statements outside Table 1 (`experiments/004-text.json`,
/// `claims/004.json`, `publications/004.json`), spot-checked against lines of
/// `004_a5dbae0f9a7dccfa.txt` read by hand.
@Suite struct Seed004TextRecordsTests {
    static let seedName = "004_a5dbae0f9a7dccfa.txt"

    static func fromSeed004(_ provenance: [Provenance]) -> Bool {
        provenance.contains { $0.seed == seedName }
    }

    @Test("one publication per cited reference [1]…[52], plus the seed itself")
    func publications() throws {
        let base = try KnowledgeBase.loadBundled()
        let mine = base.publications.filter { Self.fromSeed004($0.provenance) }
        let numbers = mine.compactMap(\.citation.seedReferenceNumber)
        #expect(numbers.sorted() == Array(1...52))
        let seed = try #require(base.publications.first { $0.id == "seed-004" })
        #expect(seed.isSeed && seed.citation.doi == "10.3969/j.issn.1673-713X.2024.06.006")
        #expect(seed.citation.year == 2024)
        let caplan = try #require(base.publications.first { $0.id == "caplan-1991" })
        #expect(caplan.citation.seedReferenceNumber == 5)
    }

    @Test("IL-1α preconditioning: intra-arterial at 3 h in mice, −67 % infarct, +32 % flow at 72 h (lines 780–786)")
    func il1aPreconditioning() throws {
        let base = try KnowledgeBase.loadBundled()
        let experiment = try #require(
            base.experiments.first { $0.id == "seed004-text-il1a-preconditioned-intraarterial-43" })
        #expect(experiment.productForm == "il1a-preconditioned")
        #expect(experiment.routes == ["intra-arterial"] && experiment.species == "mouse")
        #expect(experiment.timeAfterInjury?.hours == [3])
        #expect(experiment.findings.contains("67%") && experiment.findings.contains("32%"))
        #expect(experiment.findings.contains("72 h"))
        #expect(experiment.provenance.first?.reference?.seedReferenceNumber == 43)
    }

    @Test(
        "survival after transplantation: ≤ 1 day [49], day 42 [34], up to 17 months [50] (lines 888–898; 890, 894, 896)"
    )
    func survivalRange() throws {
        let base = try KnowledgeBase.loadBundled()
        let byId = Dictionary(uniqueKeysWithValues: base.claims.map { ($0.id, $0) })
        let short = try #require(byId["seed004-claim-survival-under-1-day-49"])
        #expect(short.objectText == "≤ 1 day")
        #expect(short.provenance.first?.reference?.seedReferenceNumber == 49)
        let day42 = try #require(byId["seed004-claim-survival-day-42-34"])
        #expect(day42.provenance.first?.reference?.seedReferenceNumber == 34)
        let long = try #require(byId["seed004-claim-survival-17-months-50"])
        #expect(long.objectText == "up to 17 months")
        #expect(long.context.contains(TermReference(.diseaseModel, "immunodeficient-mouse")))
    }

    @Test("cynomolgus safety study: IV spheroids ~450 μm or suspension, checked at day 21 or 60 (lines 908–916)")
    func cynomolgus() throws {
        let base = try KnowledgeBase.loadBundled()
        let experiment = try #require(base.experiments.first { $0.id == "seed004-text-cynomolgus-safety-52" })
        #expect(experiment.species == "cynomolgus-macaque")
        #expect(experiment.routes == ["intravenous"] && experiment.productForm == "spheroids")
        #expect(experiment.findings.contains("450 μm"))
        #expect(experiment.findings.contains("day 21") && experiment.findings.contains("day 60"))
        #expect(experiment.outcomeMeasures.contains("ct-organ-safety"))
    }

    @Test("ISCT minimal criteria: CD73, CD90, CD105 expressed; six markers absent (lines 156–172)")
    func isctCriteria() throws {
        let base = try KnowledgeBase.loadBundled()
        let expressed = Set(
            base.claims.filter { $0.relation == "expresses" && Self.fromSeed004($0.provenance) }
                .compactMap { $0.object?.id })
        #expect(expressed == ["cd73", "cd90", "cd105"])
        let absent = Set(
            base.claims.filter { $0.relation == "does-not-express" && Self.fromSeed004($0.provenance) }
                .compactMap { $0.object?.id })
        #expect(absent == ["cd14", "cd34", "cd45", "cd11b", "cd79a", "hla-dr"])
    }

    @Test("seed 004 contributes ≥ 15 text experiments and ≥ 60 claims, all with quotes")
    func counts() throws {
        let base = try KnowledgeBase.loadBundled()
        let experiments = base.experiments.filter { $0.id.hasPrefix("seed004-text-") }
        let claims = base.claims.filter { $0.id.hasPrefix("seed004-claim-") }
        #expect(experiments.count >= 15)
        #expect(claims.count >= 60)
        for record in experiments {
            #expect(record.provenance.allSatisfy { $0.quote?.isEmpty == false }, "\(record.id)")
        }
        for record in claims {
            #expect(record.provenance.allSatisfy { $0.quote?.isEmpty == false }, "\(record.id)")
        }
    }
}
