import Foundation
import Hummingbird
import HummingbirdTesting
import StromaDomain
import StromaStore
import Testing

@testable import StromaServer

@Suite("Knowledge routes: the API gives the CLI's JSON, the pages render, bad input is a 4xx")
struct KnowledgeRouteTests {
    /// The JSON text the CLI prints for `value` (`--format json`).
    static func cliJSON(_ value: some Encodable) throws -> String {
        String(decoding: try JSONBody.data(value), as: UTF8.self)
    }

    @Test("search answers the store's hits as the CLI's JSON")
    func search() async throws {
        let fixture = try ServerFixture()
        let expected = try Self.cliJSON(try fixture.store.search("neuroprotection", limit: 5))
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/search?q=neuroprotection&limit=5", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == expected)
            }
        }
    }

    @Test("search without q, or with a bad limit, is a 400 naming the parameter")
    func searchBadInput() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/search", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.object["option"] as? String == "q")
            }
            try await client.execute(uri: "/api/v1/search?q=stroke&limit=0", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.object["option"] as? String == "limit")
                #expect(response.object["valid"] as? [String] == ["1...500"])
            }
        }
    }

    @Test(
        "SQL or script in a query string is text to search, never a server error, and the store is unchanged",
        arguments: [
            "' OR 1=1; DROP TABLE experiment; --", "<script>alert(1)</script>", "\"unbalanced", "NEAR(", "*", "a AND",
            "%00", "))((",
        ])
    func hostileQuery(_ text: String) async throws {
        let fixture = try ServerFixture()
        let before = try fixture.store.experiments().count
        let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        try await fixture.test { client in
            for uri in [
                "/api/v1/search?q=\(encoded)", "/search?q=\(encoded)", "/api/v1/experiments?species=\(encoded)",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code < 500, "\(uri) answered \(response.status)")
                    if response.headers[.contentType]?.hasPrefix("text/html") == true {
                        #expect(!response.text.contains("<script>alert(1)</script>"))
                    } else {
                        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                    }
                }
            }
        }
        #expect(try fixture.store.experiments().count == before)
    }

    @Test("a term's JSON is the profile stroma show prints; an unknown term is a 404 with suggestions")
    func term() async throws {
        let fixture = try ServerFixture()
        let expected = try Self.cliJSON(try fixture.store.profile(of: "ischemic-stroke", kind: nil))
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/terms/ischemic-stroke", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == expected)
            }
            try await client.execute(uri: "/api/v1/terms/ischemic-strok", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((response.object["valid"] as? [String])?.contains { $0.contains("ischemic-stroke") } == true)
            }
            try await client.execute(uri: "/api/v1/terms/stroke?kind=colours", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.object["option"] as? String == "kind")
            }
        }
    }

    @Test("experiments and claims filter as the CLI does")
    func experimentsAndClaims() async throws {
        let fixture = try ServerFixture()
        let rats = try Self.cliJSON(try fixture.store.experiments(ExperimentQuery(species: "rat")))
        let claims = try Self.cliJSON(try fixture.store.claims(ClaimQuery(condition: "ischemic-stroke")))
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/experiments?species=rat", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == rats)
            }
            try await client.execute(uri: "/api/v1/claims?condition=ischemic-stroke", method: .get) { response in
                #expect(response.text == claims)
            }
            try await client.execute(uri: "/api/v1/experiments?route=by-carrier-pigeon", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((response.object["message"] as? String)?.contains("by-carrier-pigeon") == true)
            }
        }
    }

    @Test("the pages render: home, search, a term, experiments with filters and sorting")
    func pages() async throws {
        let fixture = try ServerFixture()
        let label = try fixture.store.profile(of: "ischemic-stroke", kind: nil).term.label
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("action=\"/search\""))
                #expect(response.text.contains("/static/stroma.css"))
                #expect(!response.text.contains("style=\""))
            }
            try await client.execute(uri: "/search?q=stroke", method: .get) { response in
                #expect(response.text.contains("results for <strong>stroke</strong>"))
            }
            try await client.execute(uri: "/terms/ischemic-stroke", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>\(label)</h1>"))
                #expect(response.text.contains("Experiments ("))
            }
            try await client.execute(uri: "/experiments?species=rat&sort=source", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("stroma experiments --species rat"))
                #expect(response.text.contains("<option value=\"source\" selected>"))
            }
            try await client.execute(uri: "/experiments?sort=colour", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("sort"))
            }
            try await client.execute(uri: "/static/stroma.js", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/javascript") == true)
            }
        }
    }
}
