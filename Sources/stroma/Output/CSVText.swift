import Foundation

/// Writes RFC 4180 CSV: fields containing a comma, quote, CR or LF are quoted and quotes doubled.
enum CSVText {
    static func render(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n")
            + "\n"
    }

    static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
