import Foundation

/// An error reading or evaluating cytometry data: one line that names the file, keyword, gate or field and what
/// would be valid.
public struct CytometryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the problem is in (a path or a name), when there is one.
    public var file: String?
    /// The complete one-line message (it already names the file, keyword or gate).
    public var message: String

    public init(file: String? = nil, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String {
        guard let file else { return message }
        return "'\(file)': \(message)"
    }
}
