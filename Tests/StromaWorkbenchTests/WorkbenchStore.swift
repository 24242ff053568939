import Foundation
import StromaKnowledge
import StromaStore

/// A temporary store with the store tests' small knowledge base.
struct WorkbenchStore {
    let folder: URL
    let store: StromaStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stroma-workbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let knowledge = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // StromaWorkbenchTests
            .deletingLastPathComponent().appendingPathComponent("StromaStoreTests/Fixtures/small-knowledge")
        store = try StromaStore.openKnowledgeStore(
            path: folder.appendingPathComponent("test.sqlite").path, knowledge: try KnowledgeBase.load(from: knowledge),
            label: "test")
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}
