import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import StromaServer

@Suite("Server basics: health, headers, errors, the OpenAPI document")
struct ServerBasicsTests {
    @Test("/healthz answers ok with the version")
    func health() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["status"] as? String == "ok")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test("every answer carries a CSP without unsafe-inline and the other security headers")
    func securityHeaders() async throws {
        try await ServerFixture().test { client in
            for uri in ["/", "/api/v1/search?q=stroke", "/no/such/page"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(csp.contains("default-src 'none'"))
                    #expect(csp.contains("script-src 'self'"))
                    #expect(!csp.contains("unsafe-inline"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
        }
    }

    @Test("an unknown API route is a 404 WorkbenchError, not an empty page")
    func unknownRoute() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.object["code"] as? String == "not_found")
                #expect((response.object["message"] as? String)?.contains("/api/v1/nothing-here") == true)
            }
            try await client.execute(uri: "/nothing-here", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.text.contains("no page or endpoint at /nothing-here"))
            }
        }
    }

    @Test("a known path with the wrong method is a 405 naming the valid method")
    func wrongMethod() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/search?q=x", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(response.object["valid"] as? [String] == ["GET"])
            }
        }
    }

    @Test("a wrong bearer token is refused with 401 on any request")
    func wrongToken() async throws {
        try await ServerFixture().test { client in
            try await client.execute(
                uri: "/api/v1/search?q=stroke", method: .get, headers: [.authorization: "Bearer wrong-token"]
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.object["field"] as? String == "authorization")
                #expect(response.headers[.wwwAuthenticate] != nil)
            }
        }
    }

    @Test("the OpenAPI document lists exactly the /api/v1 routes the router registers")
    func openAPIMatchesRoutes() async throws {
        let fixture = try ServerFixture()
        let services = ServerServices(
            store: fixture.store, limits: ServerLimits(maxUploadBytes: 1024, requestTimeout: .seconds(5)),
            pages: try await PageRenderer.bundled(), sessions: SessionStore(), token: nil,
            configuration: fixture.configuration)
        let router = try buildRouter(services)
        let registered = Set(
            router.routes.map { "\($0.method) \($0.path)" }.filter { $0.contains(" /api/v1") })
        let document =
            try JSONSerialization.jsonObject(with: Data(APIDocument.json.utf8)) as? [String: Any] ?? [:]
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        var documented = Set<String>()
        for (path, methods) in paths {
            for method in methods.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        #expect(!registered.isEmpty)
        #expect(documented == registered)
    }

    @Test("a live server answers over a real socket")
    func live() async throws {
        try await ServerFixture().test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["version"] as? String != nil)
            }
        }
    }
}
