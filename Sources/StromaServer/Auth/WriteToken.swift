import Foundation
import StromaWorkbench

/// The bearer token that authorises writes, read from `--token-file`.
///
/// The file's first non-empty line is the token; it must be at least 16 characters so that it cannot be guessed.
/// Comparison takes the same time whatever the guess (no early exit), so timing does not reveal a prefix.
public struct WriteToken: Sendable {
    let value: [UInt8]

    /// The shortest token accepted.
    public static let minimumLength = 16

    public init(_ token: String) throws {
        guard token.count >= Self.minimumLength else {
            throw WorkbenchError(
                .invalidInput,
                "--token-file: the token is \(token.count) characters; give at least \(Self.minimumLength) "
                    + "(e.g. `openssl rand -hex 32 > token`)",
                option: "token-file", valid: ["a line of at least \(Self.minimumLength) characters"])
        }
        value = Array(token.utf8)
    }

    /// Reads the token from the first non-empty line of `path`.
    public static func read(from path: String) throws -> WriteToken {
        try FilePaths.checkReadableFile(path, option: "--token-file")
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw WorkbenchError(
                .fileAccess, "--token-file '\(path)' is not UTF-8 text", file: path, option: "token-file")
        }
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        guard let line else {
            throw WorkbenchError(
                .invalidInput, "--token-file '\(path)' is empty; write the token on its first line", file: path,
                option: "token-file")
        }
        return try WriteToken(line)
    }

    /// Whether `candidate` is the token, compared in constant time for a given length.
    public func matches(_ candidate: String) -> Bool {
        let bytes = Array(candidate.utf8)
        var difference = UInt8(truncatingIfNeeded: bytes.count ^ value.count)
        for index in 0..<value.count {
            difference |= value[index] ^ (index < bytes.count ? bytes[index] : 0)
        }
        return difference == 0
    }
}
