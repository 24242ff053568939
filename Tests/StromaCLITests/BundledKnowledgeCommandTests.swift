import Foundation
import StromaDomain
import StromaKnowledge
import Testing

/// The commands against the bundled knowledge base (issue 2's acceptance): `stroma conditions`
/// lists every condition of the seeds, and `stroma show` works for every condition, cell source
/// and route.
@Suite("Commands on the bundled knowledge base", .serialized)
struct BundledKnowledgeCommandTests {
    /// One database per test, built from the bundled knowledge by the command itself (`--db`).
    private struct BundledDatabase {
        let folder: URL
        var path: String { folder.appendingPathComponent("bundled.sqlite").path }
        init() throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("stroma-bundled-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        func cleanUp() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The conditions the five seeds discuss, read by hand from PRODUCT.md's seed table and the
    /// seeds themselves (000: stroke, nerve, SCI, autism, muscle, cartilage/knee OA; 001: nerve,
    /// SCI; 002: cerebral palsy; 003: AD, PD, HD, ALS, NPC; 004: ischaemic stroke).
    static let seedConditions = [
        "ischemic-stroke", "peripheral-nerve-injury", "spinal-cord-injury",
        "autism-spectrum-disorder", "muscle-injury", "cartilage-injury", "knee-osteoarthritis",
        "cerebral-palsy", "alzheimers-disease", "parkinsons-disease", "huntingtons-disease",
        "amyotrophic-lateral-sclerosis", "niemann-pick-type-c",
    ]

    @Test("conditions lists every condition of the bundled vocabulary, including each seed's")
    func conditionsListsAll() async throws {
        let db = try BundledDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["conditions", "--format", "json", "--db", db.path])
        #expect(result.errorText == nil, "\(result.errorText ?? "")")
        let listed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let ids = Set((listed ?? []).compactMap { $0["id"] as? String })
        let bundled = try KnowledgeBase.loadBundled().vocabulary.filter { $0.kind == .condition }
        #expect(ids == Set(bundled.map(\.id)))
        for condition in Self.seedConditions {
            #expect(ids.contains(condition), "missing condition \(condition)")
        }
    }

    @Test("show works for every condition, cell source and route and prints its label")
    func showEveryTerm() async throws {
        let db = try BundledDatabase()
        defer { db.cleanUp() }
        let kinds: [VocabularyKind] = [.condition, .cellSource, .route]
        let terms = try KnowledgeBase.loadBundled().vocabulary.filter { kinds.contains($0.kind) }
        #expect(terms.count >= 40)
        for term in terms {
            let result = await runStroma(
                ["show", term.id, "--kind", term.kind.rawValue, "--db", db.path])
            #expect(result.errorText == nil, "show \(term.id): \(result.errorText ?? "")")
            #expect(result.stdout.contains(term.label), "show \(term.id) does not print its label")
        }
    }

    @Test("show ischemic-stroke in JSON carries the Table-1 experiments with their citations")
    func showStrokeJSON() async throws {
        let db = try BundledDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(
            ["show", "ischemic-stroke", "--format", "json", "--db", db.path])
        #expect(result.errorText == nil, "\(result.errorText ?? "")")
        for row in 1...17 {
            let id = String(format: "seed004-table1-row%02d", row)
            #expect(result.stdout.contains("\"\(id)\""), "\(id) missing from show")
        }
    }

    @Test("an unknown term is one line naming it with the nearest valid terms")
    func unknownTerm() async throws {
        let db = try BundledDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["show", "parkinson", "--db", db.path])
        #expect(result.exitCode != 0)
        let message = try #require(result.errorText)
        #expect(!message.contains("\n"))
        #expect(message.contains("'parkinson'") && message.contains("parkinsons-disease"))
    }
}
