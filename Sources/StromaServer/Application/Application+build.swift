import Foundation
import Hummingbird
import Logging
import NIOCore
import StromaStore
import StromaRelease
import StromaWorkbench

/// Builds the Stroma server: the router with every API route and page, the middleware, and the HTTP server.
///
/// `stroma serve` runs the returned application with `runService()` (graceful shutdown on SIGTERM and SIGINT);
/// the tests call the same function and drive the application with HummingbirdTesting (`.router` and `.live`).
///
/// - Parameters:
///   - configuration: address, write token file and limits (checked here; a bad value throws a
///     ``WorkbenchError`` naming the option).
///   - store: the opened Stroma store the server reads and writes.
///   - logger: where structured logs go; by default `stroma.server` at the configured level.
public func buildApplication(
    _ configuration: ServerConfiguration, store: StromaStore, logger: Logger? = nil
) async throws -> some ApplicationProtocol {
    try configuration.validate()
    var logger = logger ?? Logger(label: "stroma.server")
    logger.logLevel = configuration.logLevel
    let token = try configuration.tokenFile.map { try WriteToken.read(from: $0) }
    let services = ServerServices(
        store: store,
        limits: ServerLimits(
            maxUploadBytes: configuration.maxUploadBytes, requestTimeout: configuration.requestTimeout),
        pages: try await PageRenderer.bundled(), sessions: SessionStore(), token: token, configuration: configuration)
    let router = try buildRouter(services)
    let startLogger = logger
    let idle = TimeAmount.seconds(max(1, configuration.requestTimeout.components.seconds))
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idle)),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "Stroma/\(StromaRelease.version)"),
        onServerRunning: { channel in
            startLogger.info(
                "stroma serve is listening",
                metadata: [
                    "address": "\(channel.localAddress?.description ?? configuration.host)",
                    "store": "\(store.path ?? "in-memory")",
                    "writes": "\(token == nil ? "signed-in users" : "token or signed-in users")",
                ])
        },
        logger: logger)
}

/// The router with every route; separate from ``buildApplication(_:store:logger:)`` so tests can list its routes.
func buildRouter(_ services: ServerServices) throws -> Router<StromaRequestContext> {
    let router = Router(context: StromaRequestContext.self)
    let routes = RouteTable.routes
    router.addMiddleware {
        LogRequestsMiddleware(.info)
        SecurityHeadersMiddleware()
        ErrorMiddleware(routes: routes, pages: services.pages)
        IdentityMiddleware(token: services.token, sessions: services.sessions)
    }
    router.get("/healthz") { _, _ in
        try JSONBody.response(
            HealthStatus(status: "ok", version: StromaRelease.version, store: services.store.path ?? "in-memory"))
    }
    try StaticAssets.bundled().addRoutes(to: router)
    RouteTable.addAll(to: router, services: services)
    return router
}

/// The `/healthz` answer.
struct HealthStatus: Codable, Sendable {
    var status: String
    var version: String
    var store: String
}
