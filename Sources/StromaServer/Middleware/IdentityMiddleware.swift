import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import StromaWorkbench

/// Works out who is asking and guards unsafe methods against cross-site requests.
///
/// - `Authorization: Bearer <token>` must be the `--token-file` token (else 401); it grants the admin role.
/// - A `stroma_session` cookie naming a live session gives that user's identity.
/// - Every browser gets a `stroma_csrf` cookie (random, 256 bits); forms carry it as the `csrf_token` field and
///   the form reader checks the two match (double submit). Unsafe requests authenticated by a session cookie
///   must also send it as the `X-CSRF-Token` header unless they are forms; any unsafe request whose `Origin`
///   is not this host is refused. Bearer-token requests carry no ambient credential and skip the CSRF check.
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = StromaRequestContext

    static let sessionCookie = "stroma_session"
    static let csrfCookie = "stroma_csrf"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let token: WriteToken?
    let sessions: SessionStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let bearer = request.headers.bearer {
            guard let token, token.matches(bearer.token) else {
                throw WorkbenchError(
                    .forbidden,
                    token == nil
                        ? "this server accepts no bearer token (it was started without --token-file); sign in instead"
                        : "the bearer token is not the server's token (the first line of its --token-file)",
                    field: "authorization", valid: ["Authorization: Bearer <the --token-file token>"])
            }
            context.identity = ServerIdentity(name: "token", role: .admin, method: .bearerToken)
        } else if let session = request.cookies[Self.sessionCookie]?.value,
            let identity = await sessions.identity(for: session)
        {
            context.identity = identity
            context.sessionID = session
        }
        if let csrf = request.cookies[Self.csrfCookie]?.value, csrf.count == 64,
            csrf.allSatisfy({ $0.isHexDigit })
        {
            context.csrfToken = csrf
        } else {
            context.csrfToken = RandomToken.hex(bytes: 32)
            context.issuesCSRFCookie = true
        }
        if Self.isUnsafe(request.method), context.identity?.method != .bearerToken {
            try checkOrigin(request)
            if context.identity?.method == .session, !FormReader.isForm(request) {
                guard let sent = request.headers[Self.csrfHeader], sent == context.csrfToken else {
                    throw WorkbenchError(
                        .forbidden,
                        "\(request.method) \(request.uri.path) with a session needs the X-CSRF-Token header "
                            + "(the value of the stroma_csrf cookie)",
                        field: "X-CSRF-Token")
                }
            }
        }
        var response = try await next(request, context)
        if context.issuesCSRFCookie, let csrf = context.csrfToken {
            response.setCookie(
                Cookie(
                    name: Self.csrfCookie, value: csrf, path: "/", secure: Self.isHTTPS(request), httpOnly: true,
                    sameSite: .strict))
        }
        return response
    }

    static func isUnsafe(_ method: HTTPRequest.Method) -> Bool {
        !(method == .get || method == .head || method == .options)
    }

    /// Whether the client reached us over HTTPS (directly or through a proxy that says so).
    static func isHTTPS(_ request: Request) -> Bool {
        request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    func checkOrigin(_ request: Request) throws {
        guard let origin = request.headers[.origin], origin != "null" else { return }
        let host = request.headers[HTTPField.Name("X-Forwarded-Host")!] ?? request.head.authority
        let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(
            String.init)
        guard let host, originHost == host else {
            throw WorkbenchError(
                .forbidden, "cross-site \(request.method) refused: Origin '\(origin)' is not this server",
                field: "Origin")
        }
    }
}
