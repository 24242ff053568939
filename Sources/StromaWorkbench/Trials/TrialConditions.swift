import StromaDomain
import StromaImport
import StromaStore

/// Which recognised condition ids a `--condition` name selects in the registry studies (`trials landscape`,
/// `trials list`).
///
/// Rule: the vocabulary term the name resolves to (id, label or synonym) with all its narrower terms, **and** the
/// MSC recogniser's own condition id that the name spells (``MSCConditionMap/builtIn``). So
/// `--condition stroke` counts ischaemic stroke (the vocabulary's term, of which "stroke" is a synonym) and the
/// studies whose registry conditions say only "stroke" (the recogniser's `stroke`, unspecified stroke);
/// `--condition ischemic-stroke` counts only studies recognised as ischaemic; haemorrhagic stroke is counted only
/// when asked for (`hemorrhagic-stroke`). A name the vocabulary lacks but the recogniser knows selects the
/// recogniser's id alone.
public enum TrialConditions {
    /// The condition ids `name` selects; throws ``WorkbenchError`` (`not_found`, with suggestions) when neither
    /// the vocabulary nor the recogniser knows it.
    public static func ids(_ name: String, in store: StromaStore) throws -> Set<String> {
        let spelled = MSCConditionMap.builtIn.match(name)?.id
        do {
            var ids = try withNarrower(try store.resolveTerm(name, kind: .condition), in: store)
            if let spelled { ids.insert(spelled) }
            return ids
        } catch let error as StoreError {
            if case .unknownTerm(_, _, let suggestions) = error {
                if let spelled { return [spelled] }
                throw WorkbenchError(.notFound, error.description, option: "condition", valid: suggestions)
            }
            throw WorkbenchError(.invalidInput, error.description, option: "condition")
        }
    }

    /// The id of `term` and of every narrower term of its kind.
    public static func withNarrower(
        _ term: VocabularyTerm, kind: VocabularyKind = .condition, in store: StromaStore
    ) throws -> Set<String> {
        var ids: Set<String> = [term.id]
        var queue = [term]
        while let next = queue.popLast() {
            for child in try store.children(of: TermReference(kind, next.id)) where ids.insert(child.id).inserted {
                queue.append(child)
            }
        }
        return ids
    }
}
