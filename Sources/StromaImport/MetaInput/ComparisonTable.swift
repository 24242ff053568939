import StromaDomain

/// Comparisons read from a meta-analysis input file, with the moderator columns it declares.
public struct ComparisonTable: Sendable, Hashable {
    /// One value per comparison row, in file order.
    public var comparisons: [Comparison]
    /// Moderator column names in file order (as written in the header, trimmed).
    public var moderatorColumns: [String]
    /// Rows dropped or data repaired while reading, one line each.
    public var warnings: [String]

    public init(comparisons: [Comparison], moderatorColumns: [String], warnings: [String] = []) {
        self.comparisons = comparisons
        self.moderatorColumns = moderatorColumns
        self.warnings = warnings
    }

    /// The moderator column whose name matches `name` case-insensitively, if any.
    public func moderatorColumn(named name: String) -> String? {
        let wanted = name.trimmingSpaces.lowercased()
        return moderatorColumns.first { $0.lowercased() == wanted }
    }
}

/// Parsing helpers shared by the meta-analysis readers.
enum MetaCell {
    /// Parses a number written with a `.` decimal point (spaces trimmed); `nil` for anything else.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// Whether the cell means "no value": empty, `NA`, `NaN`, `.` (spaces trimmed).
    static func isMissing(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces.lowercased()
        return trimmed.isEmpty || trimmed == "na" || trimmed == "nan" || trimmed == "."
    }

    /// Parses TRUE/FALSE, yes/no, 1/0 (case-insensitive); `nil` if not one of those.
    static func boolean(_ text: String) -> Bool? {
        switch text.trimmingSpaces.lowercased() {
        case "true", "t", "yes", "y", "1": true
        case "false", "f", "no", "n", "0": false
        default: nil
        }
    }

    /// Builds moderator values per column: numeric when every non-missing value parses.
    static func moderators(
        columns: [String], values: [[String]]
    ) -> [[String: ModeratorValue]] {
        var result = Array(repeating: [String: ModeratorValue](), count: values.count)
        for (columnIndex, column) in columns.enumerated() {
            let cells = values.map { $0[columnIndex] }
            let present = cells.filter { !isMissing($0) }
            let numeric = !present.isEmpty && present.allSatisfy { number($0) != nil }
            for (row, cell) in cells.enumerated() where !isMissing(cell) {
                result[row][column] = numeric ? .number(number(cell)!) : .text(cleanText(cell))
            }
        }
        return result
    }

    /// Trims spaces and normalises `;`-joined multi-values to `a; b`.
    static func cleanText(_ text: String) -> String {
        let trimmed = text.trimmingSpaces
        guard trimmed.contains(";") else { return trimmed }
        return trimmed.split(separator: ";").map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
