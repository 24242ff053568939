/// A user-facing error from a workflow: one line that names what was wrong and what would be valid.
///
/// The CLI prints ``description`` after `Error: ` and exits with ``exitCode``; the server answers with a 4xx
/// status (``httpStatus``) and the JSON encoding of this value (keys `code`, `message`, `file`, `record`, `row`,
/// `field`, `option`, `valid`), so both front ends say the same thing without re-parsing strings.
public struct WorkbenchError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// What kind of failure this is; decides the exit status and the HTTP status.
    public enum Code: String, Sendable, Codable {
        /// An option, argument, field or value outside what is valid (exit 2, HTTP 400/422).
        case invalidInput = "invalid_input"
        /// A named thing that does not exist: a term, record, study, file (exit 1, HTTP 404).
        case notFound = "not_found"
        /// A file or folder that cannot be read or written as asked (exit 1, HTTP 400).
        case fileAccess = "file_access"
        /// The store cannot be opened or written (exit 1, HTTP 503).
        case store
        /// A write refused for lack of permission (HTTP 401/403).
        case forbidden
        /// Anything else that stopped the workflow (exit 1, HTTP 500 only for genuine faults).
        case failed
    }

    public var code: Code
    /// The one-line message, complete on its own (it already names the file, row, field or option).
    public var message: String
    /// The file the problem is in, when there is one.
    public var file: String?
    /// The record (an id such as an NCT number, a PMID, a row key) the problem is in.
    public var record: String?
    /// The 1-based row or line number.
    public var row: Int?
    /// The field, column or keyword.
    public var field: String?
    /// The command-line option (`--dose`) or API parameter (`dose`).
    public var option: String?
    /// What would be valid: allowed values, a range, suggestions.
    public var valid: [String]?

    public init(
        _ code: Code, _ message: String, file: String? = nil, record: String? = nil, row: Int? = nil,
        field: String? = nil, option: String? = nil, valid: [String]? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.record = record
        self.row = row
        self.field = field
        self.option = option
        self.valid = valid
    }

    public var description: String { message }

    /// The process exit status for this error: 2 for invalid input, 1 otherwise.
    public var exitCode: Int32 { code == .invalidInput ? 2 : 1 }

    /// The HTTP status the server answers with.
    public var httpStatus: Int {
        switch code {
        case .invalidInput: 400
        case .notFound: 404
        case .fileAccess: 400
        case .store: 503
        case .forbidden: 403
        case .failed: 500
        }
    }
}
