import Foundation
import StromaStore

/// Downloads ClinicalTrials.gov studies page by page (API v2 `query.term`, `query.cond`) and imports each page as
/// ``RegistryImport`` would (idempotent, versioned): a page's bytes go straight from the response to the reader,
/// never through a temporary file, and each page is committed before the next is requested.
public enum RegistryFetch {
    /// What to fetch.
    public struct Request: Sendable, Equatable {
        /// `query.term`.
        public var term: String?
        /// `query.cond`.
        public var condition: String?
        /// Studies per page, 1–1000.
        public var pageSize: Int
        /// Stop after this many pages (`nil`: every page).
        public var maxPages: Int?
        public var baseURL: URL

        public init(
            term: String? = nil, condition: String? = nil, pageSize: Int = 100, maxPages: Int? = nil,
            baseURL: URL = URL(string: "https://clinicaltrials.gov")!
        ) {
            self.term = term
            self.condition = condition
            self.pageSize = pageSize
            self.maxPages = maxPages
            self.baseURL = baseURL
        }

        /// Checks the request: a term or a condition, a page size of 1–1000, at least one page.
        public func validate() throws {
            guard term != nil || condition != nil else {
                throw WorkbenchError(
                    .invalidInput, "give '--query' or '--condition' (or both)", option: "query")
            }
            guard (1...1000).contains(pageSize) else {
                throw WorkbenchError(
                    .invalidInput, "'--page-size' must be 1–1000, got \(pageSize)", option: "page-size",
                    valid: ["1–1000"])
            }
            if let maxPages, maxPages < 1 {
                throw WorkbenchError(
                    .invalidInput, "'--max-pages' must be at least 1, got \(maxPages)", option: "max-pages")
            }
        }
    }

    /// Fetches and imports every page; returns the import summary.
    ///
    /// Throws ``WorkbenchError`` for an invalid
    /// request, a failed download (what was imported before it stays) or a store that cannot be written.
    public static func run(
        _ request: Request, store: StromaStore, progress: ImportProgressHandler? = nil
    ) async throws -> ImportSummary {
        try request.validate()
        let client = CTGovClient(baseURL: request.baseURL, pageSize: request.pageSize)
        var pages = 0
        var importer = RegistryImport(store: store, batchSize: request.pageSize, label: "fetch ctgov")
        var token: String?
        repeat {
            let page = try await client.page(term: request.term, condition: request.condition, pageToken: token)
            pages += 1
            try importer.add(.bytes(page.data, name: "page-\(pages).json"))
            try importer.flush()
            token = page.nextPageToken
            progress?(ImportProgressUpdate(label: "fetch ctgov", records: importer.summary.read, pages: pages))
        } while token != nil && (request.maxPages.map { pages < $0 } ?? true)
        return try importer.finish()
    }
}
