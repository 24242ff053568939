import Foundation
import Hummingbird
import HummingbirdTesting
import StromaKnowledge
import StromaStore
import Testing

@testable import StromaServer

/// A server over a fresh store built from the bundled knowledge base, in a temporary folder.
struct ServerFixture {
    static let token = "test-token-0123456789abcdef"

    let folder: URL
    let store: StromaStore
    let configuration: ServerConfiguration

    /// A new store (one knowledge build per fixture) with a token file.
    init(maxUploadBytes: Int = 1_048_576) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tokenFile = folder.appendingPathComponent("token").path
        try (Self.token + "\n").write(toFile: tokenFile, atomically: true, encoding: .utf8)
        store = try StromaStore.openKnowledgeStore(
            path: folder.appendingPathComponent("stroma.sqlite").path, knowledge: try KnowledgeBase.loadBundled(),
            label: "bundled")
        configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, tokenFile: tokenFile, maxUploadBytes: maxUploadBytes)
    }

    /// Runs `body` against the application through HummingbirdTesting (`.router` unless said otherwise).
    func test<Value>(
        _ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let app = try await buildApplication(configuration, store: store)
        return try await app.test(setup, body)
    }

    /// The bearer header for writes.
    static var authorized: HTTPFields { [.authorization: "Bearer \(token)"] }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body decoded as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
