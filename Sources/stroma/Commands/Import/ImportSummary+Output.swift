import ArgumentParser
import StromaWorkbench

/// The import summary as table, CSV or JSON: counts, then one row per failed record and per warning.
extension ImportSummary: Tabular {
    var headers: [String] { ["outcome", "records", "details"] }
    var rows: [[String]] {
        var out = [
            ["read", String(read), ""], ["new", String(new), ""],
            ["updated", String(updated), ""], ["unchanged", String(unchanged), ""],
            ["failed", String(failed), ""],
        ]
        out += failures.map { ["failed", $0.record, $0.reason] }
        out += warnings.map { ["warning", $0.record, $0.reason] }
        return out
    }
    var jsonValue: ImportSummary { self }

    /// Prints the summary on stdout and each warning on stderr, then ends the command with ``exitStatus``
    /// (1 when everything failed, 3 when some records failed) after saying so on stderr.
    func report(as format: OutputFormat, command: String) throws {
        StandardStreams.writeData(try rendered(as: format))
        for warning in warnings { StandardStreams.writeMessage("warning: \(warning.record): \(warning.reason)") }
        let status = exitStatus
        guard status != 0 else { return }
        StandardStreams.writeMessage(
            status == Self.allFailed
                ? "\(command): nothing imported; \(failed) failed (exit status \(status))"
                : "\(command): \(failed) failed, \(stored) stored (exit status \(status))")
        throw ExitCode(status)
    }
}
