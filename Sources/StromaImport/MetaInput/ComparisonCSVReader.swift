import Foundation
import StromaDomain

/// Reads Stroma's meta-analysis CSV layout: one row per comparison.
///
/// Columns (header names case-insensitive, any order; documented in docs/meta-analysis.md):
/// - `study` (required): the label shown in tables and forest plots.
/// - exactly one data kind: `yi,vi` | `n1,m1,sd1,n2,m2,sd2` (optional `m_sham`, `error_type`
///   SD|SEM, default SD) | `ai,bi,ci,di` | `ri,ni` | `xi,ni`. Group 1 is treated, 2 control.
/// - optional `greater_is_worse` (TRUE/FALSE), `control_group` (shared control id).
/// - every other column is a moderator; numeric when all its non-empty values parse.
///
/// Lines starting with `#` are comments. Empty cells, `NA` and `NaN` are missing values.
public enum ComparisonCSVReader {
    /// Reads and validates a file.
    public static func read(contentsOf url: URL) throws -> ComparisonTable {
        try parse(MetaCSVRow.readText(url), fileName: url.lastPathComponent)
    }

    /// The recognised data kinds and their columns.
    static let kinds: [(name: String, columns: [String])] = [
        ("yi,vi", ["yi", "vi"]),
        ("n1,m1,sd1,n2,m2,sd2", ["n1", "m1", "sd1", "n2", "m2", "sd2"]),
        ("ai,bi,ci,di", ["ai", "bi", "ci", "di"]),
        ("ri,ni", ["ri", "ni"]),
        ("xi,ni", ["xi", "ni"]),
    ]
    static let dataColumns: Set<String> = [
        "yi", "vi", "n1", "m1", "sd1", "n2", "m2", "sd2", "m_sham", "error_type",
        "ai", "bi", "ci", "di", "ri", "ni", "xi",
    ]
    static let fixedColumns: Set<String> = ["study", "greater_is_worse", "control_group"]

    /// Parses CSV text; `fileName` names the file in messages.
    public static func parse(_ text: String, fileName: String) throws -> ComparisonTable {
        let records = try MetaCSVRecords(text: text, fileName: fileName, allowComments: true).records
        guard let header = records.first else {
            throw ImportError(
                "file '\(fileName)': no header row; expected a header such as "
                    + "'study,yi,vi'")
        }
        let names = header.fields.map { $0.trimmingSpaces }
        let lower = names.map { $0.lowercased() }
        var position: [String: Int] = [:]
        for (index, name) in lower.enumerated() {
            if name.isEmpty {
                throw ImportError(
                    "file '\(fileName)', line \(header.line): column \(index + 1) "
                        + "has an empty header; give every column a name")
            }
            if position[name] != nil {
                throw ImportError(
                    "file '\(fileName)', line \(header.line): column '\(names[index])' "
                        + "appears twice; header names are case-insensitive")
            }
            position[name] = index
        }
        guard position["study"] != nil else {
            throw ImportError(
                "file '\(fileName)', line \(header.line): missing column 'study'; "
                    + "every row needs a study label")
        }
        let kind = try dataKind(lower: lower, names: names, fileName: fileName, line: header.line)
        let moderatorIndices = lower.indices.filter {
            !dataColumns.contains(lower[$0]) && !fixedColumns.contains(lower[$0])
        }
        var comparisons: [Comparison] = []
        var moderatorCells: [[String]] = []
        for record in records.dropFirst() {
            let fields = record.fields
            if fields.count != names.count {
                throw ImportError(
                    "file '\(fileName)', line \(record.line): \(fields.count) fields, "
                        + "but the header has \(names.count) columns")
            }
            let row = MetaCSVRow(
                fields: fields, position: position, names: names, fileName: fileName,
                line: record.line)
            let study = row.text("study")
            guard !study.isEmpty else {
                throw ImportError(
                    "file '\(fileName)', line \(record.line), column 'study': missing "
                        + "value; every row needs a study label")
            }
            let data = try row.data(kind: kind)
            var greaterIsWorse: Bool?
            if position["greater_is_worse"] != nil, !MetaCell.isMissing(row.text("greater_is_worse")) {
                guard let flag = MetaCell.boolean(row.text("greater_is_worse")) else {
                    throw row.error(
                        "greater_is_worse",
                        "'\(row.text("greater_is_worse"))' is not "
                            + "TRUE or FALSE")
                }
                greaterIsWorse = flag
            }
            let control = position["control_group"] == nil ? "" : row.text("control_group")
            comparisons.append(
                Comparison(
                    study: study, data: data, greaterIsWorse: greaterIsWorse,
                    controlGroup: MetaCell.isMissing(control) ? nil : control, line: record.line))
            moderatorCells.append(moderatorIndices.map { fields[$0] })
        }
        guard !comparisons.isEmpty else {
            throw ImportError("file '\(fileName)': no data rows after the header")
        }
        let columns = moderatorIndices.map { names[$0] }
        let moderators = MetaCell.moderators(columns: columns, values: moderatorCells)
        for index in comparisons.indices { comparisons[index].moderators = moderators[index] }
        return ComparisonTable(comparisons: comparisons, moderatorColumns: columns)
    }

    /// Finds the single complete data kind, or throws naming the offending column.
    static func dataKind(lower: [String], names: [String], fileName: String, line: Int) throws
        -> String
    {
        let present = Set(lower)
        let complete = kinds.filter { $0.columns.allSatisfy(present.contains) }
        let where_ = "file '\(fileName)', line \(line)"
        let valid = "valid data kinds: " + kinds.map(\.name).joined(separator: " | ")
        guard let kind = complete.first else {
            // Name the most complete kind's missing column.
            let best = kinds.max { a, b in
                a.columns.filter(present.contains).count < b.columns.filter(present.contains).count
            }!
            let missing = best.columns.first { !present.contains($0) }!
            if best.columns.contains(where: present.contains) {
                throw ImportError("\(where_): data kind \(best.name) needs column '\(missing)'")
            }
            throw ImportError("\(where_): no data columns found; \(valid)")
        }
        if complete.count > 1 {
            throw ImportError(
                "\(where_): columns for two data kinds (\(complete[0].name) and "
                    + "\(complete[1].name)); keep one")
        }
        var allowed = Set(kind.columns)
        if kind.name.hasPrefix("n1") { allowed.formUnion(["m_sham", "error_type"]) }
        for (index, name) in lower.enumerated() where dataColumns.contains(name) && !allowed.contains(name) {
            throw ImportError(
                "\(where_): column '\(names[index])' does not belong to data kind "
                    + "\(kind.name); valid columns: \(allowed.sorted().joined(separator: ", "))")
        }
        return kind.name
    }
}
