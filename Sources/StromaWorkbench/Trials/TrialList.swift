import StromaDomain
import StromaStore

/// `stroma trials [list]`: curated knowledge-base trials and imported registry MSC studies, filtered by
/// condition, phase, cell source and route, each marked by where it comes from (``ListedTrial``).
///
/// Curated trials come first, in knowledge base order, then imported studies in registry id order; an imported
/// study that is also curated (same registry id) is listed once, as `both`. Terms are matched as in `stroma
/// experiments` (id, label or synonym; a broader term includes its narrower ones). For imported studies the
/// condition also selects the recogniser's own condition that the name spells (``TrialConditions``: `stroke`
/// includes unspecified stroke).
public enum TrialList {
    /// Which records to list.
    public enum Origin: String, Codable, Sendable, CaseIterable {
        case all, knowledge, registry
    }

    /// The filters (`nil`: any).
    public struct Query: Sendable, Equatable {
        public var condition: String?
        /// A registry phase: `PHASE2`, `phase 2`, `2`, `II`, `early-phase-1`, `NA`.
        public var phase: String?
        public var source: String?
        public var route: String?
        public var from: Origin

        public init(
            condition: String? = nil, phase: String? = nil, source: String? = nil, route: String? = nil,
            from: Origin = .all
        ) {
            self.condition = condition
            self.phase = phase
            self.source = source
            self.route = route
            self.from = from
        }
    }

    /// The trials matching `query`.
    ///
    /// Throws ``WorkbenchError`` for an unknown term (with suggestions) or phase.
    public static func list(_ query: Query, in store: StromaStore) throws -> [ListedTrial] {
        do {
            return try listing(query, store)
        } catch let error as StoreError {
            switch error {
            case .unknownTerm(_, _, let suggestions):
                throw WorkbenchError(.notFound, error.description, valid: suggestions)
            case .invalidArgument(let name, _, let valid):
                throw WorkbenchError(.invalidInput, error.description, option: name, valid: [valid])
            default: throw WorkbenchError(.store, error.description)
            }
        }
    }

    private static func listing(_ query: Query, _ store: StromaStore) throws -> [ListedTrial] {
        let phase = query.phase.flatMap(TrialPhase.normalize)
        if let typed = query.phase, phase == nil {
            _ = try store.trials(TrialQuery(phase: typed))  // throws the store's invalid-phase error
        }
        let conditions = try query.condition.map { try TrialConditions.ids($0, in: store) }
        let sources = try query.source.map {
            try TrialConditions.withNarrower(store.resolveTerm($0, kind: .cellSource), kind: .cellSource, in: store)
        }
        let routes = try query.route.map {
            try TrialConditions.withNarrower(store.resolveTerm($0, kind: .route), kind: .route, in: store)
        }
        // A condition only the recogniser knows selects no curated trial (they use vocabulary terms).
        let vocabularyKnows =
            try query.condition.map { !(try store.matchingTerms($0, kind: .condition).isEmpty) } ?? true
        let curated =
            vocabularyKnows
            ? try store.trials(
                TrialQuery(condition: query.condition, source: query.source, route: query.route, phase: query.phase))
            : []
        let imported = try store.mscStudies()
        let importedIds = Set(imported.map(\.study.nctId))
        let curatedIds = Set(try store.trials().compactMap(\.registryId))
        var out: [ListedTrial] = curated.compactMap { trial in
            let both = trial.registryId.map(importedIds.contains) == true
            if query.from == .registry, !both { return nil }
            return ListedTrial(recordSource: both ? .both : .knowledge, trial: trial)
        }
        guard query.from != .knowledge else { return out }
        for stored in imported where !curatedIds.contains(stored.study.nctId) {
            let listed = ListedTrial(registry: stored)
            let t = listed.trial
            if let conditions, !t.conditions.contains(where: conditions.contains) { continue }
            if let sources, !(t.source.map(sources.contains) ?? false) { continue }
            if let routes, !t.routes.contains(where: routes.contains) { continue }
            if let phase, !t.phases.contains(phase) { continue }
            out.append(listed)
        }
        return out
    }
}
