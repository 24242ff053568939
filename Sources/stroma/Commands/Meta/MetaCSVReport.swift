import StromaDomain
import StromaWorkbench

/// The `--format csv` tables of `stroma meta pool`.
enum MetaCSVReport {
    /// One row per study: `study,line,yi,vi,se,ci_lb,ci_ub,weight` and the moderator columns.
    static func studies(_ result: MetaPoolResult, moderatorColumns: [String]) -> (headers: [String], rows: [[String]]) {
        let headers = ["study", "line", "yi", "vi", "se", "ci_lb", "ci_ub", "weight"] + moderatorColumns
        let rows = result.summary.studies.map { row in
            [
                row.study, row.line.map(String.init) ?? "", full(row.yi), full(row.vi), full(row.se),
                full(row.ciLower), full(row.ciUpper), full(row.weight),
            ] + moderatorColumns.map { row.moderators[$0]?.description ?? "" }
        }
        return (headers, rows)
    }

    /// Shortest round-trip text of a double; `NA` when missing or not finite.
    static func full(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "NA" }
        return "\(value)"
    }
}
