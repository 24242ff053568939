import Foundation
import StromaDomain
import StromaImport
import StromaStatistics
import StromaStore

/// `stroma evidence import FILE`: reads an evidence CSV and writes its experiments into the store
/// in one transaction.
///
/// Vocabulary cells (condition, species, model, phase, source, product form, route, outcome) are
/// resolved against the store's vocabulary by id, label or synonym; an unknown name fails with the
/// nearest terms. Re-importing the same file is a no-op; a changed row makes its experiment a new
/// version (the old one kept in history). A bad file writes nothing.
public enum EvidenceImport {
    /// What one import did (JSON keys in docs/evidence.md).
    public struct Result: Sendable, Codable, Equatable {
        public var file: String
        public var path: String
        public var layout: String
        public var experiments: Int
        public var arms: Int
        public var measurements: Int
        public var added: [String]
        public var changed: [String]
        public var unchanged: [String]
    }

    /// Imports the evidence CSV at `path` into `store`.
    /// - Throws: ``WorkbenchError`` naming the file, row, column and what would be valid.
    public static func run(path: String, store: StromaStore) throws -> Result {
        try FilePaths.checkReadableFile(path, option: "FILE")
        let url = URL(fileURLWithPath: path)
        let records: [EvidenceRecord]
        do {
            records = try EvidenceCSVReader.read(
                contentsOf: url, resolve: resolver(store), tQuantile: { Distributions.tQuantile($0, df: $1) })
        } catch let error as ImportError {
            throw WorkbenchError(.invalidInput, error.description, file: url.lastPathComponent)
        }
        let outcome = try store.writeEvidence(
            records.map { .init(experiment: $0.experiment, study: $0.study, rows: $0.rows) },
            file: url.lastPathComponent, path: url.standardizedFileURL.path)
        return Result(
            file: url.lastPathComponent, path: url.standardizedFileURL.path, layout: "evidence-csv",
            experiments: records.count, arms: records.reduce(0) { $0 + $1.experiment.arms.count },
            measurements: records.reduce(0) { $0 + $1.experiment.measurements.count }, added: outcome.added,
            changed: outcome.changed, unchanged: outcome.unchanged)
    }

    /// Resolves a name to the id of the best-matching term of `kind`, or fails with suggestions.
    static func resolver(_ store: StromaStore) -> EvidenceTermResolver {
        { kind, name in
            if let term = try store.matchingTerms(name, kind: kind).first { return term.id }
            throw try store.unknownTermError(name, kind: kind)
        }
    }
}
