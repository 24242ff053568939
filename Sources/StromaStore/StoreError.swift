import Foundation
import StromaDomain

/// Errors raised by the store.
///
/// Messages are one line, name the file, record or term in quotes and
/// say what is valid.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A write transaction failed and was rolled back.
    case transactionFailed(name: String, underlying: String)
    /// No term of `kind` (any kind when `nil`) is called `name`; `suggestions` are the nearest
    /// valid names (`id`, or `kind id` when the kind was not given).
    case unknownTerm(kind: VocabularyKind?, name: String, suggestions: [String])
    /// `name` matches terms of several kinds equally well; `candidates` lists them.
    case ambiguousTerm(name: String, candidates: [TermReference])
    /// The file exists but is not an SQLite database. It is never modified.
    case notADatabase(path: String)
    /// The file is an SQLite database with tables but without Stroma's metadata. It is never
    /// modified.
    case foreignDatabase(path: String)
    /// The database was written by a newer Stroma (it has migrations this version lacks).
    case newerDatabase(path: String)
    /// The path cannot hold a database: a directory, an unreadable file, a missing folder…
    case unusablePath(path: String, reason: String)
    /// An argument value is not one of the valid values.
    case invalidArgument(name: String, value: String, valid: String)

    public var description: String {
        switch self {
        case .transactionFailed(let name, let underlying):
            return "transaction '\(name)' failed and was rolled back: \(underlying)"
        case .unknownTerm(let kind, let name, let suggestions):
            let what = kind.map { $0.displayName } ?? "term"
            guard !suggestions.isEmpty else {
                let list = kind.map { "'stroma vocab \($0.pluralName)'" } ?? "'stroma vocab'"
                return "unknown \(what) '\(name)'; see \(list) for valid terms"
            }
            return "unknown \(what) '\(name)'; did you mean: "
                + suggestions.joined(separator: ", ") + "?"
        case .ambiguousTerm(let name, let candidates):
            let list = candidates.map { "\($0.kind.rawValue) '\($0.id)'" }
            let kinds = candidates.map(\.kind.rawValue)
            return "'\(name)' names several terms: \(list.joined(separator: ", ")); "
                + "choose one with --kind \(kinds.joined(separator: "|"))"
        case .notADatabase(let path):
            return "'\(path)' is not an SQLite database; it was left unchanged "
                + "(give another file with --db or STROMA_DB)"
        case .foreignDatabase(let path):
            return "'\(path)' is an SQLite database but not a Stroma database (no "
                + "'stroma_metadata' table); it was left unchanged"
        case .newerDatabase(let path):
            return "'\(path)' was written by a newer version of Stroma; upgrade Stroma or use "
                + "another file"
        case .unusablePath(let path, let reason):
            return "cannot use database '\(path)': \(reason)"
        case .invalidArgument(let name, let value, let valid):
            return "invalid \(name) '\(value)'; valid: \(valid)"
        }
    }
}

extension VocabularyKind {
    /// The singular English name used in messages, for example `cell source`.
    var displayName: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
