import Foundation
import StromaDomain
import StromaKnowledge
import Testing
import _StromaTestSupport

/// The bundled evidence records (experiments, trials, claims, publications) encoded from the seeds:
/// provenance present and verbatim, references resolving, and numbers read by hand from the seeds.
@Suite struct BundledKnowledgeTests {
    let base: KnowledgeBase

    init() throws {
        base = try KnowledgeBase.loadBundled()
    }

    /// Every record's provenance list, named for messages.
    var recordProvenance: [(name: String, provenance: [Provenance])] {
        base.experiments.map { ("experiment '\($0.id)'", $0.provenance) }
            + base.trials.map { ("trial '\($0.id)'", $0.provenance) }
            + base.claims.map { ("claim '\($0.id)'", $0.provenance) }
            + base.publications.map { ("publication '\($0.id)'", $0.provenance) }
    }

    /// Seed text with all whitespace removed: the seeds are PDF/web extractions whose line breaks
    /// and spaces fall inside sentences, so quotes are compared with whitespace ignored on both
    /// sides; every other character must match exactly.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// The squeezed text of seed file `name`, read from `$STROMA_SHARED_DATA/../seeds/`.
    static func seedText(_ name: String) throws -> String {
        let url = try SharedData.url("../seeds/\(name)")
        return squeezed(try String(contentsOf: url, encoding: .utf8))
    }

    @Test("the bundled knowledge base validates with no problems")
    func validates() {
        let problems = base.validate()
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }

