import Foundation
import Testing
import _StromaTestSupport

@testable import stroma

/// Issue 17 item 6: `stroma trials` lists curated and imported trials marked by source; `--condition stroke`
/// includes unspecified stroke, on the bundled knowledge base (where "stroke" is a synonym of ischaemic stroke).
@Suite("Trials list of curated and imported trials")
struct TrialsListTests {
    /// A store built by the command from the bundled knowledge, with the constructed MSC records imported.
    static func imported() async throws -> (folder: URL, db: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-trials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("bundled.sqlite").path
        let result = await runStroma([
            "import", "ctgov", TrialsLandscapeTests.fixtures.appendingPathComponent("constructed").path, "--db", db,
            "--format", "json",
        ])
        #expect(result.exitCode == 0, "\(result.stderr)")
        return (folder, db)
    }

    static func list(_ arguments: [String]) async throws -> [[String: Any]] {
        let result = await runStroma(["trials"] + arguments + ["--format", "json"])
        #expect(result.errorText == nil, "\(result.errorText ?? "")")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test("both kinds listed, marked by record_source; --from filters")
    func bothSources() async throws {
        let (folder, db) = try await Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try await Self.list(["--db", db])
        let kinds = Set(all.compactMap { $0["record_source"] as? String })
        #expect(kinds.isSuperset(of: ["knowledge", "registry"]), "\(kinds)")
        // Ids are listed once: a curated trial whose record is imported is `both`.
        let ids = all.compactMap { $0["id"] as? String }
        #expect(ids.count == Set(ids).count)
        let registry = try await Self.list(["--from", "registry", "--db", db])
        #expect(
            !registry.isEmpty && registry.allSatisfy { ["registry", "both"].contains($0["record_source"] as? String) })
        #expect(registry.contains { $0["id"] as? String == "NCT99000003" })
        let curated = try await Self.list(["--from", "knowledge", "--db", db])
        #expect(
            !curated.isEmpty && curated.allSatisfy { ["knowledge", "both"].contains($0["record_source"] as? String) })
        #expect(
            curated.count + registry.count - registry.filter { $0["record_source"] as? String == "both" }.count
                == all.count)
        // Filters apply to imported studies too (NCT99000003: ALS, bone marrow, phase 3).
        let als = try await Self.list([
            "--from", "registry", "--condition", "amyotrophic lateral sclerosis", "--source", "bone marrow",
            "--phase", "3", "--db", db,
        ])
        #expect(als.map { $0["id"] as? String }.contains("NCT99000003"))
        #expect(als.allSatisfy { ($0["conditions"] as? [String])?.contains("amyotrophic-lateral-sclerosis") == true })
    }

    @Test("--condition stroke counts ischaemic and unspecified stroke; ischemic-stroke only ischaemic")
    func strokeRule() async throws {
        let (folder, db) = try await Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try await Self.list(["--from", "registry", "--db", db])
        func ids(withAny conditions: Set<String>) -> Set<String> {
            Set(
                registry.filter { !Set($0["conditions"] as? [String] ?? []).isDisjoint(with: conditions) }
                    .compactMap { $0["id"] as? String })
        }
        let unspecified = ids(withAny: ["stroke"])
        #expect(!unspecified.isEmpty, "no imported study recognised as unspecified stroke")
        let stroke = try await Self.list(["--from", "registry", "--condition", "stroke", "--db", db])
        #expect(Set(stroke.compactMap { $0["id"] as? String }) == ids(withAny: ["stroke", "ischemic-stroke"]))
        let ischaemic = try await Self.list(["--from", "registry", "--condition", "ischemic-stroke", "--db", db])
        #expect(Set(ischaemic.compactMap { $0["id"] as? String }) == ids(withAny: ["ischemic-stroke"]))

        let landscape = await runStroma([
            "trials", "landscape", "--condition", "stroke", "--db", db, "--format", "json",
        ])
        let object = try #require(JSONSerialization.jsonObject(with: Data(landscape.stdout.utf8)) as? [String: Any])
        #expect(object["condition_ids"] as? [String] == ["ischemic-stroke", "stroke"])
        #expect(object["study_count"] as? Int == ids(withAny: ["stroke", "ischemic-stroke"]).count)
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.contains { $0["condition"] as? String == "stroke" })
    }
}
