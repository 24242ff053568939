import Foundation
import StromaDomain
import Testing

@testable import StromaKnowledge

@Suite("Knowledge loader: file layout")
struct KnowledgeLoaderLayoutTests {
    private func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("stroma-kb-layout-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test("name.json is read first, then name/*.json in file-name order; other files are ignored")
    func folderFilesFollowMainFile() throws {
        let root = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("[]", to: root.appendingPathComponent("claims.json"))
        try write("[]", to: root.appendingPathComponent("claims/b.json"))
        try write("[]", to: root.appendingPathComponent("claims/a.json"))
        try write("not json", to: root.appendingPathComponent("claims/notes.txt"))
        let files = KnowledgeBase.recordFiles(root, "claims").map(\.lastPathComponent)
        #expect(files == ["claims.json", "a.json", "b.json"])
    }

    @Test("a broken file in a record folder is named in the error")
    func brokenFolderFileIsNamed() throws {
        let root = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("[{\"id\": 1}]", to: root.appendingPathComponent("trials/004.json"))
        #expect {
            _ = try KnowledgeBase.load(from: root)
        } throws: { error in
            "\(error)".contains("trials/004.json")
        }
    }

    @Test("a missing folder and missing files count as empty")
    func missingFilesAreEmpty() throws {
        let root = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = try KnowledgeBase.load(from: root)
        #expect(base.vocabulary.isEmpty && base.experiments.isEmpty && base.claims.isEmpty)
    }
}
