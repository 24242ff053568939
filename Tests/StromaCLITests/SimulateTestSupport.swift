import Foundation

/// Runs the built `stroma` binary for the kinetics command tests (simulate, dose, model).
enum KineticsCLI {
    typealias Output = StromaBinary.Output

    /// Runs `stroma arguments…` and returns its streams and exit status.
    static func run(_ arguments: [String]) throws -> Output { try StromaBinary.run(arguments) }

    /// Parses CSV without quoted fields (the numeric kinetics outputs) into header and rows.
    static func table(_ csv: String) -> (header: [String], rows: [[String]]) {
        let lines = csv.split(separator: "\n").map(String.init)
        let header =
            lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (header, rows)
    }

    /// A numeric column of a parsed CSV.
    static func column(_ name: String, _ t: (header: [String], rows: [[String]])) -> [Double] {
        guard let j = t.header.firstIndex(of: name) else { return [] }
        return t.rows.map { Double($0[j]) ?? .nan }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stroma-kinetics-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
