import ArgumentParser
import Foundation
import StromaImport

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
        guard query != nil || condition != nil else {
            throw ValidationError("give '--query' or '--condition' (or both)")
        }
        guard (1...1000).contains(pageSize) else {
            throw ValidationError("'--page-size' must be 1–1000, got \(pageSize)")
        }
        guard URL(string: baseURL)?.scheme != nil else {
            throw ValidationError("'--base-url' '\(baseURL)' is not a URL; valid: https://clinicaltrials.gov")
        }
    }

    func run() async throws {
        let client = CTGovClient(baseURL: URL(string: baseURL)!, pageSize: pageSize)
        var pipeline = ImportPipeline(store: try database.openStore(), batchSize: pageSize)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var token: String?
        var pages = 0
        repeat {
            let page = try await client.page(term: query, condition: condition, pageToken: token)
            pages += 1
            let file = folder.appendingPathComponent("page-\(pages).json")
            try page.data.write(to: file)
            try pipeline.importStudies(at: file)
            try pipeline.flush()
            try? FileManager.default.removeItem(at: file)
            token = page.nextPageToken
            if pipeline.progress.enabled {
                StandardStreams.writeMessage("fetch: page \(pages), \(pipeline.summary.read) studies")
            }
        } while token != nil && (maxPages.map { pages < $0 } ?? true)
        StandardStreams.writeData(try pipeline.summary.rendered(as: output.format))
    }
}
