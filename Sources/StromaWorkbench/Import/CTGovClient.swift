import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A minimal async client for the ClinicalTrials.gov API v2 `studies` endpoint.
///
/// `GET {base}/api/v2/studies?query.term=…&query.cond=…&pageSize=…&pageToken=…&format=json`;
/// a page is `{"studies": [...], "nextPageToken": "..."}` and the last page has no token.
/// https://clinicaltrials.gov/data-api/api
///
/// Each page is held in memory only while it is imported (``RegistryFetch`` hands its bytes to the reader; no
/// temporary files).
public struct CTGovClient: Sendable {
    public var baseURL: URL
    public var pageSize: Int

    public init(baseURL: URL, pageSize: Int) {
        self.baseURL = baseURL
        self.pageSize = pageSize
    }

    /// One downloaded page: its bytes, the token of the next page (`nil` on the last) and its number of studies.
    public struct Page: Sendable {
        public var data: Data
        public var nextPageToken: String?
        public var studyCount: Int
    }

    /// The URL of one page.
    public func url(term: String?, condition: String?, pageToken: String?) throws -> URL {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            throw WorkbenchError(
                .invalidInput, "'--base-url' \(baseURL) is not a valid URL; valid: https://clinicaltrials.gov",
                option: "base-url", valid: ["https://clinicaltrials.gov"])
        }
        components.path =
            (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path)
            + "/api/v2/studies"
        var items = [
            URLQueryItem(name: "format", value: "json"), URLQueryItem(name: "pageSize", value: String(pageSize)),
        ]
        if let term { items.append(URLQueryItem(name: "query.term", value: term)) }
        if let condition { items.append(URLQueryItem(name: "query.cond", value: condition)) }
        if let pageToken { items.append(URLQueryItem(name: "pageToken", value: pageToken)) }
        components.queryItems = items
        guard let url = components.url else {
            throw WorkbenchError(
                .invalidInput, "cannot build a request URL from '--base-url' \(baseURL)", option: "base-url")
        }
        return url
    }

    /// Downloads one page.
    public func page(term: String?, condition: String?, pageToken: String?) async throws -> Page {
        let url = try url(term: term, condition: condition, pageToken: pageToken)
        var request = URLRequest(url: url)
        request.timeoutInterval = 60
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await Self.load(request)
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            let body = String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw WorkbenchError(.failed, "GET \(url.absoluteString) returned HTTP \(http.statusCode): \(body)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let studies = object["studies"] as? [Any]
        else {
            throw WorkbenchError(
                .failed, "GET \(url.absoluteString) did not return an API v2 page (no 'studies' array)")
        }
        return Page(data: data, nextPageToken: object["nextPageToken"] as? String, studyCount: studies.count)
    }

    private static func load(_ request: URLRequest) async throws -> (Data, URLResponse) {
        do {
            return try await withCheckedThrowingContinuation { continuation in
                let task = URLSession.shared.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let data, let response {
                        continuation.resume(returning: (data, response))
                    } else {
                        continuation.resume(
                            throwing: WorkbenchError(
                                .failed, "empty response from \(request.url?.absoluteString ?? "?")"))
                    }
                }
                task.resume()
            }
        } catch let error as WorkbenchError {
            throw error
        } catch {
            throw WorkbenchError(
                .failed, "GET \(request.url?.absoluteString ?? "?") failed: \(error.localizedDescription)")
        }
    }
}
