import Foundation
import StromaKnowledge
import StromaStore
import Testing
import _StromaTestSupport

/// `stroma meta --knowledge`: pooling the outcome numbers of knowledge-base experiments.
///
/// Data: `Tests/StromaStoreTests/Fixtures/outcome-knowledge` (made-up test experiments). Reference:
/// `scripts/reference/meta-kb/knowledge_outcomes_reference.json`, written by
/// `Rscript scripts/reference/meta-kb/knowledge_outcomes.R` (R 4.2.2, metafor 3.8-1), which builds the
/// comparisons from the experiments' JSON itself.
@Suite(.serialized) struct MetaKnowledgeTests {
    static let referenceFile = StromaBinary.root
        .appendingPathComponent("scripts/reference/meta-kb/knowledge_outcomes_reference.json")

    static let cases: [MetaReferenceTests.Case] = {
        guard let data = try? Data(contentsOf: referenceFile),
            let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = document["cases"] as? [[String: Any]]
        else { return [MetaReferenceTests.Case(name: "reference file unreadable", arguments: [], expected: [])] }
        return cases.map { entry in
            let expected = (entry["expected"] as? [String: Any] ?? [:])
                .compactMap { key, value in (value as? NSNumber).map { (path: key, value: $0.doubleValue) } }
                .sorted { $0.path < $1.path }
            return MetaReferenceTests.Case(
                name: entry["name"] as? String ?? "?",
                arguments: entry["args"] as? [String] ?? [], expected: expected)
        }
    }()

    /// A temporary database built from `knowledge` (label `test`, never refreshed by the CLI).
    struct Database {
        let folder: URL
        let path: String

        static let outcomeKnowledge = StromaBinary.root
            .appendingPathComponent("Tests/StromaStoreTests/Fixtures/outcome-knowledge")

        init(knowledge: KnowledgeBase? = nil) throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("stroma-meta-kb-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("test.sqlite").path
            if let knowledge {
                _ = try StromaStore.openKnowledgeStore(path: path, knowledge: knowledge, label: "test")
            }
        }

        static func outcomes() throws -> Database {
            try Database(knowledge: try KnowledgeBase.load(from: outcomeKnowledge))
        }

        func cleanUp() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("Pooled knowledge-base outcomes equal metafor to 1e-6 relative", arguments: cases)
    func matchesMetafor(_ reference: MetaReferenceTests.Case) throws {
        #expect(reference.expected.count > 10, "too few reference values")
        let db = try Database.outcomes()
        defer { db.cleanUp() }
        let json = try StromaBinary.json(reference.arguments.map { $0 == "$DB" ? db.path : $0 })
        #expect((json.object("input")?["layout"] as? String) == "knowledge")
        for (path, expected) in reference.expected {
            let actual = try #require(MetaReferenceTests.value(at: path, in: json), "no number at '\(path)'")
            #expect(
                isClose(actual, expected, relative: Tolerance.coefficient, absolute: 1e-10),
                "\(path): stroma \(actual), metafor \(expected)")
        }
    }

    @Test("The reference file holds six cases")
    func caseCount() { #expect(Self.cases.count == 6) }

    @Test("Study labels are experiment ids; an experiment with two outcomes is labelled and warned about")
    func labels() throws {
        let db = try Database.outcomes()
        defer { db.cleanUp() }
        let json = try StromaBinary.json([
            "meta", "--knowledge", "--db", db.path, "--condition", "ischemic-stroke",
            "--outcome", "mnss", "--measure", "SMD",
        ])
        #expect(
            json.objects("studies").compactMap { $0["study"] as? String }
                == (1...5).map { "madeup-0\($0)" })
        #expect((json["warnings"] as? [String])?.isEmpty == true)
        // madeup-06: BBB score (greater is better) at two time points of the same animals.
        let repeated = try StromaBinary.json([
            "meta", "--knowledge", "--db", db.path, "--condition",
            "spinal cord injury", "--measure", "MD", "--method", "EE",
        ])
        let studies = repeated.objects("studies")
        #expect(
            studies.compactMap { $0["study"] as? String }
                == ["madeup-06 [bbb-locomotor, 672 h]", "madeup-06 [bbb-locomotor, 1344 h]"])
        #expect(studies.compactMap { $0["yi"] as? Double } == [4.5, 4.5])
        #expect(
            (repeated["warnings"] as? [String]) == [
                "experiment 'madeup-06' gives 2 comparisons "
                    + "(several measures or time points of the same animals); they are pooled as if independent"
            ])
    }

    /// Runs the binary and returns its one-line error (or a failure description).
    static func error(_ arguments: [String]) throws -> String {
        let output = try StromaBinary.run(arguments)
        #expect(output.status != 0)
        #expect(output.stdout.isEmpty)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(output.stderr)")
        return String(lines.first ?? "")
    }

    @Test("The bundled knowledge base has no outcome numbers: one-line error saying how to add them")
    func bundledHasNoOutcomes() throws {
        let db = try Database()  // created from the bundled knowledge base by the command
        defer { db.cleanUp() }
        let line = try Self.error(["meta", "--knowledge", "--db", db.path, "--measure", "SMD", "--format", "json"])
        #expect(line.hasPrefix("Error: no experiments carry outcome numbers; "))
        #expect(line.contains("docs/knowledge.md") && line.contains("\"Outcome\""))
        let filtered = try Self.error([
            "meta", "--knowledge", "--db", db.path, "--condition", "ischemic-stroke",
            "--measure", "SMD",
        ])
        #expect(
            filtered.hasPrefix("Error: no experiments matching --condition 'ischemic-stroke' carry outcome numbers"))
    }

    @Test("Unknown outcome term, several measures, or mixed sources: one-line errors")
    func errors() throws {
        let db = try Database.outcomes()
        defer { db.cleanUp() }
        let kb = ["meta", "--knowledge", "--db", db.path, "--measure", "SMD"]
        let unknown = try Self.error(kb + ["--outcome", "grip strength"])
        #expect(unknown.hasPrefix("Error: unknown outcome measure 'grip strength'; "))
        #expect(
            try Self.error(kb + ["--condition", "ischemic-stroke"]) == "Error: the matching experiments "
                + "report several outcome measures (infarct-volume, mnss); choose one with --outcome")
        #expect(
            try Self.error(kb + ["--input", "examples/synthetic_msc_stroke.csv"])
                == "Error: use either '--input' or '--knowledge', not both")
        #expect(try Self.error(["meta", "--measure", "SMD"]).hasPrefix("Error: give the input: --input FILE"))
        #expect(
            try Self.error([
                "meta", "--input", "examples/synthetic_msc_stroke.csv", "--measure", "SMD",
                "--outcome", "mnss",
            ]).hasPrefix("Error: '--condition', '--outcome' and '--db' apply to '--knowledge'"))
    }

    @Test("Every subcommand takes --knowledge (leave-one-out gives one row per experiment)")
    func subcommands() throws {
        let db = try Database.outcomes()
        defer { db.cleanUp() }
        let output = try StromaBinary.run([
            "meta", "leave1out", "--knowledge", "--db", db.path,
            "--outcome", "mnss", "--condition", "ischemic-stroke", "--measure", "SMD", "--format", "csv",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").count == 6)
    }
}
