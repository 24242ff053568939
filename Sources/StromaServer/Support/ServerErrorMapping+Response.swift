import Hummingbird
import StromaWorkbench

extension ServerErrorMapping {
    /// Whether the client wants the JSON error: API paths, `/healthz`, and clients that do not ask for HTML.
    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/healthz" { return true }
        let accept = request.headers[.accept] ?? ""
        return !(accept.contains("text/html") || accept.isEmpty || accept.contains("*/*"))
    }

    /// The error answer: the ``WorkbenchError`` as JSON, or the error page.
    static func response(
        status: HTTPResponse.Status, error: WorkbenchError, request: Request, context: StromaRequestContext,
        pages: PageRenderer
    ) -> Response {
        var response: Response
        if wantsJSON(request) {
            response =
                (try? JSONBody.response(error, status: status))
                ?? Response(status: status, body: .init(byteBuffer: ByteBuffer(string: error.message)))
        } else {
            var data: [String: Any] = ["status": status.code, "reason": status.reasonPhrase, "message": error.message]
            if let valid = error.valid, !valid.isEmpty { data["valid"] = valid }
            if let field = error.field ?? error.option { data["field"] = field }
            response = pages.page(
                "error", title: "\(status.code) \(status.reasonPhrase)", data: data, context: context, status: status)
        }
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Bearer realm=\"stroma\""
        }
        if status == .methodNotAllowed, let valid = error.valid {
            response.headers[.allow] = valid.joined(separator: ", ")
        }
        return response
    }
}
