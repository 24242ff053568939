import StromaStatistics
import StromaImport
import StromaDomain
import Foundation

/// A meta-analysis input file: a path on disk (the CLI) or bytes received with a name (a server upload).
public enum MetaInputFile: Sendable, Hashable {
    /// A file to read; the path is checked first (``FilePaths``).
    case path(String)
    /// The bytes of an uploaded file and the name it was uploaded under (used in messages).
    case bytes(Data, fileName: String)

    /// The name messages and the JSON `input.file` use: the path's last component, or the upload's name.
    public var fileName: String {
        switch self {
        case .path(let path): URL(fileURLWithPath: path).lastPathComponent
        case .bytes(_, let fileName): fileName
        }
    }

    /// The file's text, or a ``WorkbenchError`` naming the file when it is missing, not a file, or not UTF-8.
    public func text() throws -> String {
        switch self {
        case .path(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw WorkbenchError(.fileAccess, "file '\(path)' does not exist", file: path, option: "--input")
            }
            try FilePaths.checkReadableFile(path, option: "--input")
            guard let data = FileManager.default.contents(atPath: path) else {
                throw WorkbenchError(.fileAccess, "--input '\(path)': cannot be read", file: path, option: "--input")
            }
            return try Self.decode(data, name: path)
        case .bytes(let data, let fileName):
            return try Self.decode(data, name: fileName)
        }
    }

    private static func decode(_ data: Data, name: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbenchError(.invalidInput, "file '\(name)': cannot be read as UTF-8 text", file: name)
        }
        return text
    }
}
