import Foundation
import StromaDomain
import StromaStore
import Testing
import _StromaTestSupport

/// `stroma evidence import|list|show|retract` on the documented example
/// (`docs/examples/evidence-example.csv`, made-up numbers) with the bundled vocabulary.
@Suite struct EvidenceCommandTests {
    static let example = StromaBinary.root.appendingPathComponent("docs/examples/evidence-example.csv")

    /// A temporary folder with an empty database built from the bundled knowledge base.
    struct Workspace {
        let folder: URL
        var db: String { folder.appendingPathComponent("evidence.sqlite").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "stroma-evidence-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        /// Writes `text` to `name` in the folder and returns its path.
        func file(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        func userCount() async throws -> Int {
            let result = await runStroma(["evidence", "list", "--origin", "user", "--format", "json", "--db", db])
            let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
            return array?.count ?? -1
        }
    }

    static func exampleText() throws -> String { try String(contentsOf: example, encoding: .utf8) }

    @Test("import writes three experiments; re-import is a no-op; a changed row is version 2 with history")
    func importVersions() async throws {
        let space = try Workspace()
        let path = try space.file("evidence.csv", try Self.exampleText())
        let first = await runStroma(["evidence", "import", path, "--format", "json", "--db", space.db])
        #expect(first.exitCode == 0, "\(first.errorText ?? "")")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect((result["added"] as? [String])?.count == 3)
        #expect(result["measurements"] as? Int == 7)
        let again = await runStroma(["evidence", "import", path, "--format", "json", "--db", space.db])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((second["unchanged"] as? [String])?.count == 3)
        #expect((second["added"] as? [String])?.isEmpty == true)
        _ = try space.file(
            "evidence.csv", try Self.exampleText().replacingOccurrences(of: ",30.5,10,7.9,", with: ",30.6,10,7.9,"))
        let changed = await runStroma(["evidence", "import", path, "--format", "json", "--db", space.db])
        let third = try #require(try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [String: Any])
        #expect(third["changed"] as? [String] == ["user-example-a-2020-1"])
        let store = try StromaStore.open(path: space.db)
        #expect(try store.userEvidence(id: "user-example-a-2020-1")?.version == 2)
        let history = try store.userEvidenceHistory(id: "user-example-a-2020-1")
        #expect(history.map(\.version) == [1])
        #expect(history.first?.experiment.measurements.contains { $0.mean == 30.5 } == true)
        #expect(
            try store.userEvidence(id: "user-example-a-2020-1")?.experiment.measurements.contains { $0.mean == 30.6 }
                == true)
    }

    @Test("SE and CI become SD with the conversion recorded; provenance names file and row")
    func conversions() async throws {
        let space = try Workspace()
        let path = try space.file("evidence.csv", try Self.exampleText())
        _ = await runStroma(["evidence", "import", path, "--db", space.db])
        let store = try StromaStore.open(path: space.db)
        let a = try #require(try store.userEvidence(id: "user-example-a-2020-1")).experiment
        let ic = try #require(a.measurements.first { $0.arm == "MSC IC" })
        #expect(abs(ic.sd - 2.6 * 3) < 1e-12)
        #expect(ic.dispersion.kind == .se && ic.dispersion.conversion?.contains("SE·√n") == true)
        #expect(ic.provenance.section == "file 'evidence.csv', row 3")
        let b = try #require(try store.userEvidence(id: "user-example-b-2021-1")).experiment
        let saline = try #require(b.measurements.first { $0.arm == "saline" })
        // t(0.975, 11) = 2.200985160091639: R 4.2.2 qt(0.975, 11).
        let expected = 12.0.squareRoot() * (42.9 - 33.1) / (2 * 2.200985160091639)
        #expect(abs(saline.sd - expected) / expected < 1e-8)
        // The treated arm without control_arm takes the experiment's only control.
        #expect(b.arm("UC-MSC")?.controlArm == "saline")
        #expect(b.pairedOutcomes.count == 1)
    }

