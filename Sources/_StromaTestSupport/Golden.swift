import Foundation

/// Compares text with a golden file; `RECORD_GOLDEN=1` rewrites the file instead.
///
/// Returns `nil` when equal, else a short line diff to report in the test's failure message.
public func goldenDifference(_ actual: String, goldenFile: URL) throws -> String? {
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(
            at: goldenFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: goldenFile, atomically: true, encoding: .utf8)
        return nil
    }
    let expected = try String(contentsOf: goldenFile, encoding: .utf8)
    guard expected != actual else { return nil }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(a.count, e.count) {
        let left = index < e.count ? String(e[index]) : "<none>"
        let right = index < a.count ? String(a[index]) : "<none>"
        if left != right { lines.append("line \(index + 1): -\(left) +\(right)") }
        if lines.count == 10 { break }
    }
    return lines.joined(separator: "\n")
}
