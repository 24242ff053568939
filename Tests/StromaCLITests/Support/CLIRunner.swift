import ArgumentParser
import Foundation
import StromaKnowledge
import StromaStore
@testable import stroma

/// What one in-process run of `stroma` printed and how it ended.
struct CLIResult {
    var stdout: String
    var stderr: String
    /// What argument-parser prints for the thrown error (`Error: …`), or `nil` on success.
    var errorText: String?
    var exitCode: Int32
}

/// Runs `stroma` with `arguments` in this process, capturing its output through
/// `StandardStreams.capture` (task-local, so tests may run in parallel).
func runStroma(_ arguments: [String]) async -> CLIResult {
    let capture = OutputCapture()
    var thrown: (any Error)?
    await StandardStreams.$capture.withValue(capture) {
        do {
            var command = try Stroma.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            thrown = error
        }
    }
    return CLIResult(
        stdout: capture.data, stderr: capture.messages,
        errorText: thrown.map { Stroma.fullMessage(for: $0, columns: 200) },
        exitCode: thrown.map { Stroma.exitCode(for: $0).rawValue } ?? 0)
}

/// A temporary database built from the store tests' small knowledge base (label `test`, so the
/// CLI never refreshes it from the bundled knowledge).
struct FixtureDatabase {
    let folder: URL
    let path: String

    static var knowledgeDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // StromaCLITests
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("StromaStoreTests/Fixtures/small-knowledge")
    }

    static func knowledge() throws -> KnowledgeBase {
        try KnowledgeBase.load(from: knowledgeDirectory)
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("stroma-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
        _ = try StromaStore.openKnowledgeStore(
            path: path, knowledge: try Self.knowledge(), label: "test")
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}
