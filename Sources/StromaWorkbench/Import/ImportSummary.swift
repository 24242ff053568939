import StromaStore

/// The end-of-import summary: counts per outcome, one line per failed record, per updated record and per
/// warning.
///
/// JSON: `{"read", "new", "updated", "unchanged", "failed", "failures": [{"record", "reason"}],
/// "updates": [{"record", "reason"}], "warnings": [{"record", "reason"}]}` (docs/import-formats.md).
public struct ImportSummary: Codable, Sendable, Equatable {
    /// One record and what happened to it.
    public struct Line: Codable, Sendable, Equatable {
        public var record: String
        public var reason: String
        public init(record: String, reason: String) {
            self.record = record
            self.reason = reason
        }
    }

    public var read = 0
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    public var failed = 0
    public var failures: [Line] = []
    public var updates: [Line] = []
    /// What the readers noticed but did not refuse (an identifier the file name contradicts, a value dropped);
    /// the record was stored, and the warning with it.
    public var warnings: [Line] = []

    public init() {}

    /// Counts one stored record.
    public mutating func add(_ outcome: RegistryUpsertOutcome, record: String) {
        switch outcome {
        case .new: new += 1
        case .updated(let reason):
            updated += 1
            updates.append(Line(record: record, reason: reason))
        case .unchanged: unchanged += 1
        }
    }

    /// Counts one record (or file) that could not be read or stored.
    public mutating func fail(_ record: String, _ reason: String) {
        failed += 1
        failures.append(Line(record: record, reason: reason))
    }

    /// Notes a warning about a stored record.
    public mutating func warn(_ record: String, _ reason: String) {
        warnings.append(Line(record: record, reason: reason))
    }

    /// Records stored (new, updated or unchanged).
    public var stored: Int { new + updated + unchanged }

    /// The exit status an import ends with: 0 when nothing failed (an empty input included), 1 when everything
    /// failed (nothing stored: a missing path, a retired format, every record refused), 3 when some records
    /// failed and others were stored.
    ///
    /// The summary is printed either way.
    public var exitStatus: Int32 {
        guard failed > 0 else { return 0 }
        return stored == 0 ? Self.allFailed : Self.someFailed
    }

    /// ``exitStatus`` when every record or file failed.
    public static let allFailed: Int32 = 1
    /// ``exitStatus`` when some records failed and others were stored.
    public static let someFailed: Int32 = 3
}
