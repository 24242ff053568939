import Foundation
import StromaDomain
import StromaStore
import Testing
import _StromaTestSupport

@testable import stroma

/// `stroma import` and `stroma fetch` through the command line: idempotence, versions and
/// history, summary counts and the paging of `fetch ctgov`.
@Suite("Import commands")
struct ImportCommandTests {
    /// The JSON summary every import prints with `--format json`.
    struct Summary: Decodable, Equatable {
        struct Line: Decodable, Equatable {
            var record: String
            var reason: String
        }
        var read, new, updated, unchanged, failed: Int
        var failures: [Line]
        var updates: [Line]
    }

    /// The printed summary; the exit status must be the documented one for its counts (0 nothing failed, 1
    /// nothing stored, 3 some failed).
    static func summary(_ result: CLIResult) throws -> Summary {
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
        let stored = summary.new + summary.updated + summary.unchanged
        let expected: Int32 = summary.failed == 0 ? 0 : stored == 0 ? 1 : 3
        #expect(result.exitCode == expected, "\(result.errorText ?? "") \(result.stderr)")
        return summary
    }

    /// Every real sample file and the import command for its format (files in another format
    /// are refused, which must be a no-op as well).
    static let sampleFiles: [(String, String)] =
        [
            "NCT00023673", "NCT00465816", "NCT00763412", "NCT02210780", "NCT02278341", "NCT02552212",
            "NCT03418623", "NCT03453554", "NCT04207047", "NCT05594173",
        ].map { ("ctgov", "clinicaltrials/v2-json/\($0).json") }
        + ["NCT00001177", "NCT01841593", "NCT02654730"].map { ("ctgov", "clinicaltrials/legacy-xml/\($0).xml") }
        + ["pubmed1.xml", "pubmed2.xml", "pubmed4.xml", "title_with_html_tags.xml"].map {
            ("pubmed", "literature/pubmed-xml/\($0)")
        }
        + ["pubmed_result1.txt", "pubmed_result2.txt"].map { ("pubmed", "literature/medline-nbib/\($0)") }
        + [
            "example_bom.ris", "example_empty_tag.ris", "example_extraneous_data.ris", "example_full.ris",
            "example_multiline.ris", "example_starting_newlines.ris", "example_utf_chars.ris", "example_wos.ris",
        ]
        .map { ("ris", "literature/ris/\($0)") }
        + ["annotation_long_example.csv", "import_template.csv", "quantitative_data_example.csv"].map {
            ("syrf", "syrf/\($0)")
        }

