import Foundation
import Hummingbird
import Logging
import StromaWorkbench

/// Turns every error into a 4xx answer that names the field and what would be valid — JSON for the API, an
/// HTML page for the workbench — and never a stack trace.
///
/// ``WorkbenchError`` values keep their code and status; Hummingbird's HTTP errors (unknown route, body too
/// large) and decoding errors become ``WorkbenchError`` values; errors of the libraries below (store,
/// statistics, import, kinetics) are user input they refused and answer 422 with their own message. Only a
/// ``WorkbenchError/Code/failed`` is a 500, and its message is still one line.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = StromaRequestContext

    /// The registered routes (method, path), used to answer 405 with the valid methods for a known path.
    let routes: [(method: String, path: String)]
    let pages: PageRenderer

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, body) = ServerErrorMapping.map(error, request: request, routes: routes)
            if status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(body.message)"])
            } else {
                context.logger.info(
                    "request refused", metadata: ["status": "\(status.code)", "error": "\(body.message)"])
            }
            return ServerErrorMapping.response(
                status: status, error: body, request: request, context: context, pages: pages)
        }
    }
}
