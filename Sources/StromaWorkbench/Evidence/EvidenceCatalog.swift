import Foundation
import StromaDomain
import StromaKnowledge
import StromaStore

/// `stroma evidence list|show|retract`: the bundled knowledge base's experiments (read-only)
/// and the user's own, each saying which it is.
public enum EvidenceCatalog {
    /// Where an experiment comes from.
    public enum Origin: String, Sendable, Codable, CaseIterable {
        /// The curated knowledge base shipped with Stroma; read-only.
        case bundled
        /// Imported by the user with `stroma evidence import`.
        case user
    }

    /// One listing row (JSON keys in docs/evidence.md).
    public struct Entry: Sendable, Codable, Equatable {
        public var id: String
        public var origin: Origin
        /// The study label (user) or publication id (bundled).
        public var study: String?
        public var conditions: [String]
        public var species: String?
        public var arms: Int
        public var measurements: Int
        /// Treated-vs-control pairs available for pooling (``Experiment/pairedOutcomes``).
        public var pairs: Int
        public var relativeResults: Int
        /// User records: version and retraction; bundled records: version 0.
        public var version: Int
        public var retracted: Bool
        /// Where it came from: the file and rows, or the seed sections.
        public var source: String

        enum CodingKeys: String, CodingKey {
            case id, origin, study, conditions, species, arms, measurements, pairs
            case relativeResults = "relative_results"
            case version, retracted, source
        }
    }

    /// One experiment in full, with its history (user records).
    public struct Detail: Sendable, Codable, Equatable {
        public var origin: Origin
        public var entry: Entry
        public var experiment: Experiment
        public var history: [UserEvidenceVersion]
        public var retractionReason: String?

        enum CodingKeys: String, CodingKey {
            case origin, entry, experiment, history
            case retractionReason = "retraction_reason"
        }
    }

    /// Every experiment of `origin` (both when `nil`): bundled first in knowledge-base order,
    /// then the user's in id order; retracted user records only with `includeRetracted`.
    public static func list(store: StromaStore, origin: Origin? = nil, includeRetracted: Bool = false) throws
        -> [Entry]
    {
        var entries: [Entry] = []
        if origin != .user {
            entries += try store.experiments(ExperimentQuery()).map(bundledEntry)
        }
        if origin != .bundled {
            entries += try store.userEvidence(includeRetracted: includeRetracted).map(userEntry)
        }
        return entries
    }

    /// The experiment `id`, user or bundled.
    /// - Throws: ``WorkbenchError`` (`not_found`) with the nearest ids.
    public static func show(id: String, store: StromaStore) throws -> Detail {
        if let user = try store.userEvidence(id: id) {
            return Detail(
                origin: .user, entry: userEntry(user), experiment: user.experiment,
                history: try store.userEvidenceHistory(id: id), retractionReason: user.retractionReason)
        }
        if let bundled = try store.experiments(ExperimentQuery()).first(where: { $0.id == id }) {
            return Detail(origin: .bundled, entry: bundledEntry(bundled), experiment: bundled, history: [])
        }
        throw try notFound(id, store: store)
    }

    /// Retracts user experiment `id` with `reason`.
    /// - Throws: ``WorkbenchError``: a bundled id (read-only), an unknown id, an empty reason.
    public static func retract(id: String, reason: String, store: StromaStore) throws -> Entry {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WorkbenchError(.invalidInput, "--reason: give why the experiment is retracted", option: "--reason")
        }
        if try store.userEvidence(id: id) == nil {
            if try store.experiments(ExperimentQuery()).contains(where: { $0.id == id }) {
                throw WorkbenchError(
                    .invalidInput,
                    "experiment '\(id)' is in the bundled knowledge base, which is read-only; only user evidence "
                        + "(ids 'user-…') can be retracted", record: id)
            }
            throw try notFound(id, store: store)
        }
        _ = try store.retractEvidence(id: id, reason: reason)
        return userEntry(try store.userEvidence(id: id)!)
    }

    static func notFound(_ id: String, store: StromaStore) throws -> WorkbenchError {
        let ids = try list(store: store, includeRetracted: true).map(\.id)
        let near = ids.filter { $0.hasPrefix(String(id.prefix(6))) && $0.contains(id.suffix(3)) }.prefix(3)
        let hint = near.isEmpty ? "see 'stroma evidence list'" : "did you mean: " + near.joined(separator: ", ") + "?"
        return WorkbenchError(.notFound, "no experiment '\(id)'; \(hint)", record: id, valid: Array(near))
    }

    static func bundledEntry(_ experiment: Experiment) -> Entry {
        Entry(
            id: experiment.id, origin: .bundled, study: experiment.publication, conditions: experiment.conditions,
            species: experiment.species, arms: experiment.arms.count, measurements: experiment.measurements.count,
            pairs: experiment.pairedOutcomes.count, relativeResults: experiment.relativeResults.count, version: 0,
            retracted: false,
            source: experiment.provenance.first.map(\.shortDescription) ?? "bundled knowledge base")
    }

    static func userEntry(_ user: UserEvidence) -> Entry {
        let experiment = user.experiment
        return Entry(
            id: experiment.id, origin: .user, study: user.study, conditions: experiment.conditions,
            species: experiment.species, arms: experiment.arms.count, measurements: experiment.measurements.count,
            pairs: experiment.pairedOutcomes.count, relativeResults: experiment.relativeResults.count,
            version: user.version, retracted: user.retractedAt != nil,
            source: "\(user.sourceFile) rows \(user.rows)")
    }
}
