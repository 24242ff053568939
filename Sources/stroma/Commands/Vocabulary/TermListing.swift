import Foundation
import StromaDomain
import StromaStore

/// The terms of one vocabulary with how many records use each: what `stroma conditions` and
/// `stroma vocab <kind>` print.
struct TermListing: Tabular {
    struct Entry: Encodable {
        var term: VocabularyTerm
        var usage: TermUsage

        enum UsageKeys: String, CodingKey { case experiments, trials, claims }

        /// The term's own JSON fields plus `experiments`, `trials`, `claims` counts.
        func encode(to encoder: any Encoder) throws {
            try term.encode(to: encoder)
            var container = encoder.container(keyedBy: UsageKeys.self)
            try container.encode(usage.experiments, forKey: .experiments)
            try container.encode(usage.trials, forKey: .trials)
            try container.encode(usage.claims, forKey: .claims)
        }
    }

    var entries: [Entry]

    init(store: StromaStore, kind: VocabularyKind) throws {
        let usage = try store.usage(of: kind)
        entries = try store.terms(of: kind).map { Entry(term: $0, usage: usage[$0.id] ?? TermUsage()) }
    }

    var headers: [String] {
        ["id", "label", "category", "parent", "experiments", "trials", "claims", "synonyms"]
    }

    var rows: [[String]] {
        entries.map { entry in
            [
                entry.term.id, entry.term.label, entry.term.category ?? "", entry.term.parent ?? "",
                String(entry.usage.experiments), String(entry.usage.trials),
                String(entry.usage.claims), entry.term.synonyms.joined(separator: "; "),
            ]
        }
    }

    var jsonValue: [Entry] { entries }
}

/// The vocabularies with their term counts: what `stroma vocab` prints.
struct KindListing: Tabular {
    struct Entry: Encodable {
        var kind: String
        var name: String
        var terms: Int
    }

    var entries: [Entry]

    init(store: StromaStore) throws {
        let counts = try store.termCounts()
        entries = VocabularyKind.allCases.map {
            Entry(kind: $0.rawValue, name: $0.pluralName, terms: counts[$0] ?? 0)
        }
    }

    var headers: [String] { ["kind", "name", "terms"] }
    var rows: [[String]] { entries.map { [$0.kind, $0.name, String($0.terms)] } }
    var jsonValue: [Entry] { entries }
}
