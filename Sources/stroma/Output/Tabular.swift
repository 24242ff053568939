/// A value that can be printed in all three formats: as a table and CSV from the same rows, and
/// as JSON from its `Encodable` form.
protocol Tabular {
    associatedtype JSONValue: Encodable
    var headers: [String] { get }
    var rows: [[String]] { get }
    var jsonValue: JSONValue { get }
}

extension Tabular {
    /// Renders in the chosen format; the text ends with a newline.
    func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .table: TextTable(headers: headers, rows: rows).render()
        case .csv: CSVText.render(headers: headers, rows: rows)
        case .json: try JSONText.render(jsonValue)
        }
    }
}
