import ArgumentParser
import Foundation
import StromaWorkbench

/// `stroma fetch ctgov --query …`: pages through the live API v2 and imports every study.
struct FetchCTGov: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctgov",
        abstract: "Download ClinicalTrials.gov studies (API v2) and import them.",
        discussion: """
            Pages through /api/v2/studies with query.term (and query.cond) until the last page or \
            --max-pages, importing each page as `stroma import ctgov` would (idempotent, \
            versioned). Example: stroma fetch ctgov --query "mesenchymal stem cells" --condition "spinal cord injury"
            """)

    @Option(name: .long, help: "Search terms (query.term).")
    var query: String?

    @Option(name: .long, help: "Condition (query.cond).")
    var condition: String?

    @Option(name: .long, help: "Studies per page (1–1000).")
    var pageSize: Int = 100

    @Option(name: .long, help: "Stop after this many pages (default: all).")
    var maxPages: Int?

    @Option(name: .long, help: "API base URL (tests use a local stand-in).")
    var baseURL: String = "https://clinicaltrials.gov"

    @OptionGroup var database: StoreOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard URL(string: baseURL)?.scheme != nil else {
            throw ValidationError("'--base-url' '\(baseURL)' is not a URL; valid: https://clinicaltrials.gov")
        }
        do {
            try request.validate()
        } catch let error as WorkbenchError {
            throw ValidationError(error.message)
        }
    }

    var request: RegistryFetch.Request {
        RegistryFetch.Request(
            term: query, condition: condition, pageSize: pageSize, maxPages: maxPages,
            baseURL: URL(string: baseURL) ?? URL(fileURLWithPath: "/"))
    }

    func run() async throws {
        var progress = ImportProgress()
        let showPages = progress.enabled
        let summary = try await RegistryFetch.run(
            request, store: try database.openStore(),
            progress: { update in
                progress.update(update)
                if showPages, let pages = update.pages {
                    StandardStreams.writeMessage("fetch: page \(pages), \(update.records) studies")
                }
            })
        progress.finish()
        try summary.report(as: output.format, command: "fetch ctgov")
    }
}
