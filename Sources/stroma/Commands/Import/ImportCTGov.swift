import ArgumentParser
import Foundation
import StromaWorkbench

/// `stroma import ctgov PATH…`: ClinicalTrials.gov API v2 JSON (study, page, folder or ZIP).
struct ImportCTGov: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctgov",
        abstract: "Import ClinicalTrials.gov API v2 studies (a study file, a page, a folder or the bulk ZIP).")

    @Argument(help: "Files, folders or ZIP archives.")
    var paths: [String]

    @OptionGroup var database: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: "Records per transaction (each record is whole either way).")
    var batchSize: Int = 500

    func validate() throws {
        guard batchSize >= 1 else {
            throw ValidationError("'--batch-size' must be at least 1, got \(batchSize)")
        }
    }

    func run() async throws {
        var progress = ImportProgress()
        let summary = try RegistryImport.run(
            paths.map(ImportInput.path), store: try database.openStore(), batchSize: batchSize,
            progress: { progress.update($0) })
        progress.finish()
        try summary.report(as: output.format, command: "import ctgov")
    }
}
