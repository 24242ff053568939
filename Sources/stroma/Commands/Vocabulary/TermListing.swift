import StromaDomain
import StromaStore
import StromaWorkbench

/// `stroma conditions` and `stroma vocab KIND` as table and CSV; JSON is ``TermListing``'s own encoding.
extension TermListing: Tabular {
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

    var jsonValue: TermListing { self }
}

/// `stroma vocab` as table and CSV; JSON is ``VocabularyListing``'s own encoding.
extension VocabularyListing: Tabular {
    var headers: [String] { ["kind", "name", "terms"] }
    var rows: [[String]] { entries.map { [$0.kind, $0.name, String($0.terms)] } }
    var jsonValue: VocabularyListing { self }
}
