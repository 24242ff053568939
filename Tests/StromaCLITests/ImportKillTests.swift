import Foundation
import StromaStore
import Testing
import _StromaTestSupport

@testable import stroma

#if canImport(Glibc)
    import Glibc
#endif

/// A `stroma import` killed with SIGKILL part-way and run again leaves exactly the store an
/// uninterrupted run leaves: no partial record, no duplicate, no lost record.
@Suite("Killed imports")
struct ImportKillTests {
    /// A folder of `count` studies: the real v2 samples and the constructed MSC records,
    /// re-identified as NCT97000000, NCT97000001, … (the content's nctId is rewritten).
    static func corpus(count: Int, in folder: URL) throws -> URL {
        let constructed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("StromaImportTests/Fixtures/msc/constructed")
        var sources = try FileManager.default.contentsOfDirectory(at: constructed, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        sources += try [
            "NCT00465816", "NCT00763412", "NCT02210780", "NCT02552212", "NCT03418623",
            "NCT03453554", "NCT04207047", "NCT05594173",
        ].map { try SharedData.url("clinicaltrials/v2-json/\($0).json") }
        sources.sort { $0.lastPathComponent < $1.lastPathComponent }
        let objects = try sources.map {
            try #require(JSONSerialization.jsonObject(with: Data(contentsOf: $0)) as? [String: Any])
        }
        let out = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for i in 0..<count {
            var object = objects[i % objects.count]
            var p = try #require(object["protocolSection"] as? [String: Any])
            var identification = try #require(p["identificationModule"] as? [String: Any])
            let id = String(format: "NCT97%06d", i)
            identification["nctId"] = id
            p["identificationModule"] = identification
            object["protocolSection"] = p
            try JSONSerialization.data(withJSONObject: object).write(to: out.appendingPathComponent("\(id).json"))
        }
        return out
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Runs the built binary; with `killWhenGrownBy`, sends SIGKILL once the database file has
    /// grown by that many bytes (some batches committed) and returns `nil`; else returns stdout.
    static func runImport(_ corpus: URL, db: String, killWhenGrownBy: Int? = nil) throws -> String? {
        let process = Process()
        process.executableURL = try StromaBinary.executable()
        process.arguments = ["import", "ctgov", corpus.path, "--db", db, "--batch-size", "7", "--format", "json"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let before = fileSize(db)
        try process.run()
        guard let grow = killWhenGrownBy else {
            let data = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        while process.isRunning, fileSize(db) < before + grow { usleep(2_000) }
        #expect(process.isRunning, "the import finished before it could be killed: make the corpus larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        return nil
    }

    @Test(
        "SIGKILL part-way, then re-run: the same store as one uninterrupted run", .enabled(if: SharedData.isAvailable))
    func killAndResume() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let count = 300
        let corpus = try Self.corpus(count: count, in: work)

        // The uninterrupted run first: it also tells how much the file grows in a full import.
        let clean = try FixtureDatabase()
        defer { clean.cleanUp() }
        let initial = Self.fileSize(clean.path)
        _ = try #require(try Self.runImport(corpus, db: clean.path))
        let growth = Self.fileSize(clean.path) - initial
        #expect(growth > 100_000)

        let killed = try FixtureDatabase()
        defer { killed.cleanUp() }
        // Two kills at different points: the first as soon as the file grows (often inside the
        // first commit, which SQLite then rolls back), the second half-way through.
        var stored: [Int] = []
        for grow in [growth / 20, growth / 2] {
            _ = try Self.runImport(corpus, db: killed.path, killWhenGrownBy: grow)
            let store = try StromaStore.open(path: killed.path)
            let counts = try store.registryCounts()
            // Whole records only: every stored study has its MSC row.
            #expect(counts["registry_study"] == counts["registry_msc"])
            #expect(counts["registry_study_history"] == 0)
            stored.append(counts["registry_study"] ?? 0)
        }
        #expect(stored[1] > 0 && stored[1] >= stored[0] && stored[1] < count, "\(stored)")
        let resumed = try #require(try Self.runImport(corpus, db: killed.path))
        let summary = try JSONDecoder().decode(ImportCommandTests.Summary.self, from: Data(resumed.utf8))
        #expect(summary.read == count && summary.failed == 0)
        #expect(summary.new == count - stored[1] && summary.unchanged == stored[1] && summary.updated == 0)

        let a = try StromaStore.open(path: killed.path).registryDump()
        let b = try StromaStore.open(path: clean.path).registryDump()
        #expect(a == b)
        #expect(try StromaStore.open(path: clean.path).registryCounts()["registry_study"] == count)
    }
}
