import Foundation
import StromaWorkbench

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress counter on stderr, shown only when stderr is a terminal.
struct ImportProgress {
    let enabled = isatty(STDERR_FILENO) != 0
    private var lastShown = Date.distantPast

    /// Shows `update` (at most five times a second).
    mutating func update(_ update: ImportProgressUpdate) {
        guard enabled, Date().timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = Date()
        let pages = update.pages.map { ", page \($0)" } ?? ""
        FileHandle.standardError.write(Data("\r\(update.label): \(update.records) records read\(pages)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
