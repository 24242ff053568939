import Hummingbird

/// Every route the server registers besides `/healthz` and `/static`, area by area.
///
/// ``routes`` lists the API and page paths (method, path) for the error middleware (405 answers) and for the
/// OpenAPI test; it is filled as the controllers register.
enum RouteTable {
    /// The routes known to the error middleware, as (method, path) with `:name` placeholders.
    static var routes: [(method: String, path: String)] {
        APIDocument.operations.map { ($0.method.uppercased(), $0.routerPath) } + PageRoutes.paths
    }

    static func addAll(to router: Router<StromaRequestContext>, services: ServerServices) {
        let api = router.group("/api/v1")
        api.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: APIDocument.json)))
        }
        KnowledgeAPI(services: services).addRoutes(to: api)
        SessionPages(services: services).addRoutes(to: router)
        KnowledgePages(services: services).addRoutes(to: router)
    }
}
