import Foundation
import StromaDomain
import StromaStore

/// Readable names for the ids trial listings and charts group by: vocabulary labels for conditions and cell
/// sources (`alzheimers-disease` → `Alzheimer's disease`), and registry phases spelled out (`PHASE1/PHASE2` →
/// `Phase 1/2`).
public struct TrialLabels: Sendable {
    public var conditions: [String: String]
    public var sources: [String: String]

    public init(conditions: [String: String] = [:], sources: [String: String] = [:]) {
        self.conditions = conditions
        self.sources = sources
    }

    /// The labels of the store's condition and cell-source terms.
    public init(store: StromaStore) throws {
        func labels(_ kind: VocabularyKind) throws -> [String: String] {
            Dictionary(try store.terms(of: kind).map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        }
        self.init(conditions: try labels(.condition), sources: try labels(.cellSource))
    }

    /// The vocabulary label of condition `id`, else the id in words (`multiple-system-atrophy` → `Multiple
    /// system atrophy`); `unknown` → `Condition not recognised`.
    public func condition(_ id: String) -> String {
        if id == "unknown" { return "Condition not recognised" }
        return conditions[id] ?? Self.words(id)
    }

    /// The vocabulary label of cell source `id`, else the id in words; `unknown` → `Source not stated`.
    public func source(_ id: String) -> String {
        if id == "unknown" { return "Source not stated" }
        return sources[id] ?? Self.words(id)
    }

    /// A registry phase, or phases joined with `/`, in words: `PHASE2` → `Phase 2`, `PHASE1/PHASE2` →
    /// `Phase 1/2`, `EARLY_PHASE1` → `Early phase 1`, `NA` → `Not applicable`, `unknown` → `Phase not stated`.
    public static func phase(_ joined: String) -> String {
        if joined == "unknown" { return "Phase not stated" }
        let parts = joined.split(separator: "/").map(String.init)
        if parts.count > 1, parts.allSatisfy({ $0.hasPrefix("PHASE") }) {
            return "Phase " + parts.map { String($0.dropFirst("PHASE".count)) }.joined(separator: "/")
        }
        return parts.map { part in
            switch part {
            case "NA": "Not applicable"
            case "EARLY_PHASE1": "Early phase 1"
            case let p where p.hasPrefix("PHASE"): "Phase " + p.dropFirst("PHASE".count)
            default: words(part)
            }
        }.joined(separator: "/")
    }

    /// `some-id` or `SOME_ID` → `Some id`.
    static func words(_ id: String) -> String {
        let spaced = id.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ").lowercased()
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
