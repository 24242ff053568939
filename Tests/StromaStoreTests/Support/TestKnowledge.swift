import Foundation
import StromaDomain
import StromaKnowledge
@testable import StromaStore

/// The small hand-transcribed knowledge base in `Fixtures/small-knowledge` (see its README).
enum TestKnowledge {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures/small-knowledge", withExtension: nil)!
    }

    static func load() throws -> KnowledgeBase {
        try KnowledgeBase.load(from: directory)
    }

    /// An in-memory store loaded with the small knowledge base.
    static func store() throws -> StromaStore {
        let store = try StromaStore.inMemory()
        try store.loadKnowledge(try load(), label: "test")
        return store
    }
}

/// A fresh empty folder under the system temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("stroma-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}
