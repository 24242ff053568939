import Foundation
import Hummingbird
import Logging
import StromaWorkbench

/// Signing in and out: `GET /signin` (the form), `POST /signin` (name, password, csrf_token), `POST /signout`.
///
/// A successful sign-in sets the `stroma_session` cookie (HttpOnly, SameSite=Strict, Secure behind HTTPS) and
/// redirects to the page given in `next` (a local path) or home.
struct SessionPages {
    let services: ServerServices

    func addRoutes(to router: Router<StromaRequestContext>) {
        let services = self.services
        router.get("/signin") { request, context in
            services.pages.page(
                "signin", title: "Sign in",
                data: ["nav": "signin", "next": SessionPages.localPath(QueryInput(request).string("next"))],
                context: context)
        }
        router.post("/signin") { request, context in
            let form = try await FormReader.read(request, context: context, limits: services.limits)
            let name = form["name"] ?? ""
            let password = form.fields["password"]?.first ?? ""
            guard !name.isEmpty, !password.isEmpty,
                let identity = try ServerUsers.signIn(name: name, password: password, store: services.store)
            else {
                return services.pages.page(
                    "signin", title: "Sign in",
                    data: ["nav": "signin", "error": "The name or the password is wrong.", "name": name],
                    context: context, status: .unauthorized)
            }
            let session = await services.sessions.start(name: identity.name, role: identity.role)
            var response = Response(
                status: .seeOther, headers: [.location: SessionPages.localPath(form["next"])])
            response.setCookie(
                Cookie(
                    name: IdentityMiddleware.sessionCookie, value: session, path: "/",
                    secure: IdentityMiddleware.isHTTPS(request), httpOnly: true, sameSite: .strict))
            context.logger.info("signed in", metadata: ["user": "\(identity.name)", "role": "\(identity.role)"])
            return response
        }
        router.post("/signout") { request, context in
            _ = try await FormReader.read(request, context: context, limits: services.limits)
            if let session = context.sessionID { await services.sessions.end(session) }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(
                Cookie(
                    name: IdentityMiddleware.sessionCookie, value: "", maxAge: 0, path: "/",
                    secure: IdentityMiddleware.isHTTPS(request), httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// `path` when it is a local absolute path (no scheme, no `//host`), else `/` — no open redirects.
    static func localPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            path.allSatisfy({ !$0.isNewline })
        else { return "/" }
        return path
    }
}
