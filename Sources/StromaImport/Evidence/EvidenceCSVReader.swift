import Foundation
import StromaDomain

/// Reads Stroma's evidence CSV: one row per arm × outcome × time point (docs/evidence.md).
///
/// Rows group into experiments by (`study`, `experiment`) and into arms by `arm`; experiment and
/// arm columns must agree across their rows. Dispersion: `sd`, or `se` (SD = SE·√n), or
/// `ci_lower` and `ci_upper` with `ci_level` (default 95): SD = √n·(upper − lower)/(2·t), t the
/// `(1 + level)/2` quantile of Student's t with n − 1 degrees of freedom (Cochrane Handbook
/// §6.5.2.2–6.5.2.3). Every error is one line naming the file, row (the first data row is 1),
/// line and column and what would be valid; the file is read whole before anything is returned.
public enum EvidenceCSVReader {
    /// Columns every file has.
    public static let requiredColumns = ["study", "arm", "role", "outcome", "mean", "n", "greater_is_worse"]
    /// Every column the layout knows, in documentation order.
    public static let knownColumns =
        requiredColumns + [
            "experiment", "citation", "authors", "year", "title", "journal", "doi", "pmid", "condition",
            "species", "model", "phase", "findings", "control_arm", "control_type", "source", "product_form",
            "dose", "dose_unit", "dose_basis", "route", "site", "timing_hours", "administrations", "animals",
            "time_hours", "sd", "se", "ci_lower", "ci_upper", "ci_level", "unit", "note",
        ]
    /// Columns that belong to the experiment and must agree across its rows.
    static let experimentColumns = [
        "citation", "authors", "year", "title", "journal", "doi", "pmid", "condition", "species", "model",
        "phase", "findings",
    ]
    /// Columns that belong to the arm and must agree across its rows.
    static let armColumns = [
        "role", "control_arm", "control_type", "source", "product_form", "dose", "dose_unit", "dose_basis",
        "route", "site", "timing_hours", "administrations", "animals",
    ]

    /// Reads a file.
    public static func read(
        contentsOf url: URL, resolve: @escaping EvidenceTermResolver, tQuantile: @escaping EvidenceTQuantile
    ) throws -> [EvidenceRecord] {
        try parse(MetaCSVRow.readText(url), fileName: url.lastPathComponent, resolve: resolve, tQuantile: tQuantile)
    }

    /// Parses file text; `fileName` names the file in messages and provenance.
    public static func parse(
        _ text: String, fileName: String, resolve: @escaping EvidenceTermResolver,
        tQuantile: @escaping EvidenceTQuantile
    ) throws -> [EvidenceRecord] {
        let records = try MetaCSVRecords(text: text, fileName: fileName, allowComments: true).records
        guard let header = records.first else {
            throw ImportError("file '\(fileName)': empty; expected the evidence CSV header (docs/evidence.md)")
        }
        let names = header.fields.map { $0.trimmingSpaces }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let key = name.lowercased()
            guard position[key] == nil else {
                throw ImportError("file '\(fileName)', line \(header.line), column '\(name)': the column appears twice")
            }
            guard knownColumns.contains(key) else {
                throw ImportError(
                    "file '\(fileName)', line \(header.line), column '\(name)': unknown column; valid: "
                        + knownColumns.joined(separator: ", "))
            }
            position[key] = index
        }
        for column in requiredColumns where position[column] == nil {
            throw ImportError(
                "file '\(fileName)', line \(header.line): missing column '\(column)'; an evidence CSV needs "
                    + requiredColumns.joined(separator: ", ") + " and sd, se or ci_lower,ci_upper")
        }
        guard
            position["sd"] != nil || position["se"] != nil
                || (position["ci_lower"] != nil && position["ci_upper"] != nil)
        else {
            throw ImportError(
                "file '\(fileName)', line \(header.line): missing column 'sd'; give sd, se, or ci_lower and ci_upper")
        }
        var rows: [EvidenceRow] = []
        for (index, record) in records.dropFirst().enumerated() {
            guard record.fields.count == names.count else {
                throw ImportError(
                    "file '\(fileName)', row \(index + 1) (line \(record.line)): \(record.fields.count) fields, "
                        + "but the header has \(names.count) columns")
            }
            let cell = MetaCSVRow(
                fields: record.fields, position: position, names: names, fileName: fileName, line: record.line)
            rows.append(EvidenceRow(cell: cell, row: index + 1))
        }
        var builder = EvidenceBuilder(fileName: fileName, resolve: resolve, tQuantile: tQuantile)
        for row in rows { try builder.add(row) }
        return try builder.finish()
    }

    /// `"Smith 2020 / A"` → `smith-2020-a`: lower-case letters and digits, other runs as `-`.
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash && !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}

/// One data row with its location; `error` names file, row, line and column.
struct EvidenceRow {
    var cell: MetaCSVRow
    var row: Int

    func text(_ column: String) -> String {
        let value = cell.text(column)
        return MetaCell.isMissing(value) ? "" : value
    }

    func error(_ column: String, _ message: String) -> ImportError {
        let name = cell.position[column].map { cell.names[$0] } ?? column
        return ImportError(
            "file '\(cell.fileName)', row \(row) (line \(cell.line)), column '\(name)': \(message)")
    }

    /// A required number passing `rule`; `valid` says what is valid.
    func number(_ column: String, valid: String, _ rule: (Double) -> Bool = { _ in true }) throws -> Double {
        let value = text(column)
        if value.isEmpty { throw error(column, "missing value; expected \(valid)") }
        guard let number = MetaCell.number(value) else {
            throw error(column, "'\(value)' is not a number; expected \(valid)")
        }
        guard rule(number) else { throw error(column, "\(value) is invalid; expected \(valid)") }
        return number
    }

    /// An optional number passing `rule`.
    func optionalNumber(_ column: String, valid: String, _ rule: (Double) -> Bool = { _ in true }) throws -> Double? {
        text(column).isEmpty ? nil : try number(column, valid: valid, rule)
    }

    /// An optional whole number ≥ `minimum`.
    func optionalCount(_ column: String, minimum: Int) throws -> Int? {
        guard
            let value = try optionalNumber(
                column, valid: "a whole number ≥ \(minimum)",
                {
                    $0 == $0.rounded() && $0 >= Double(minimum)
                })
        else { return nil }
        return Int(value)
    }
}
