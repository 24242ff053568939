import Foundation

/// One data row of a meta-analysis CSV (the comparison layout or a SyRF export) with its
/// location, so that every message names the file, line and column.
struct MetaCSVRow {
    var fields: [String]
    /// Column index by lower-cased header name.
    var position: [String: Int]
    /// Header names as written.
    var names: [String]
    var fileName: String
    var line: Int

    /// Reads a whole file as UTF-8 text, or fails naming it.
    static func readText(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ImportError("file '\(url.path)': cannot be read as UTF-8 text")
        }
    }

    /// The trimmed cell of a column (case-insensitive name), or "" when the column is absent.
    func text(_ column: String) -> String {
        guard let index = position[column.lowercased()] else { return "" }
        return fields[index].trimmingSpaces
    }

    func error(_ column: String, _ message: String) -> ImportError {
        let name = position[column.lowercased()].map { names[$0] } ?? column
        return ImportError("file '\(fileName)', line \(line), column '\(name)': \(message)")
    }

    /// A required number; `rule` checks it and `valid` says what is valid.
    func number(_ column: String, valid: String, _ rule: (Double) -> Bool = { _ in true })
        throws -> Double
    {
        let cell = text(column)
        if MetaCell.isMissing(cell) { throw error(column, "missing value; expected \(valid)") }
        guard let value = MetaCell.number(cell) else {
            throw error(column, "'\(cell)' is not a number; expected \(valid)")
        }
        guard rule(value) else { throw error(column, "\(cell) is invalid; expected \(valid)") }
        return value
    }

    /// A required TRUE/FALSE cell.
    func flag(_ column: String) throws -> Bool {
        guard let value = MetaCell.boolean(text(column)) else {
            let cell = text(column)
            throw error(
                column,
                cell.isEmpty
                    ? "missing value; expected TRUE or FALSE"
                    : "'\(cell)' is not TRUE or FALSE")
        }
        return value
    }
}
