import Foundation
import StromaDomain
import StromaImport
import StromaStore

/// Imports literature files (PubMed XML or MEDLINE, RIS, SyRF study lists) into the store: each file is checked
/// against the formats its kind accepts, read, and written in one transaction with one savepoint per record.
public enum LiteratureImport {
    /// Which `stroma import` subcommand (or API route) the files were given to, and the formats it reads.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case pubmed, ris, syrf

        /// The formats this kind accepts.
        public var accepted: Set<ImportFormat> {
            switch self {
            case .pubmed: [.pubmedXML, .medline]
            case .ris: [.ris]
            case .syrf: [.syrfBibliographic]
            }
        }
    }

    /// Imports every input; a file in another format, unreadable or missing is a failure in the summary.
    ///
    /// Throws
    /// ``WorkbenchError`` (`store`) only when the store cannot be written.
    public static func run(
        _ inputs: [ImportInput], kind: Kind, store: StromaStore, progress: ImportProgressHandler? = nil
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        let accepted = kind.accepted.map(\.summary).sorted().joined(separator: " or ")
        for input in inputs {
            let name = (input.name as NSString).lastPathComponent
            let data: Data
            switch input {
            case .bytes(let bytes, _): data = bytes
            case .path(let path):
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    summary.fail(path, "'\(path)' does not exist; valid: \(accepted) files")
                    continue
                }
                if isDirectory.boolValue {
                    summary.fail(
                        path, "'\(path)' is a folder; `stroma import \(kind.rawValue)` reads \(accepted) files")
                    continue
                }
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    summary.fail(path, "cannot read '\(path)': \(error.localizedDescription)")
                    continue
                }
            }
            let sniffed = ImportFormatSniffer.sniff(data: data, fileName: name)
            guard kind.accepted.contains(sniffed) else {
                summary.fail(
                    input.name, "'\(name)' is \(sniffed.summary); `stroma import \(kind.rawValue)` reads \(accepted)")
                continue
            }
            let records: [BibliographicRecord]
            do {
                records = try BibliographyReader.read(data: data, name: name)
            } catch {
                summary.fail(input.name, String(describing: error))
                continue
            }
            summary.read += records.count
            progress?(ImportProgressUpdate(label: "import \(kind.rawValue)", records: summary.read))
            let results: [Result<RegistryUpsertOutcome, StoreError>]
            do {
                results = try store.upsertBibliographicRecords(records)
            } catch {
                throw WorkbenchError(.store, String(describing: error))
            }
            for (index, (record, result)) in zip(records, results).enumerated() {
                let label =
                    record.pmid.map { "PMID \($0)" } ?? record.doi.map { "doi:\($0)" } ?? "\(name) record \(index + 1)"
                switch result {
                case .success(let outcome):
                    summary.add(outcome, record: label)
                case .failure(let error): summary.fail(label, error.description)
                }
            }
        }
        return summary
    }
}