    @Test(
        "bad rows: one line naming file, row and column; nothing from the file written",
        arguments: [
            ("drop-column", "missing column 'n'"),
            ("sd-zero", "row 1 (line 3), column 'sd': 0 is invalid; expected an SD > 0"),
            ("n-fraction", "row 2 (line 4), column 'n': 9.5 is invalid; expected a whole number of animals ≥ 1"),
            ("no-control", "column 'control_arm': 'PBS' is not a control arm of this experiment"),
            ("unknown-term", "column 'route': unknown route 'intravenuos'; did you mean:"),
            ("duplicate", "row 8 (line 10), column 'outcome': duplicate of row 7"),
            ("unmatched-time", "column 'arm': arm 'AD-MSC' has no matching control row"),
        ])
    func badInput(change: String, message: String) async throws {
        let space = try Workspace()
        var lines = try Self.exampleText().components(separatedBy: "\n").filter { !$0.isEmpty }
        switch change {
        case "drop-column":
            let index = try #require(lines[1].components(separatedBy: ",").firstIndex(of: "n"))
            lines = lines.map { line in
                guard !line.hasPrefix("#") else { return line }
                var fields = line.components(separatedBy: ",")
                fields.remove(at: index)
                return fields.joined(separator: ",")
            }
        case "sd-zero": lines[2] = lines[2].replacingOccurrences(of: ",42.1,10,8.2,", with: ",42.1,10,0,")
        case "n-fraction": lines[3] = lines[3].replacingOccurrences(of: ",30.5,10,", with: ",30.5,9.5,")
        case "no-control": lines.remove(at: 7)
        case "unknown-term": lines[3] = lines[3].replacingOccurrences(of: ",intravenous,", with: ",intravenuos,")
        case "duplicate": lines.append(lines[8])
        case "unmatched-time":
            lines[7] = lines[7].replacingOccurrences(of: ",infarct-volume,72,", with: ",infarct-volume,24,")
        default: Issue.record("unknown change \(change)")
        }
        let path = try space.file("bad.csv", lines.joined(separator: "\n") + "\n")
        let result = await runStroma(["evidence", "import", path, "--db", space.db])
        #expect(result.exitCode != 0)
        let text = result.errorText ?? ""
        #expect(text.contains("file 'bad.csv'"), "\(text)")
        #expect(text.contains(message), "\(text)")
        #expect(!text.contains("\n") || text.split(separator: "\n").count == 1, "\(text)")
        #expect(try await space.userCount() == 0)
    }

    @Test("list says which experiments are bundled (read-only) and which are the user's; retract hides from pooling")
    func listAndRetract() async throws {
        let space = try Workspace()
        let path = try space.file("evidence.csv", try Self.exampleText())
        _ = await runStroma(["evidence", "import", path, "--db", space.db])
        let list = await runStroma(["evidence", "list", "--format", "csv", "--db", space.db])
        let rows = list.stdout.split(separator: "\n").dropFirst()
        #expect(rows.filter { $0.contains(",bundled,") }.count >= 60)
        #expect(rows.filter { $0.contains(",user,") }.count == 3)
        #expect(rows.filter { $0.contains(",read-only,") }.count == rows.filter { $0.contains(",bundled,") }.count)
        let bundled = await runStroma([
            "evidence", "retract", "seed004-table1-row01", "--reason", "x", "--db", space.db,
        ])
        #expect(bundled.exitCode != 0 && bundled.errorText?.contains("read-only") == true)
        let retract = await runStroma(
            ["evidence", "retract", "user-example-c-2019-1", "--reason", "duplicate cohort", "--db", space.db])
        #expect(retract.exitCode == 0 && retract.stdout.contains("retracted"))
        #expect(try await space.userCount() == 2)
        let show = await runStroma(["evidence", "show", "user-example-c-2019-1", "--format", "json", "--db", space.db])
        #expect(show.stdout.contains("\"retraction_reason\" : \"duplicate cohort\""))
        let seed = await runStroma([
            "evidence", "show", "seed004-text-il1a-preconditioned-intraarterial-43", "--db", space.db,
        ])
        #expect(seed.stdout.contains("≈−67% infarct area"))
    }
}
