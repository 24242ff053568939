import Foundation

/// Locates the real third-party files of `../shared/data` through `STROMA_SHARED_DATA`.
///
/// When the variable is set and a file is missing, ``url(_:)`` throws: such a test fails, it
/// never silently skips. When the variable is unset (a developer's quick run), tests that need
/// shared data are disabled through ``isAvailable``.
public enum SharedData {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The folder named by `STROMA_SHARED_DATA`, if set.
    public static var root: URL? {
        guard let path = ProcessInfo.processInfo.environment["STROMA_SHARED_DATA"],
            !path.isEmpty
        else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Whether `STROMA_SHARED_DATA` is set (use with `.enabled(if:)`).
    public static var isAvailable: Bool { root != nil }

    /// The URL of `relativePath` below the shared data folder; throws if it does not exist.
    public static func url(_ relativePath: String) throws -> URL {
        guard let root else {
            throw Missing(description: "STROMA_SHARED_DATA is not set")
        }
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(description: "shared data file '\(url.path)' is missing")
        }
        return url
    }
}
