import Foundation

/// What an import reads: a path on this machine (file, folder or ZIP), or the bytes of an uploaded file.
public enum ImportInput: Sendable, Equatable {
    case path(String)
    /// The contents of a file called `name` (the name is the records' source and is checked against NCT ids).
    case bytes(Data, name: String)

    /// The path, or the uploaded file's name.
    public var name: String {
        switch self {
        case .path(let path): path
        case .bytes(_, let name): name
        }
    }
}

/// How far an import has got, reported through the `progress` callback of the import workflows (the CLI
/// shows it on a terminal; a server may stream it).
///
/// Nothing is printed by the workflows themselves.
public struct ImportProgressUpdate: Sendable, Equatable {
    /// The workflow: `import ctgov`, `import pubmed`, `fetch ctgov`, ….
    public var label: String
    /// Records read so far.
    public var records: Int
    /// Pages downloaded so far (`fetch` only).
    public var pages: Int?

    public init(label: String, records: Int, pages: Int? = nil) {
        self.label = label
        self.records = records
        self.pages = pages
    }
}

/// Receives ``ImportProgressUpdate`` values, on the thread that runs the import.
public typealias ImportProgressHandler = (ImportProgressUpdate) -> Void