    /// Minimum studies (experiments + trials) and claims per seed, counted by hand from the seeds:
    /// 002 names only two specific studies (the CP rat study and the Tehran trial).
    @Test("each of seeds 000–003 has its studies, claims, and a seed publication")
    func everySeedEncoded() {
        let minimumStudies = ["000": 9, "001": 12, "002": 2, "003": 24]
        for stem in ["000", "001", "002", "003"] {
            func fromSeed(_ provenance: [Provenance]) -> Bool {
                provenance.contains { $0.seed?.hasPrefix(stem + "_") == true }
            }
            let studies =
                base.experiments.filter { fromSeed($0.provenance) }.count
                + base.trials.filter { fromSeed($0.provenance) }.count
            #expect(studies >= minimumStudies[stem]!, "seed \(stem): \(studies) studies")
            #expect(base.claims.filter { fromSeed($0.provenance) }.count >= 10, "seed \(stem)")
            #expect(
                base.publications.contains { $0.isSeed && $0.id == "seed-\(stem)" }, "seed \(stem)")
        }
    }

    @Test("every record has a provenance naming a seed with a non-empty quote")
    func recordsHaveSeedQuotes() {
        for (name, provenance) in recordProvenance {
            #expect(
                provenance.contains { $0.seed != nil && !($0.quote ?? "").isEmpty }, "\(name)")
        }
    }

    @Test(
        "every seed quote, findings_original and statement_original occurs verbatim in its seed",
        .enabled(if: SharedData.isAvailable, "STROMA_SHARED_DATA is not set: seeds not readable"))
    func quotesVerbatim() throws {
        var seeds: [String: String] = [:]
        func check(_ text: String?, seed: String?, in name: String) throws {
            guard let seed, let text, !text.isEmpty else { return }
            if seeds[seed] == nil { seeds[seed] = try Self.seedText(seed) }
            let found = seeds[seed]!.contains(Self.squeezed(text))
            #expect(found, "\(name): not in \(seed): \(text)")
        }
        var all = recordProvenance
        all += base.vocabulary.map { ("\($0.kind.rawValue) '\($0.id)'", $0.provenance) }
        for (name, provenance) in all {
            for item in provenance { try check(item.quote, seed: item.seed, in: name) }
        }
        for experiment in base.experiments {
            let seed = experiment.provenance.first { $0.seed != nil }?.seed
            try check(experiment.findingsOriginal, seed: seed, in: "experiment '\(experiment.id)'")
        }
        for claim in base.claims {
            let seed = claim.provenance.first { $0.seed != nil }?.seed
            try check(claim.statementOriginal, seed: seed, in: "claim '\(claim.id)'")
        }
        #expect(seeds.count >= 4)
    }

    @Test("every vocabulary reference of every record resolves to a term")
    func referencesResolve() {
        var refs: [(String, TermReference)] = []
        refs += base.experiments.flatMap { e in e.termReferences.map { ("experiment '\(e.id)'", $0) } }
        refs += base.trials.flatMap { t in t.termReferences.map { ("trial '\(t.id)'", $0) } }
        refs += base.claims.flatMap { c in c.termReferences.map { ("claim '\(c.id)'", $0) } }
        #expect(refs.count > 100)
        for (name, ref) in refs {
            #expect(base.term(ref.kind, ref.id) != nil, "\(name): \(ref.kind.rawValue) '\(ref.id)'")
        }
        let publications = Set(base.publications.map(\.id))
        for experiment in base.experiments {
            if let id = experiment.publication { #expect(publications.contains(id), "\(id)") }
        }
    }

    @Test("publication ids follow surname-year (or surname-nd-sNNN when the seed gives no year)")
    func publicationIds() {
        let pattern = /^(seed-\d{3}|seed\d{3}-ref\d{2}|[a-z]+(-[a-z]+)*-(\d{4}|nd-s\d{3})(-b)?)$/
        for publication in base.publications
        where publication.provenance.contains(where: { $0.seed?.prefix(3) ?? "" < "004" }) {
            #expect(publication.id.wholeMatch(of: pattern) != nil, "\(publication.id)")
        }
    }

    // MARK: - Spot checks read by hand from the seeds

    /// 000 line 74: "脑卒中患者 16 周后的改良巴氏指数（modified Barthel index，MBI）".
    @Test("Tsang: MSC with rehabilitation, MBI at 16 weeks (seed 000 line 74)")
    func tsang() throws {
        let trial = try #require(base.trials.first { $0.id == "seed000-tsang-stroke-msc-rehabilitation" })
        #expect(trial.followUp == "16 weeks")
        #expect(trial.outcomeMeasures == ["modified-barthel-index"])
        #expect(trial.provenance.first?.reference?.seedReferenceNumber == 11)
    }

    /// 000 lines 155–161: intrathecal autologous BMMNC, FDG uptake at 6 months, 26-month follow-up.
    @Test("Sharma: intrathecal autologous BMMNC in autism, 26-month follow-up (seed 000 line 161)")
    func sharma() throws {
        let trial = try #require(
            base.trials.first { $0.id == "seed000-sharma-asd-autologous-bmmnc-intrathecal" })
        #expect(trial.followUp == "26 months")
        #expect(trial.routes == ["intrathecal"])
        #expect(trial.origin.contains("autologous"))
        #expect(trial.source == "bone-marrow-mononuclear-cells")
        #expect(trial.conditions == ["autism-spectrum-disorder"])
        // Identified with the search tool: Sharma et al. 2013, Stem Cells Int 623875, 32 patients.
        #expect(trial.publication == "sharma-2013")
        #expect(trial.enrollment == 32)
        let publication = try #require(base.publications.first { $0.id == "sharma-2013" })
        #expect(publication.citation.doi == "10.1155/2013/623875")
        #expect(publication.citation.seedReferenceNumber == 25)
    }

    /// NCT02481440: dose from Yang et al.
    ///
    /// (Cytotherapy 2021, PMID 33218835), checked with the search tool.
    @Test("NCT02481440: four subarachnoid doses of 1 × 10^6 hUC-MSC per kg")
    func yangDose() throws {
        let trial = try #require(base.trials.first { $0.id == "NCT02481440" })
        #expect(trial.dose?.cellsPerKg == 1e6 && trial.dose?.basis == .perKilogram)
        #expect(trial.administrations == 4)
        #expect(trial.origin.contains("allogeneic"))
        let publication = try #require(base.publications.first { $0.id == "yang-2020" })
        #expect(publication.citation.pmid == "33218835")
    }

    /// 001 line 84: the CELLTOP dose checked in the registry record: one intrathecal dose of 1e8 cells.
    @Test("CELLTOP (NCT03308565): 10 patients, one intrathecal dose of 100 million autologous AD-MSC")
    func celltop() throws {
        let trial = try #require(base.trials.first { $0.id == "NCT03308565" })
        #expect(trial.enrollment == 10)
        #expect(trial.routes == ["intrathecal"])
        #expect(trial.origin.contains("autologous"))
        #expect(trial.dose?.cells == 1e8 && trial.dose?.basis == .perAdministration)
        #expect(trial.administrations == 1)
    }

    /// 000 line 226: "Centeno 等[31]对 2 例膝关节炎患者".
    @Test("Centeno: 2 patients with knee arthritis (seed 000 line 226)")
    func centeno() throws {
        let trial = try #require(base.trials.first { $0.id == "seed000-centeno-knee-msc-2-patients" })
        #expect(trial.enrollment == 2)
        #expect(trial.outcomeMeasures.contains("modified-vas"))
    }

    /// 001 line 74: "截至今天(2024年12月23日)…已注冊7項…神經損傷的試驗和32項…脊髓損傷的試驗".
    @Test(
        "registered MSC trials on ClinicalTrials.gov as of 2024-12-23 (seed 001 line 74)",
        arguments: [("peripheral-nerve-injury", "7"), ("spinal-cord-injury", "32")])
    func registeredTrialCounts(condition: String, count: String) throws {
        let claims = base.claims.filter {
            $0.relation == "registered-trial-count" && $0.object == TermReference(.condition, condition)
        }
        let claim = try #require(claims.count == 1 ? claims.first : nil)
        #expect(claim.subjectText == "\(count) trials")
        #expect(claim.statement.contains("2024-12-23"))
    }

    /// 001 lines 82–84: Geffner 2008 (NCT01909154), Yang 2020 phase 1/2 (NCT02481440), and the phase 1
    /// AD-MSC trial of "Byson" (identified with the search tool as Bydon's CELLTOP, NCT03308565).
    @Test(
        "registered trials named in seed 001 carry their NCT ids (seed 001 lines 82–83)",
        arguments: [
            ("NCT01909154", "bone-marrow", [String](), "geffner-2008"),
            ("NCT02481440", "umbilical-cord", ["PHASE1", "PHASE2"], "yang-2020"),
            ("NCT03308565", "adipose", ["PHASE1"], "bydon-2024"),
        ])
    func nctTrials(id: String, source: String, phases: [String], publication: String) throws {
        let trial = try #require(base.trials.first { $0.id == id })
        #expect(trial.registryId == id)
        #expect(trial.source == source)
        #expect(trial.phases == phases)
        #expect(trial.publication == publication)
        #expect(trial.provenance.contains { $0.reference?.registryId == id })
    }

    /// 001 lines 45–48: Ladak (EMG equal for uMSC and dMSC) vs Mahot (uMSC better at 12 weeks).
    @Test("Ladak vs Mahot on undifferentiated and differentiated BM-MSC (seed 001 lines 45–48)")
    func ladakMahot() throws {
        let mahotU = try #require(base.experiments.first { $0.id == "seed001-mahot-umsc" })
        #expect(mahotU.productForm == "undifferentiated-cells")
        #expect(mahotU.outcomeMeasures.sorted() == ["cmap", "isometric-tension"])
        #expect(mahotU.findings.contains("after 12 weeks uMSC were more effective"))
        let ladakD = try #require(base.experiments.first { $0.id == "seed001-ladak-dmsc" })
        #expect(ladakD.productForm == "differentiated-cells")
        #expect(ladakD.outcomeMeasures == ["emg"])
    }

    /// 001 line 59 (UC-MSC section): differentiated UC-MSC express S100, GFAP, p75 and MBP.
    @Test("differentiated UC-MSC express Schwann-cell markers (seed 001)", arguments: ["s100", "gfap", "p75", "mbp"])
    func ucMarkers(marker: String) {
        #expect(
            base.claims.contains {
                $0.relation == "expresses" && $0.object == TermReference(.molecule, marker)
                    && $0.subject == TermReference(.productForm, "schwann-cell-like-cells")
                    && $0.context.contains(TermReference(.cellSource, "umbilical-cord"))
            })
    }

    /// 002 line 10 "全球发病率约2.1‰"; 002 line 84 "海马区神经元密度增加30%".
    @Test("cerebral palsy numbers: incidence 2.1‰ and +30 % hippocampal neuron density (seed 002)")
    func cerebralPalsy() throws {
        let rat = try #require(base.experiments.first { $0.id == "seed002-cp-rat-msc-hippocampal-density" })
        #expect(rat.findings.contains("30%"))
        #expect(rat.species == "rat")
        #expect(rat.publication == "shi-2016")
        #expect(base.claims.contains { $0.id == "seed002-cp-incidence-2-1-per-mille" })
        let iran = try #require(base.trials.first { $0.id == "seed002-tehran-ucmsc-cp-dti" })
        #expect(iran.countries == ["Iran"])
        #expect(iran.outcomeMeasures == ["dti"])
    }

    /// 003 line 47: June 2025 international phase III, >400 commercial and 190 trial patients.
    @Test("2025 ALS phase III: slow progressors, >400 commercial and 190 trial patients (seed 003)")
    func alsPhase3() throws {
        let trial = try #require(base.trials.first { $0.id == "seed003-als-phase3-2025" })
        #expect(trial.phases == ["PHASE3"])
        #expect(trial.conditions == ["amyotrophic-lateral-sclerosis"])
        #expect(trial.outcomeMeasures.contains("nfl-level"))
        #expect(trial.findings?.contains("190") == true && trial.findings?.contains("400") == true)
    }

    /// 003: hUC-MSC exosomes given intranasally reverse MPTP-induced neuron death.
    @Test("intranasal hUC-MSC exosomes in the MPTP model (seed 003)")
    func intranasalExosomes() throws {
        let experiment = try #require(base.experiments.first { $0.id == "seed003-pd-ucmsc-exosomes-intranasal-mptp" })
        #expect(experiment.routes == ["intranasal"])
        #expect(experiment.productForm == "exosomes")
        #expect(experiment.model == "mptp")
        #expect(experiment.source == "umbilical-cord")
    }

    /// The seeds' own bibliographic data: 001 line 84 (Song 2025) and 003 lines 49–50 (Cui 2025).
    @Test(
        "reviewed papers carry the DOI the seed gives",
        arguments: [
            ("song-2025", "10.1016/j.reth.2024.12.017"),
            ("cui-2025", "10.4252/wjsc.v17.i8.107717"),
            ("lee-2020", "10.1097/JCMA.0000000000000263"),
        ])
    func reviewedPapers(id: String, doi: String) throws {
        let publication = try #require(base.publications.first { $0.id == id })
        #expect(publication.citation.doi == doi)
        #expect(!publication.isSeed)
    }
}
