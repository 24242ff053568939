import Foundation
import StromaDomain
import StromaKnowledge
import StromaStore

/// The knowledge-base workflows of `stroma conditions`, `vocab`, `show`, `experiments`, `claims`, `search` and
/// `export`, over an open store.
///
/// Each returns a `Codable` value whose JSON is what the command prints with `--format json` (the keys are
/// documented in docs/knowledge.md), and throws ``WorkbenchError``: an unknown term is `not_found` with the
/// nearest valid names in `valid` and the option it came from in `option`; a name shared by several
/// vocabularies, an unknown vocabulary or a bad limit is `invalid_input`.
public struct KnowledgeQueries: Sendable {
    /// The store queried.
    public let store: StromaStore

    public init(store: StromaStore) { self.store = store }

    /// Opens the knowledge store at `path` (created from the bundled knowledge base when missing, refreshed when
    /// the bundled knowledge changed), or the default store (`$STROMA_DB`, else the XDG data folder) when `path`
    /// is `nil`.
    /// - Throws: ``WorkbenchError`` (`store`, option `db`) naming the path and what is wrong with it.
    public static func openStore(path: String?) throws -> StromaStore {
        do {
            guard let path else { return try StromaStore.openDefault() }
            return try StromaStore.openKnowledgeStore(
                path: path, knowledge: try KnowledgeBase.loadBundled(), label: "bundled")
        } catch let error as StoreError {
            throw WorkbenchError(error, option: "db")
        }
    }

    /// The vocabulary kind `name` names: a kind id or its plural (`route`, `routes`, `cell-sources`).
    /// - Throws: ``WorkbenchError`` (`invalid_input`) listing the valid names.
    public static func vocabularyKind(_ name: String, option: String) throws -> VocabularyKind {
        guard let kind = VocabularyKind(name: name) else {
            throw WorkbenchError(
                StoreError.invalidArgument(
                    name: option, value: name, valid: VocabularyKind.allCases.map(\.pluralName).joined(separator: ", ")
                ), option: option)
        }
        return kind
    }

    /// The terms of `kind` with their usage counts (`stroma conditions`, `stroma vocab KIND`).
    public func terms(of kind: VocabularyKind) throws -> TermListing {
        try WorkbenchError.translatingStoreErrors {
            let usage = try store.usage(of: kind)
            let entries = try store.terms(of: kind).map {
                TermListing.Entry(term: $0, usage: usage[$0.id] ?? TermUsage())
            }
            return TermListing(kind: kind, entries: entries)
        }
    }

    /// Every vocabulary with its number of terms (`stroma vocab`).
    public func vocabularies() throws -> VocabularyListing {
        try WorkbenchError.translatingStoreErrors {
            let counts = try store.termCounts()
            return VocabularyListing(
                entries: VocabularyKind.allCases.map {
                    VocabularyListing.Entry(kind: $0.rawValue, name: $0.pluralName, terms: counts[$0] ?? 0)
                })
        }
    }

    /// Everything known about the term `name` names — an id, label or synonym — within `kind` when given
    /// (`stroma show`).
    public func profile(of name: String, kind: VocabularyKind? = nil) throws -> TermProfile {
        try WorkbenchError.translatingStoreErrors(anyKind: "term") {
            try store.profile(of: name, kind: kind)
        }
    }

    /// The experiments matching every filter of `query` (`stroma experiments`).
    public func experiments(_ query: ExperimentQuery) throws -> [Experiment] {
        let options: [VocabularyKind: String] = [
            .condition: "condition", .cellSource: "source", .route: "route", .species: "species",
            .diseasePhase: "phase", .diseaseModel: "model", .productForm: "product_form",
        ]
        return try WorkbenchError.translatingStoreErrors(options: options) { try store.experiments(query) }
    }

    /// The claims matching every filter of `query` (`stroma claims`).
    public func claims(_ query: ClaimQuery) throws -> [Claim] {
        let options: [VocabularyKind: String] = [.mechanism: "mechanism", .condition: "condition"]
        return try WorkbenchError.translatingStoreErrors(options: options, anyKind: "subject") {
            try store.claims(query)
        }
    }

    /// Full-text search over experiments, trials and claims, best matches first (`stroma search`).
    /// - Throws: ``WorkbenchError`` (`invalid_input`, option `limit`) for a limit below 1.
    public func search(_ text: String, limit: Int = 50) throws -> [SearchHit] {
        guard limit > 0 else {
            throw WorkbenchError(.invalidInput, "--limit must be at least 1", option: "limit", valid: ["1 or more"])
        }
        return try WorkbenchError.translatingStoreErrors { try store.search(text, limit: limit) }
    }

    /// The whole stored knowledge base (`stroma export`).
    public func export() throws -> KnowledgeExport {
        try WorkbenchError.translatingStoreErrors { try KnowledgeExport(store.knowledgeBase()) }
    }
}
