import Foundation
import Testing

/// The shared real-data folder (`STROMA_SHARED_DATA`, default `../shared/data` beside the clone).
enum SharedData {
    static var root: String {
        if let value = ProcessInfo.processInfo.environment["STROMA_SHARED_DATA"], !value.isEmpty { return value }
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data").path
    }

    /// The path of `relative` under the shared folder; records a test failure when the file is missing.
    static func path(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let path = root + "/" + relative
        if !FileManager.default.fileExists(atPath: path) {
            Issue.record(
                "shared data file '\(path)' is missing (STROMA_SHARED_DATA='\(root)')", sourceLocation: sourceLocation)
        }
        return path
    }

    /// A fixture of this test target.
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return try Data(contentsOf: url)
    }
}
