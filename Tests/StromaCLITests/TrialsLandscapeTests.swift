import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import _StromaTestSupport

@testable import stroma

/// `stroma trials show` and `stroma trials landscape` on imported registry records: the MSC
/// records constructed for the recogniser's evaluation (Tests/StromaImportTests/Fixtures/msc,
/// hand labels in labels.json).
@Suite("Trials show and landscape")
struct TrialsLandscapeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // StromaCLITests
        .deletingLastPathComponent().appendingPathComponent("StromaImportTests/Fixtures/msc")

    /// A database with every constructed record imported.
    static func imported() async throws -> FixtureDatabase {
        let db = try FixtureDatabase()
        let result = await runStroma([
            "import", "ctgov", fixtures.appendingPathComponent("constructed").path, "--db", db.path, "--format", "json",
        ])
        #expect(result.errorText == nil)
        return db
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("show --format json has the documented keys and each MSC value with its field")
    func showJSON() async throws {
        let db = try await Self.imported()
        defer { db.cleanUp() }
        let result = await runStroma(["trials", "show", "NCT99000003", "--db", db.path, "--format", "json"])
        #expect(result.errorText == nil)
        let d = try Self.json(result.stdout)
        for key in ["nct_id", "title", "phases", "status", "enrollment", "conditions", "interventions", "msc"] {
            #expect(d[key] != nil, "missing \(key)")
        }
        // Values read by hand from constructed/NCT99000003.json.
        #expect(d["nct_id"] as? String == "NCT99000003")
        #expect(d["phases"] as? [String] == ["PHASE3"])
        #expect(d["enrollment"] as? Int == 189)
        #expect(
            (d["interventions"] as? [[String: Any]])?.map { $0["name"] as? String } == ["MSC-NTF cells", "Placebo"])
        let msc = try #require(d["msc"] as? [String: Any])
        for key in ["is_msc", "source", "origin", "routes", "dose", "administrations"] {
            #expect(msc[key] != nil, "missing msc.\(key)")
        }
        #expect(msc["is_msc"] as? Bool == true)
        let source = try #require(msc["source"] as? [String: Any])
        #expect(source["value"] as? String == "bone-marrow")
        #expect(source["field"] as? String == "interventions[0].description")
        #expect(source["evidence"] as? String == "bone marrow")
        #expect((msc["origin"] as? [String: Any])?["value"] as? String == "autologous")
        let routes = try #require(msc["routes"] as? [[String: Any]])
        #expect(routes.map { $0["value"] as? String } == ["intrathecal", "intramuscular"])
        #expect(routes.map { $0["evidence"] as? String } == ["intrathecally", "intramuscularly"])
        let dose = try #require(msc["dose"] as? [String: Any])
        #expect(dose["field"] as? String == "interventions[0].description")
        let value = try #require(dose["value"] as? [String: Any])
        #expect(value["cells"] as? Double == 60e6)

        // An unknown value is the string "unknown" (NCT01909154 names no route or dose).
        let other = try Self.json(
            await runStroma(["trials", "show", "NCT01909154", "--db", db.path, "--format", "json"]).stdout)
        let otherMSC = try #require(other["msc"] as? [String: Any])
        #expect(otherMSC["dose"] as? String == "unknown")
        #expect((otherMSC["routes"] as? [Any])?.isEmpty == true)

        let missing = await runStroma(["trials", "show", "NCT00000001", "--db", db.path])
        #expect(missing.errorText?.hasPrefix("Error: no study 'NCT00000001' in the store") == true)
        let bad = await runStroma(["trials", "show", "12345", "--db", db.path])
        #expect(bad.exitCode != 0)
    }

    @Test("landscape counts MSC studies; --condition, --since and csv")
    func landscape() async throws {
        let db = try await Self.imported()
        defer { db.cleanUp() }
        let labels = try #require(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("labels.json"))) as? [String: [String: Any]]
        )
        let constructed = labels.filter { $0.key.hasPrefix("constructed/") }
        let mscCount = constructed.values.filter { $0["is_msc"] as? Bool == true }.count
        let sciCount = constructed.values.filter {
            $0["is_msc"] as? Bool == true && ($0["conditions"] as? [String])?.contains("spinal-cord-injury") == true
        }.count

        let all = try Self.json(await runStroma(["trials", "landscape", "--db", db.path, "--format", "json"]).stdout)
        #expect(all["study_count"] as? Int == mscCount)
        let sci = try Self.json(
            await runStroma([
                "trials", "landscape", "--condition", "spinal-cord-injury", "--db", db.path, "--format", "json",
            ]).stdout)
        #expect(sci["study_count"] as? Int == sciCount)
        let cells = try #require(sci["cells"] as? [[String: Any]])
        #expect(cells.allSatisfy { $0["condition"] as? String == "spinal-cord-injury" })
        // NCT99000003 (ALS, phase 3, 189 enrolled, bone marrow, intrathecal + intramuscular):
        // one cell per route.
        let als = try Self.json(
            await runStroma([
                "trials", "landscape", "--condition", "amyotrophic lateral sclerosis", "--db", db.path, "--format",
                "json",
            ]).stdout)
        let alsCells = try #require(als["cells"] as? [[String: Any]])
        #expect(alsCells.map { $0["route"] as? String } == ["intramuscular", "intrathecal"])
        #expect(
            alsCells.allSatisfy {
                $0["enrollment"] as? Int == 189 && $0["phase"] as? String == "PHASE3"
                    && $0["source"] as? String == "bone-marrow"
            })

        // A newer version of one record and a new record, then --since.
        let folder = db.folder
        func rewrite(_ name: String, as id: String, lastUpdate: String, firstPosted: String?) throws {
            var object = try #require(
                JSONSerialization.jsonObject(
                    with: Data(contentsOf: Self.fixtures.appendingPathComponent("constructed/\(name).json")))
                    as? [String: Any])
            var p = try #require(object["protocolSection"] as? [String: Any])
            var identification = try #require(p["identificationModule"] as? [String: Any])
            identification["nctId"] = id
            var status = try #require(p["statusModule"] as? [String: Any])
            status["lastUpdatePostDateStruct"] = ["date": lastUpdate, "type": "ACTUAL"]
            if let firstPosted { status["studyFirstPostDateStruct"] = ["date": firstPosted, "type": "ACTUAL"] }
            status["overallStatus"] = "RECRUITING"
            p["identificationModule"] = identification
            p["statusModule"] = status
            object["protocolSection"] = p
            try JSONSerialization.data(withJSONObject: object).write(to: folder.appendingPathComponent("\(id).json"))
        }
        try rewrite("NCT99000002", as: "NCT99000002", lastUpdate: "2025-03-01", firstPosted: nil)
        try rewrite("NCT99000001", as: "NCT99000099", lastUpdate: "2025-03-10", firstPosted: "2025-03-10")
        for id in ["NCT99000002", "NCT99000099"] {
            _ = await runStroma(["import", "ctgov", folder.appendingPathComponent("\(id).json").path, "--db", db.path])
        }
        let since = try Self.json(
            await runStroma(["trials", "landscape", "--since", "2025-01", "--db", db.path, "--format", "json"]).stdout)
        #expect(since["study_count"] as? Int == mscCount + 1)
        let changes = try #require(since["changes"] as? [[String: Any]])
        #expect(changes.map { $0["registry_id"] as? String } == ["NCT99000002", "NCT99000099"])
        #expect(changes.map { $0["change"] as? String } == ["updated", "new"])
        let sinceCells = try #require(since["cells"] as? [[String: Any]])
        let newSum = sinceCells.compactMap { $0["new_since"] as? Int }.reduce(0, +)
        let updatedSum = sinceCells.compactMap { $0["updated_since"] as? Int }.reduce(0, +)
        #expect(newSum >= 1 && updatedSum >= 1)

        let csv = await runStroma(["trials", "landscape", "--since", "2025-01", "--db", db.path, "--format", "csv"])
        #expect(
            csv.stdout.hasPrefix(
                "condition,phase,source,route,status,studies,enrollment,missing_enrollment,new_since,updated_since\n"))
        let bad = await runStroma(["trials", "landscape", "--since", "March", "--db", db.path])
        #expect(bad.errorText?.contains("'--since' must be a date") == true)
    }

    @Test("--plot writes an SVG with one bar segment per condition, phase and source")
    func plot() async throws {
        let db = try await Self.imported()
        defer { db.cleanUp() }
        let svg = db.folder.appendingPathComponent("landscape.svg")
        let result = await runStroma(["trials", "landscape", "--plot", svg.path, "--db", db.path, "--format", "json"])
        #expect(result.errorText == nil)
        let text = try String(contentsOf: svg, encoding: .utf8)
        let parser = XMLParser(data: Data(text.utf8))
        #expect(parser.parse(), "not well-formed XML")
        // Bars: distinct (condition, phase, source) triples over the studies.
        let landscape = try Self.json(result.stdout)
        let cells = try #require(landscape["cells"] as? [[String: Any]])
        let triples = Set(cells.map { "\($0["condition"]!)|\($0["phase"]!)|\($0["source"]!)" })
        let segments = text.components(separatedBy: "<rect x=").count - 1
        let legend = Set(cells.map { "\($0["source"]!)" }).count
        #expect(segments == triples.count + legend)
        // Readable labels, not raw ids (issue 17 item 9).
        #expect(text.contains(">Spinal cord injury<") && text.contains(">Bone marrow<"))
        #expect(!text.contains(">spinal-cord-injury<") && !text.contains(">PHASE3<") && !text.contains(">bone-marrow<"))
        #expect(text.contains(">Phase 3<"))

        // Each source keeps its colour in a chart of one condition (ALS: bone marrow only).
        func fills(_ svg: String) -> [String: String] {
            var out: [String: String] = [:]
            let pattern = try! NSRegularExpression(pattern: #"fill="(#[0-9A-Fa-f]{6})"><title>([^:<]+): "#)
            for m in pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
                out[String(svg[Range(m.range(at: 2), in: svg)!])] = String(svg[Range(m.range(at: 1), in: svg)!])
            }
            return out
        }
        let all = fills(text)
        #expect(all.count == legend)
        for condition in Set(cells.compactMap { $0["condition"] as? String }) where condition != "unknown" {
            let one = db.folder.appendingPathComponent("\(condition).svg")
            _ = await runStroma(["trials", "landscape", "--condition", condition, "--plot", one.path, "--db", db.path])
            for (source, colour) in fills(try String(contentsOf: one, encoding: .utf8)) {
                #expect(all[source] == colour, "\(source) in \(condition)")
            }
        }
    }
}
