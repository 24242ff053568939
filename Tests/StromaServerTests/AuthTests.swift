import Foundation
import Hummingbird
import HummingbirdTesting
import StromaStore
import Testing

@testable import StromaServer

@Suite("Sign-in, sessions and CSRF")
struct AuthTests {
    /// The `stroma_csrf` cookie a first visit sets.
    static func csrfCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].compactMap { header -> String? in
            guard header.hasPrefix("stroma_csrf=") else { return nil }
            return String(header.dropFirst("stroma_csrf=".count).prefix { $0 != ";" })
        }.first
    }

    @Test("a form without the CSRF token is refused")
    func formWithoutCSRF() async throws {
        try await ServerFixture().test { client in
            try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=a&password=b")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("csrf_token"))
            }
        }
    }

    @Test("a cross-site POST is refused by its Origin")
    func crossOrigin() async throws {
        try await ServerFixture().test { client in
            try await client.execute(
                uri: "/signin", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example",
                ],
                body: ByteBuffer(string: "name=a&password=b")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.object["field"] as? String == "Origin" || response.text.contains("Origin"))
            }
        }
    }

    @Test("a user signs in with the right password (bcrypt) and not with a wrong one")
    func signIn() async throws {
        let fixture = try ServerFixture()
        try ServerUsers.add(
            name: "ada", password: "correct horse battery", role: "curator", replace: false, store: fixture.store,
            cost: 4)
        #expect(try fixture.store.user(named: "ada")?.passwordHash.hasPrefix("$2") == true)
        #expect(try fixture.store.user(named: "ada")?.passwordHash.contains("correct") == false)
        try await fixture.test { client in
            let csrf = try await client.execute(uri: "/signin", method: .get) { Self.csrfCookie($0) }
            let token = try #require(csrf)
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "stroma_csrf=\(token)",
            ]
            try await client.execute(
                uri: "/signin", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf_token=\(token)&name=ada&password=wrong+password")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("The name or the password is wrong."))
            }
            let session = try await client.execute(
                uri: "/signin", method: .post, headers: headers,
                body: ByteBuffer(
                    string: "csrf_token=\(token)&name=ada&password=correct+horse+battery&next=%2Fexperiments")
            ) { response -> String? in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/experiments")
                return response.headers[values: .setCookie].first { $0.hasPrefix("stroma_session=") }
            }
            let cookie = try #require(session)
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let sessionValue = String(cookie.dropFirst("stroma_session=".count).prefix { $0 != ";" })
            try await client.execute(
                uri: "/", method: .get, headers: [.cookie: "stroma_csrf=\(token); stroma_session=\(sessionValue)"]
            ) { response in
                #expect(response.text.contains("ada (curator)"))
            }
        }
    }

    @Test("users: unknown roles and short passwords are refused with the field named")
    func userValidation() throws {
        let fixture = try ServerFixture()
        #expect(throws: (any Error).self) {
            try ServerUsers.add(
                name: "x", password: "long enough pw", role: "owner", replace: false, store: fixture.store)
        }
        #expect(throws: (any Error).self) {
            try ServerUsers.add(name: "x", password: "short", role: "reader", replace: false, store: fixture.store)
        }
        #expect(try fixture.store.users().isEmpty)
    }

    @Test("only local paths are accepted as the page after signing in")
    func noOpenRedirect() {
        #expect(SessionPages.localPath("/meta") == "/meta")
        #expect(SessionPages.localPath("//evil.example/") == "/")
        #expect(SessionPages.localPath("https://evil.example/") == "/")
        #expect(SessionPages.localPath(nil) == "/")
    }

    @Test("the write token must be long enough and is compared exactly")
    func writeToken() throws {
        #expect(throws: (any Error).self) { try WriteToken("short") }
        let token = try WriteToken(ServerFixture.token)
        #expect(token.matches(ServerFixture.token))
        #expect(!token.matches(ServerFixture.token + "x"))
        #expect(!token.matches(String(ServerFixture.token.dropLast())))
    }
}
