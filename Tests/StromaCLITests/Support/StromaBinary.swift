import Foundation

/// Runs the built `stroma` executable as a child process and captures its output (for tests of
/// exit codes, stderr text, signals and everything the in-process ``runStroma(_:)`` cannot see).
enum StromaBinary {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (for `examples/`, `scripts/`); also the child's working directory.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // StromaCLITests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// The `stroma` executable built beside the test bundle (or `.build/debug/stroma`).
    static func executable() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("stroma")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = root.appendingPathComponent(".build/debug/stroma")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fallback.path])
        }
        return fallback
    }

    /// Runs `stroma arguments…` in the repository root.
    static func run(_ arguments: [String]) throws -> Output {
        try runProcess(executable: executable(), arguments: arguments)
    }

    /// Runs any executable in the repository root; both pipes are read concurrently so a large stdout cannot block
    /// the child.
    static func runProcess(executable: URL, arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs with `--format json` appended and parses the object.
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let output = try run(arguments + ["--format", "json"])
        guard output.status == 0 else {
            throw Failure(description: "exit \(output.status): \(output.stderr)")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any] else {
            throw Failure(description: "not a JSON object")
        }
        return object
    }

    struct Failure: Error, CustomStringConvertible { var description: String }
}

extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
}