    @Test("re-importing any sample file changes nothing", .enabled(if: SharedData.isAvailable), arguments: sampleFiles)
    func reimport(kind: String, file: String) async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let path = try SharedData.url(file).path
        let first = try Self.summary(await runStroma(["import", kind, path, "--db", db.path, "--format", "json"]))
        #expect(first.read + first.failed > 0)
        let dump = try StromaStore.open(path: db.path).registryDump()
        let second = try Self.summary(await runStroma(["import", kind, path, "--db", db.path, "--format", "json"]))
        #expect(second.new == 0 && second.updated == 0, "\(second)")
        #expect(second.read == first.read && second.failed == first.failed)
        #expect(second.unchanged == first.new + first.updated + first.unchanged)
        #expect(try StromaStore.open(path: db.path).registryDump() == dump)
    }

    @Test(
        "the summary counts read, new, updated, unchanged and failed, with reasons",
        .enabled(if: SharedData.isAvailable))
    func summaryCounts() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let folder = try SharedData.url("clinicaltrials/v2-json").path
        // 10 files: 9 v2 records, 1 retired v1 file; NCT02278341.json holds NCT02552212 again
        // (README), so one of those two is not new.
        let firstRun = await runStroma(["import", "ctgov", folder, "--db", db.path, "--format", "json"])
        #expect(firstRun.exitCode == 3)
        #expect(firstRun.stderr.contains("import ctgov: 1 failed, 9 stored (exit status 3)"))
        let first = try Self.summary(firstRun)
        #expect(first.read == 10)
        #expect(first.new == 8)
        #expect(first.updated + first.unchanged == 1)
        #expect(first.failed == 1)
        #expect(first.failures.count == 1)
        #expect(first.failures.first?.reason.contains("NCT00023673.json") == true)
        #expect(first.failures.first?.reason.contains("v1") == true)
        let second = try Self.summary(
            await runStroma(["import", "ctgov", folder, "--db", db.path, "--format", "json"]))
        #expect(
            second
                == Summary(read: 10, new: 0, updated: 0, unchanged: 9, failed: 1, failures: first.failures, updates: [])
        )
        let table = await runStroma(["import", "ctgov", folder, "--db", db.path])
        let lines = table.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).prefix(2).joined(separator: " ")
        }
        #expect(Array(lines.dropFirst(2).prefix(5)) == ["read 10", "new 0", "updated 0", "unchanged 9", "failed 1"])
    }

    @Test(
        "a newer lastUpdatePostDate replaces the record and keeps the old version in history",
        .enabled(if: SharedData.isAvailable))
    func newerVersion() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let original = try SharedData.url("clinicaltrials/v2-json/NCT03418623.json")
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: original)) as? [String: Any])
        var protocolSection = try #require(object["protocolSection"] as? [String: Any])
        var status = try #require(protocolSection["statusModule"] as? [String: Any])
        // The file says lastUpdatePostDateStruct 2020-10-08 and overallStatus COMPLETED.
        #expect((status["lastUpdatePostDateStruct"] as? [String: Any])?["date"] as? String == "2020-10-08")
        status["lastUpdatePostDateStruct"] = ["date": "2025-02-01", "type": "ACTUAL"]
        status["overallStatus"] = "TERMINATED"
        protocolSection["statusModule"] = status
        object["protocolSection"] = protocolSection
        let newer = db.folder.appendingPathComponent("NCT03418623-newer.json")
        try JSONSerialization.data(withJSONObject: object).write(to: newer)

        _ = try Self.summary(await runStroma(["import", "ctgov", original.path, "--db", db.path, "--format", "json"]))
        let update = try Self.summary(
            await runStroma(["import", "ctgov", newer.path, "--db", db.path, "--format", "json"]))
        #expect(update.updated == 1 && update.new == 0)
        #expect(update.updates.first?.reason == "version 2020-10-08 → 2025-02-01")
        let store = try StromaStore.open(path: db.path)
        let stored = try #require(try store.study(id: "NCT03418623"))
        #expect(stored.study.version == "2025-02-01" && stored.study.overallStatus == "TERMINATED")
        #expect(stored.history.map(\.version) == ["2020-10-08"])
        #expect(stored.history.first?.overallStatus == "COMPLETED")

        // The older file again: the current record stays, history does not grow.
        let older = try Self.summary(
            await runStroma(["import", "ctgov", original.path, "--db", db.path, "--format", "json"]))
        #expect(older.unchanged == 1 && older.updated == 0)
        let again = try #require(try store.study(id: "NCT03418623"))
        #expect(again.study.version == "2025-02-01" && again.history.count == 1)

        // `trials show` reports the versions kept.
        let shown = await runStroma(["trials", "show", "NCT03418623", "--db", db.path, "--format", "json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "TERMINATED")
        #expect((json["history"] as? [[String: Any]])?.first?["version"] as? String == "2020-10-08")
    }

    @Test(
        "fetch ctgov pages through a loopback stand-in serving the real sample files",
        .enabled(if: SharedData.isAvailable))
    func fetchPages() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let ids = [
            "NCT00465816", "NCT00763412", "NCT02210780", "NCT02552212", "NCT03418623",
            "NCT03453554", "NCT04207047", "NCT05594173", "NCT02278341",
        ]
        let files = try ids.map { try SharedData.url("clinicaltrials/v2-json/\($0).json").path }
        let server = try StandInServer(files: files)
        defer { server.stop() }
        let result = await runStroma([
            "fetch", "ctgov", "--query", "mesenchymal stem cells", "--condition", "spinal cord injury",
            "--page-size", "4", "--base-url", "http://127.0.0.1:\(server.port)", "--db", db.path, "--format", "json",
        ])
        let summary = try Self.summary(result)
        // 9 records on pages of 4, 4 and 1; the last one is NCT02552212's content again.
        #expect(summary.read == 9 && summary.new == 8 && summary.failed == 0)
        let requests = server.requests(atLeast: 3)
        #expect(requests.count == 3)
        let tokens = requests.map { URLComponents(string: $0)?.queryItems?.first { $0.name == "pageToken" }?.value }
        #expect(tokens == [nil, "4", "8"])
        for request in requests {
            let items = URLComponents(string: request)?.queryItems ?? []
            #expect(items.contains(URLQueryItem(name: "query.term", value: "mesenchymal stem cells")))
            #expect(items.contains(URLQueryItem(name: "query.cond", value: "spinal cord injury")))
            #expect(items.contains(URLQueryItem(name: "pageSize", value: "4")))
        }
        let store = try StromaStore.open(path: db.path)
        for id in ids.dropLast() { #expect(try store.study(id: id) != nil, "\(id)") }
        #expect(try store.registryCounts()["registry_study"] == 8)

        // Fetching again is a no-op; --max-pages stops early.
        let again = try Self.summary(
            await runStroma([
                "fetch", "ctgov", "--query", "x", "--page-size", "4", "--max-pages", "2",
                "--base-url", "http://127.0.0.1:\(server.port)", "--db", db.path, "--format", "json",
            ]))
        #expect(again.read == 8 && again.new == 0 && again.updated == 0)
        #expect(server.requests(atLeast: 5).count == 5)
    }
}

/// `scripts/test-support/ctgov-standin.py` run on loopback: serves study files page by page.
final class StandInServer: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let port: Int
    private let lock = NSLock()
    private var lines: [String] = []
    private var buffer = Data()

    init(files: [String]) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // StromaCLITests
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/test-support/ctgov-standin.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + files
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line is `port N`.
        var first = Data()
        while !first.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        let text = String(decoding: first, as: UTF8.self)
        let lineEnd = text.firstIndex(of: "\n") ?? text.endIndex
        guard let port = Int(text[..<lineEnd].replacingOccurrences(of: "port ", with: "")) else {
            process.terminate()
            throw CocoaError(
                .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "stand-in did not start: \(text)"])
        }
        self.port = port
        buffer = Data(first[first.index(after: first.firstIndex(of: UInt8(ascii: "\n"))!)...])
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.withLock { self.buffer.append(chunk) }
        }
    }

    /// The request targets seen so far (`/api/v2/studies?…`), waiting up to 5 s for at least
    /// `count` (the server prints each request before answering it; the pipe is read on
    /// another thread).
    func requests(atLeast count: Int = 0) -> [String] {
        let deadline = Date().addingTimeInterval(5)
        var seen = current()
        while seen.count < count, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            seen = current()
        }
        return seen
    }

    private func current() -> [String] {
        lock.withLock {
            String(decoding: buffer, as: UTF8.self).split(separator: "\n")
                .filter { $0.hasPrefix("GET ") }.map { String($0.dropFirst(4)) }
        }
    }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
