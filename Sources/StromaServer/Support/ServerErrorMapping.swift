import Foundation
import Hummingbird
import StromaDomain
import StromaImport
import StromaKinetics
import StromaKnowledge
import StromaStatistics
import StromaStore
import StromaWorkbench

/// How an error becomes an HTTP status and a ``WorkbenchError`` body.
enum ServerErrorMapping {
    /// The status and body for `error` raised while answering `request`.
    static func map(
        _ error: any Error, request: Request, routes: [(method: String, path: String)]
    ) -> (HTTPResponse.Status, WorkbenchError) {
        switch error {
        case let error as WorkbenchError:
            return (status(for: error), error)
        case let error as StoreError:
            return storeError(error)
        case let error as DecodingError:
            return (.badRequest, decodingError(error))
        case let error as any HTTPResponseError:
            return httpError(error, request: request, routes: routes)
        case let error as StatisticsError:
            return (.unprocessableContent, WorkbenchError(.invalidInput, error.description))
        case let error as ImportError:
            return (.unprocessableContent, WorkbenchError(.invalidInput, error.description))
        case let error as KineticsError:
            return (.unprocessableContent, WorkbenchError(.invalidInput, error.description))
        case let error as DomainError:
            return (.unprocessableContent, WorkbenchError(.invalidInput, error.description))
        case let error as KnowledgeError:
            return (.unprocessableContent, WorkbenchError(.invalidInput, error.description))
        case is CancellationError:
            return (
                .serviceUnavailable,
                WorkbenchError(.failed, "the request was cancelled (it took too long or the server is stopping)")
            )
        default:
            return (
                .internalServerError,
                WorkbenchError(.failed, "internal error while answering \(request.method) \(request.uri.path)")
            )
        }
    }

    static func status(for error: WorkbenchError) -> HTTPResponse.Status {
        if error.code == .forbidden, error.field == "authorization" { return .unauthorized }
        return HTTPResponse.Status(code: error.httpStatus)
    }

    static func storeError(_ error: StoreError) -> (HTTPResponse.Status, WorkbenchError) {
        switch error {
        case .unknownTerm(_, let name, let suggestions):
            return (.notFound, WorkbenchError(.notFound, error.description, record: name, valid: suggestions))
        case .ambiguousTerm(let name, let candidates):
            return (
                .badRequest,
                WorkbenchError(
                    .invalidInput, error.description.replacingOccurrences(of: "--kind", with: "kind="),
                    record: name, option: "kind", valid: candidates.map { "\($0.kind.rawValue):\($0.id)" })
            )
        case .invalidArgument(let name, _, let valid):
            return (.badRequest, WorkbenchError(.invalidInput, error.description, option: name, valid: [valid]))
        default:
            return (.serviceUnavailable, WorkbenchError(.store, error.description))
        }
    }

    static func decodingError(_ error: DecodingError) -> WorkbenchError {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            return WorkbenchError(.invalidInput, "the JSON body lacks the field '\(field)'", field: field)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = path(context)
            return WorkbenchError(
                .invalidInput, "the JSON field '\(field)' must be \(describe(type))", field: field,
                valid: [describe(type)])
        case .dataCorrupted(let context):
            let field = path(context)
            if field.isEmpty {
                return WorkbenchError(.invalidInput, "the body is not valid JSON", field: "body")
            }
            return WorkbenchError(
                .invalidInput, "the JSON field '\(field)' is invalid: \(context.debugDescription)", field: field)
        @unknown default:
            return WorkbenchError(.invalidInput, "the JSON body cannot be read", field: "body")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a \(String(describing: type).lowercased())"
        }
    }

    static func httpError(
        _ error: any HTTPResponseError, request: Request, routes: [(method: String, path: String)]
    ) -> (HTTPResponse.Status, WorkbenchError) {
        let path = request.uri.path
        switch error.status {
        case .notFound:
            let methods = routes.filter { RoutePattern.matches($0.path, path) }.map(\.method)
            if !methods.isEmpty {
                return (
                    .methodNotAllowed,
                    WorkbenchError(
                        .invalidInput,
                        "\(request.method) is not allowed on \(path); use \(methods.joined(separator: " or "))",
                        option: "method", valid: methods)
                )
            }
            return (
                .notFound,
                WorkbenchError(
                    .notFound, "no page or endpoint at \(path); see /api/v1/openapi.json for the API", record: path,
                    valid: ["/", "/api/v1/openapi.json"])
            )
        case .contentTooLarge:
            return (
                .contentTooLarge,
                WorkbenchError(
                    .invalidInput, "the request body is larger than the server's upload limit", field: "body")
            )
        default:
            let message = (error as? HTTPError)?.body ?? "request refused (\(error.status.code))"
            let code: WorkbenchError.Code =
                switch error.status.code {
                case 401, 403: .forbidden
                case 500...: .failed
                default: .invalidInput
                }
            return (error.status, WorkbenchError(code, message))
        }
    }
}
