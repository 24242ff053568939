import Hummingbird
import StromaWorkbench

/// Refuses a request unless it carries the write token or comes from a signed-in user of at least `minimum`.
///
/// Anonymous requests answer 401 (`code` `forbidden`, `field` `authorization`, saying how to authenticate);
/// a signed-in user with too low a role answers 403.
struct RequireRoleMiddleware: RouterMiddleware {
    typealias Context = StromaRequestContext
    let minimum: UserRole

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let identity = context.identity else {
            throw WorkbenchError(
                .forbidden,
                "\(request.method) \(request.uri.path) is a write: send 'Authorization: Bearer <token>' with the "
                    + "server's --token-file token, or sign in at /signin as a \(minimum.rawValue) or admin",
                field: "authorization",
                valid: ["Authorization: Bearer <token>", "a signed-in \(minimum.rawValue) or admin"])
        }
        guard identity.role >= minimum else {
            throw WorkbenchError(
                .forbidden,
                "\(request.method) \(request.uri.path) needs the role \(minimum.rawValue) or higher; "
                    + "'\(identity.name)' is a \(identity.role.rawValue)",
                field: "role", valid: UserRole.allCases.filter { $0 >= minimum }.map(\.rawValue))
        }
        return try await next(request, context)
    }
}
