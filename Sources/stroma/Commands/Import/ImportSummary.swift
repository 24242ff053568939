import StromaStore

/// The end-of-import summary: counts per outcome and one line per failed record.
///
/// JSON: `{"read", "new", "updated", "unchanged", "failed", "failures": [{"record", "reason"}],
/// "updates": [{"record", "reason"}]}`.
struct ImportSummary: Tabular, Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var record: String
        var reason: String
    }

    var read = 0
    var new = 0
    var updated = 0
    var unchanged = 0
    var failed = 0
    var failures: [Line] = []
    var updates: [Line] = []

    mutating func add(_ outcome: RegistryUpsertOutcome, record: String) {
        switch outcome {
        case .new: new += 1
        case .updated(let reason):
            updated += 1
            updates.append(Line(record: record, reason: reason))
        case .unchanged: unchanged += 1
        }
    }

    mutating func fail(_ record: String, _ reason: String) {
        failed += 1
        failures.append(Line(record: record, reason: reason))
    }

    var headers: [String] { ["outcome", "records", "details"] }
    var rows: [[String]] {
        var out = [
            ["read", String(read), ""], ["new", String(new), ""],
            ["updated", String(updated), ""], ["unchanged", String(unchanged), ""],
            ["failed", String(failed), ""],
        ]
        out += failures.map { ["failed", $0.record, $0.reason] }
        return out
    }
    var jsonValue: ImportSummary { self }
}
