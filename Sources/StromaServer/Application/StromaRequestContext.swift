import Hummingbird
import Logging

/// The per-request context: Hummingbird's core storage, who is asking, and the request's CSRF cookie.
public struct StromaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token holder or signed-in user; `nil` for an anonymous reader.
    public var identity: ServerIdentity?
    /// The session id from the `stroma_session` cookie, when it named a live session.
    public var sessionID: String?
    /// The CSRF token the browser holds (the `stroma_csrf` cookie), or the one issued with this response.
    public var csrfToken: String?
    /// Whether this response must set the `stroma_csrf` cookie (the browser had none).
    public var issuesCSRFCookie = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The absolute cap on a request body; the configured upload limit (lower) is applied when reading bodies.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}
