import ArgumentParser
import Foundation
import StromaDomain
import StromaImport
import StromaStore

/// Shared body of the literature imports: read each file, check its format, write records.
enum ImportLiterature {
    static func run(
        paths: [String], accepted: Set<ImportFormat>, kind: String, database: StoreOptions,
        format: OutputFormat
    ) throws {
        let store = try database.openStore()
        var summary = ImportSummary()
        var progress = ImportProgress()
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let sniffed = ImportFormatSniffer.sniff(url)
            guard accepted.contains(sniffed) else {
                summary.fail(
                    path,
                    "'\(url.lastPathComponent)' is \(sniffed.summary); `stroma import \(kind)` reads \(accepted.map(\.summary).sorted().joined(separator: " or "))"
                )
                continue
            }
            let records: [BibliographicRecord]
            do {
                records = try BibliographyReader.read(url)
            } catch {
                summary.fail(path, String(describing: error))
                continue
            }
            summary.read += records.count
            progress.update(summary.read, "import \(kind)")
            // One transaction per file, one savepoint per record.
            let results = try store.upsertBibliographicRecords(records)
            for (index, (record, result)) in zip(records, results).enumerated() {
                let name =
                    record.pmid.map { "PMID \($0)" } ?? record.doi.map { "doi:\($0)" }
                    ?? "\(url.lastPathComponent) record \(index + 1)"
                switch result {
                case .success(let outcome): summary.add(outcome, record: name)
                case .failure(let error): summary.fail(name, error.description)
                }
            }
        }
        progress.finish()
        StandardStreams.writeData(try summary.rendered(as: format))
    }
}

/// `stroma import pubmed PATH…`: PubMed XML (efetch) or MEDLINE (.nbib).
struct ImportPubMed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pubmed", abstract: "Import PubMed XML or MEDLINE (.nbib) files.")
    @Argument(help: "PubMed XML or MEDLINE files.") var paths: [String]
    @OptionGroup var database: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try ImportLiterature.run(
            paths: paths, accepted: [.pubmedXML, .medline], kind: "pubmed", database: database, format: output.format)
    }
}

/// `stroma import ris PATH…`.
struct ImportRIS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ris", abstract: "Import RIS files.")
    @Argument(help: "RIS files.") var paths: [String]
    @OptionGroup var database: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try ImportLiterature.run(paths: paths, accepted: [.ris], kind: "ris", database: database, format: output.format)
    }
}

/// `stroma import syrf PATH…`: a SyRF study list CSV.
struct ImportSyRF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syrf", abstract: "Import a SyRF study list (CSV).")
    @Argument(help: "SyRF CSV files.") var paths: [String]
    @OptionGroup var database: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try ImportLiterature.run(
            paths: paths, accepted: [.syrfBibliographic], kind: "syrf", database: database, format: output.format)
    }
}
