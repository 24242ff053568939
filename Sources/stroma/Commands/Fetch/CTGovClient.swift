import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A minimal async client for the ClinicalTrials.gov API v2 `studies` endpoint.
///
/// `GET {base}/api/v2/studies?query.term=…&query.cond=…&pageSize=…&pageToken=…&format=json`;
/// a page is `{"studies": [...], "nextPageToken": "..."}` and the last page has no token.
/// https://clinicaltrials.gov/data-api/api
struct CTGovClient: Sendable {
    var baseURL: URL
    var pageSize: Int

    struct Page: Sendable {
        var data: Data
        var nextPageToken: String?
        var studyCount: Int
    }

    /// The URL of one page.
    func url(term: String?, condition: String?, pageToken: String?) throws -> URL {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            throw FetchError("'--base-url' \(baseURL) is not a valid URL; valid: https://clinicaltrials.gov")
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
            throw FetchError("cannot build a request URL from '--base-url' \(baseURL)")
        }
        return url
    }

    /// Downloads one page.
    func page(term: String?, condition: String?, pageToken: String?) async throws -> Page {
        let url = try url(term: term, condition: condition, pageToken: pageToken)
        var request = URLRequest(url: url)
        request.timeoutInterval = 60
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await Self.load(request)
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            let body = String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw FetchError("GET \(url.absoluteString) returned HTTP \(http.statusCode): \(body)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let studies = object["studies"] as? [Any]
        else {
            throw FetchError("GET \(url.absoluteString) did not return an API v2 page (no 'studies' array)")
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
                            throwing: FetchError("empty response from \(request.url?.absoluteString ?? "?")"))
                    }
                }
                task.resume()
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError("GET \(request.url?.absoluteString ?? "?") failed: \(error.localizedDescription)")
        }
    }
}

/// A one-line fetch failure.
struct FetchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
