import StromaWorkbench

/// Prints a diagnostics result: rows for table/CSV, the result's JSON for `--format json`.
struct MetaRowsOutput {
    var title: String
    var headers: [String]
    /// Rows for the given number style (table: rounded; CSV: full precision).
    var rows: (NumberStyle) -> [[String]]

    func write<Body>(_ format: OutputFormat, result: MetaDiagnosticsResult<Body>) throws {
        switch format {
        case .table:
            StandardStreams.writeData(
                title + "\n\n" + TextTable(headers: headers, rows: rows(NumberStyle(machine: false))).render())
            MetaSVGFile.writeWarnings(result.header.warnings)
        case .csv:
            StandardStreams.writeData(CSVText.render(headers: headers, rows: rows(NumberStyle(machine: true))))
            MetaSVGFile.writeWarnings(result.header.warnings)
        case .json:
            StandardStreams.writeData(try JSONText.render(result))
        }
    }
}

/// How numbers are written: rounded for the terminal, full precision for CSV.
struct NumberStyle {
    var machine: Bool

    func f(_ value: Double?, _ digits: Int = 4) -> String {
        machine ? MetaCSVReport.full(value) : MetaTextReport.f(value, digits)
    }

    func p(_ value: Double?) -> String {
        guard let value else { return "NA" }
        return machine ? MetaCSVReport.full(value) : MetaTextReport.p(value)
    }
}
