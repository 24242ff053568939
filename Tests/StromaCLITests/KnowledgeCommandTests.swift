import Foundation
import StromaDomain
import StromaKnowledge
import Testing
import _StromaTestSupport
@testable import stroma

@Suite("Knowledge commands")
struct KnowledgeCommandTests {
    @Test("show prints the grouped, cited profile (golden)")
    func showGolden() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["show", "ischemic-stroke", "--db", db.path])
        #expect(result.errorText == nil)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/show-ischemic-stroke.txt")
        let difference = try goldenDifference(result.stdout, goldenFile: golden)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("show finds a term by its Chinese synonym, and cites every experiment")
    func showChinese() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["show", "缺血性脑卒中", "--db", db.path])
        #expect(result.stdout.hasPrefix("Ischemic stroke  [condition: ischemic-stroke]\n"))
        for row in 1...4 {
            #expect(result.stdout.contains("cited: 004 Table 1, row \(row); [\(11 + row)]"))
        }
    }

    @Test("show --format json has the documented top-level keys")
    func showJSON() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["show", "intravenous", "--kind", "routes", "--format", "json", "--db", db.path])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "term", "parent", "children", "related", "experiments", "trials", "claims",
                "publications", "co_occurring",
            ]
                || Set(object.keys) == [
                    "term", "children", "related", "experiments", "trials", "claims", "publications",
                    "co_occurring",
                ])
        #expect((object["experiments"] as? [Any])?.count == 3)
    }

    @Test("experiments --format json returns the full records with provenance")
    func experimentsJSON() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma([
            "experiments", "--condition", "ischemic-stroke", "--format", "json", "--db", db.path,
        ])
        let decoded = try JSONDecoder().decode([Experiment].self, from: Data(result.stdout.utf8))
        #expect(decoded == (try FixtureDatabase.knowledge().experiments))
        #expect(result.stdout.contains("\"time_after_injury\""))
        #expect(result.stdout.contains("\"seed_reference_number\" : 12"))
    }

    @Test("experiments --route intravenous includes tail-vein experiments (CSV)")
    func experimentsCSV() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["experiments", "--route", "IV", "--format", "csv", "--db", db.path])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,conditions,phase,species,model,") == true)
        #expect(
            lines.dropFirst().map { $0.split(separator: ",").first ?? "" } == [
                "seed004-table1-row01", "seed004-table1-row02", "seed004-table1-row04",
            ])
    }

    @Test("trials lists by default and filters by phase; 'trials list' is the same command")
    func trials() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let byDefault = await runStroma(["trials", "--phase", "2", "--db", db.path, "--format", "csv"])
        let explicit = await runStroma(["trials", "list", "--phase", "2", "--db", db.path, "--format", "csv"])
        #expect(byDefault.errorText == nil)
        #expect(byDefault.stdout == explicit.stdout)
        #expect(byDefault.stdout.contains("NCT02481440,NCT02481440,,PHASE1;PHASE2,"))
        let none = await runStroma(["trials", "--condition", "stroke", "--db", db.path, "--format", "json"])
        #expect(none.stdout == "[\n\n]\n" || none.stdout == "[]\n")
    }

    @Test("claims by mechanism synonym")
    func claims() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["claims", "--mechanism", "neurogenesis", "--format", "csv", "--db", db.path])
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stdout.contains("seed004-row03-bdnf,bone-marrow,increases,bdnf,preclinical,"))
    }

    @Test("search prints ranked hits with snippets")
    func search() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["search", "glial", "scar", "--format", "json", "--db", db.path])
        let hits = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits.first?["record_id"] as? String == "seed004-table1-row04")
        #expect((hits.first?["snippet"] as? String)?.contains("[glial]") == true)
    }

    @Test("vocab lists kinds with counts, and one vocabulary with usage")
    func vocab() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let kinds = await runStroma(["vocab", "--db", db.path, "--format", "csv"])
        #expect(kinds.stdout.contains("\nroute,routes,4\n"))
        let routes = await runStroma(["vocab", "routes", "--db", db.path, "--format", "csv"])
        #expect(routes.stdout.contains("\nintravenous,Intravenous,,,3,0,2,IV; 静脉注射; 静脉\n"))
        let conditions = await runStroma(["conditions", "--db", db.path, "--format", "json"])
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(conditions.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["stroke", "ischemic-stroke", "spinal-cord-injury"])
        #expect(entries[1]["experiments"] as? Int == 4)
        #expect(entries[1]["synonyms"] as? [String] == ["缺血性脑卒中", "IS", "ischaemic stroke", "cerebral ischemia"])
    }

    @Test("export json round-trips the knowledge base; csv has one row per term and record")
    func export() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let base = try FixtureDatabase.knowledge()
        let json = await runStroma(["export", "--format", "json", "--db", db.path])
        struct Document: Decodable {
            var checksum: String
            var vocabulary: [VocabularyTerm]
            var publications: [Publication]
            var experiments: [Experiment]
            var trials: [ClinicalTrial]
            var claims: [Claim]
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8))
        let exported = KnowledgeBase(
            vocabulary: document.vocabulary, publications: document.publications,
            experiments: document.experiments, trials: document.trials, claims: document.claims)
        #expect(exported == base)
        let csv = await runStroma(["export", "--format", "csv", "--db", db.path])
        let expectedRows =
            base.vocabulary.count + base.publications.count + base.experiments.count
            + base.trials.count + base.claims.count
        #expect(csv.stdout.hasPrefix("record_type,kind,id,name,text,terms,citation\n"))
        #expect(csv.stdout.split(separator: "\n").count == expectedRows + 1)
    }
}
