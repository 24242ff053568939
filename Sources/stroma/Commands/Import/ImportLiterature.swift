import ArgumentParser
import Foundation
import StromaWorkbench

/// Shared body of the literature imports: parse, call ``LiteratureImport``, print the summary.
enum ImportLiterature {
    static func run(paths: [String], kind: LiteratureImport.Kind, database: StoreOptions, format: OutputFormat) throws {
        var progress = ImportProgress()
        let summary = try LiteratureImport.run(
            paths.map(ImportInput.path), kind: kind, store: try database.openStore(), progress: { progress.update($0) })
        progress.finish()
        try summary.report(as: format, command: "import \(kind.rawValue)")
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
            paths: paths, kind: .pubmed, database: database, format: output.format)
    }
}

/// `stroma import ris PATH…`.
struct ImportRIS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ris", abstract: "Import RIS files.")
    @Argument(help: "RIS files.") var paths: [String]
    @OptionGroup var database: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try ImportLiterature.run(paths: paths, kind: .ris, database: database, format: output.format)
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
            paths: paths, kind: .syrf, database: database, format: output.format)
    }
}
