import Foundation

/// Renders rows as an aligned plain-text table for terminals.
///
/// Columns are separated by two spaces, the header is underlined with `-`, and cells longer than
/// `maxCellWidth` are cut with `…` (full values are in `--format json|csv`).
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    var maxCellWidth: Int = 60

    func render() -> String {
        let clipped = rows.map { row in row.map { clip($0) } }
        var widths = headers.map(\.count)
        for row in clipped {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                let pad = isLast ? "" : String(repeating: " ", count: widths[index] - cell.count)
                parts.append(cell + pad)
            }
            return parts.joined(separator: "  ")
        }
        var out = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        out += clipped.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    private func clip(_ cell: String) -> String {
        let flat = cell.replacingOccurrences(of: "\n", with: " ")
        guard flat.count > maxCellWidth else { return flat }
        return String(flat.prefix(maxCellWidth - 1)) + "…"
    }
}
