import Foundation
import Hummingbird
import StromaWorkbench

/// The fields of a submitted form (`application/x-www-form-urlencoded` or `multipart/form-data`), read under
/// the server's limits and checked against CSRF.
///
/// Every form the workbench serves carries the `csrf_token` field; ``read(_:context:limits:)`` refuses the form
/// (403) unless it equals the browser's `stroma_csrf` cookie, so no handler can forget the check.
struct FormReader: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        var filename: String
        var contentType: String?
        var data: Data
    }

    var fields: [String: [String]] = [:]
    var files: [String: File] = [:]

    /// The first value of `name`, trimmed; `nil` when missing or empty.
    subscript(name: String) -> String? {
        guard let value = fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
        else { return nil }
        return value
    }

    /// Every non-empty value of `name`.
    func all(_ name: String) -> [String] {
        (fields[name] ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func isForm(_ request: Request) -> Bool {
        guard let type = request.headers[.contentType]?.lowercased() else { return false }
        return type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data")
    }

    /// Reads and CSRF-checks the form in `request`.
    static func read(_ request: Request, context: StromaRequestContext, limits: ServerLimits) async throws
        -> FormReader
    {
        let contentType = request.headers[.contentType] ?? ""
        let body = try await limits.body(of: request)
        var form: FormReader
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = boundary(in: contentType) else {
                throw WorkbenchError(
                    .invalidInput, "the multipart form has no boundary in its Content-Type", field: "Content-Type")
            }
            form = try parseMultipart(body, boundary: boundary)
        } else if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            form = parseURLEncoded(String(decoding: body, as: UTF8.self))
        } else {
            throw WorkbenchError(
                .invalidInput, "send the form as application/x-www-form-urlencoded or multipart/form-data",
                field: "Content-Type", valid: ["application/x-www-form-urlencoded", "multipart/form-data"])
        }
        if context.identity?.method != .bearerToken {
            guard let sent = form["csrf_token"], sent == context.csrfToken, !context.issuesCSRFCookie else {
                throw WorkbenchError(
                    .forbidden,
                    "the form's csrf_token does not match this browser's stroma_csrf cookie; reload the page and "
                        + "submit again",
                    field: "csrf_token")
            }
        }
        return form
    }

    static func parseURLEncoded(_ text: String) -> FormReader {
        var form = FormReader()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let name = decode(parts[0])
            form.fields[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Splits a `multipart/form-data` body (RFC 7578) into fields and files.
    static func parseMultipart(_ body: Data, boundary: String) throws -> FormReader {
        var form = FormReader()
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else {
            throw WorkbenchError(.invalidInput, "the multipart body has no part with its boundary", field: "body")
        }
        cursor = first.upperBound
        while cursor < body.endIndex {
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard let headersRange = body.range(of: headerEnd, in: cursor..<body.endIndex),
                let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headersRange.upperBound..<body.endIndex)
            else {
                throw WorkbenchError(.invalidInput, "a multipart part is truncated", field: "body")
            }
            let headers = String(decoding: body[cursor..<headersRange.lowerBound], as: UTF8.self)
            let content = body[headersRange.upperBound..<next.lowerBound]
            var name: String?
            var filename: String?
            var partType: String?
            for line in headers.split(whereSeparator: \.isNewline) {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: String(line))
                    filename = parameter("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    partType = line.split(separator: ":", maxSplits: 1).last.map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                }
            }
            if let name {
                if let filename {
                    if !filename.isEmpty || !content.isEmpty {
                        form.files[name] = File(filename: filename, contentType: partType, data: Data(content))
                    }
                } else {
                    form.fields[name, default: []].append(String(decoding: content, as: UTF8.self))
                }
            }
            cursor = next.upperBound
        }
        return form
    }

    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
