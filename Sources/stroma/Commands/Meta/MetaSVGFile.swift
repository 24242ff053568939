import Foundation

/// Writes the plots and warnings of `stroma meta`.
enum MetaSVGFile {
    /// Writes `svg` to `path`, or fails naming the path.
    static func write(_ svg: String, to path: String) throws {
        do {
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw MetaCommandError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// Prints each warning on stderr.
    static func writeWarnings(_ warnings: [String]) {
        for warning in warnings { StandardStreams.writeMessage("warning: \(warning)") }
    }
}

/// A one-line error of the `meta` command's own output (writing a file).
struct MetaCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
