import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress counter on stderr, shown only when stderr is a terminal.
struct ImportProgress {
    let enabled = isatty(STDERR_FILENO) != 0
    private var lastShown = Date.distantPast

    mutating func update(_ read: Int, _ label: String) {
        guard enabled, Date().timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = Date()
        FileHandle.standardError.write(Data("\r\(label): \(read) records read".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
