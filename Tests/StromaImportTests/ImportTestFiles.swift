import Foundation
import _StromaTestSupport

/// Temporary folders and archives built from the shared real files for the reader tests.
enum ImportTestFiles {
    struct ZipFailed: Error { let status: Int32 }

    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "stroma-import-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: SharedData.url(relativePath))
    }

    /// Writes a ZIP of `entries` (name → bytes) with Python's standard `zipfile` (deflate;
    /// `force_zip64` exercises the ZIP64 records), so the archive comes from independent software.
    static func zip(_ entries: [(String, URL)], to zipURL: URL, zip64: Bool = false) throws {
        let listing = try temporaryFolder().appendingPathComponent("entries.tsv")
        try entries.map { "\($0.0)\t\($0.1.path)" }.joined(separator: "\n").write(
            to: listing, atomically: true, encoding: .utf8)
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                for line in open(sys.argv[2]):
                    name, path = line.rstrip('\\n').split('\\t')
                    with z.open(name, 'w', force_zip64=\(zip64 ? "True" : "False")) as out:
                        out.write(open(path, 'rb').read())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, zipURL.path, listing.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ZipFailed(status: process.terminationStatus)
        }
    }

    /// The v2 single-study sample files (not the v1 one).
    static let v2Files = [
        "NCT00465816", "NCT00763412", "NCT02210780", "NCT02278341", "NCT02552212", "NCT03418623",
        "NCT03453554", "NCT04207047", "NCT05594173",
    ]

    /// Resident set size of this process in bytes (Linux `/proc/self/statm`), or nil.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * 4096
    }
}
