import StromaDomain
import StromaStore

/// `stroma trials landscape`: imported MSC trials counted by condition × phase × cell source × route × status,
/// with enrollment, and what changed since a date.
///
/// JSON: `{"condition", "condition_ids", "since", "study_count", "cells": [{"condition", "phase", "source",
/// "route", "status", "studies", "enrollment", "missing_enrollment", "new_since"?, "updated_since"?}],
/// "changes": [{"registry_id", "change", "first_posted", "last_update", "status", "title"}]}`
/// (docs/import-formats.md); `condition_ids` are the recognised condition ids the `condition` selected
/// (``TrialConditions``), `null` without one.
public struct TrialLandscape: Codable, Sendable {
    public var condition: String?
    public var conditionIds: [String]?
    public var since: String?
    public var landscape: RegistryLandscape

    enum CodingKeys: String, CodingKey {
        case condition
        case conditionIds = "condition_ids"
        case since
        case studyCount = "study_count"
        case cells, changes
    }

    /// Builds the landscape of the store's MSC studies, for `condition` (a vocabulary term or a condition the
    /// recogniser knows) and with the changes on or after `since` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    ///
    /// Throws
    /// ``WorkbenchError`` for a condition nobody knows or a date that is not one.
    public static func build(condition: String? = nil, since: String? = nil, in store: StromaStore) throws
        -> TrialLandscape
    {
        var date: PartialDate?
        if let since {
            guard let parsed = PartialDate(iso: since) else {
                throw WorkbenchError(
                    .invalidInput, "'--since' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '\(since)'",
                    option: "since", valid: ["YYYY", "YYYY-MM", "YYYY-MM-DD"])
            }
            date = parsed
        }
        let ids = try condition.map { try TrialConditions.ids($0, in: store) }
        do {
            return TrialLandscape(
                condition: condition, conditionIds: ids?.sorted(), since: since,
                landscape: try store.registryLandscape(conditions: ids, since: date))
        } catch let error as StoreError {
            throw WorkbenchError(.store, error.description)
        }
    }

    public init(condition: String?, conditionIds: [String]?, since: String?, landscape: RegistryLandscape) {
        self.condition = condition
        self.conditionIds = conditionIds
        self.since = since
        self.landscape = landscape
    }

    /// Decodes the JSON form (the per-study list behind the chart is not part of it and comes back empty).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        condition = try c.decodeIfPresent(String.self, forKey: .condition)
        conditionIds = try c.decodeIfPresent([String].self, forKey: .conditionIds)
        since = try c.decodeIfPresent(String.self, forKey: .since)
        landscape = RegistryLandscape(
            cells: try c.decode([RegistryLandscape.Cell].self, forKey: .cells),
            studyCount: try c.decode(Int.self, forKey: .studyCount),
            changes: try c.decode([RegistryLandscape.Change].self, forKey: .changes), studies: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(condition, forKey: .condition)
        try c.encode(conditionIds, forKey: .conditionIds)
        try c.encode(since, forKey: .since)
        try c.encode(landscape.studyCount, forKey: .studyCount)
        try c.encode(landscape.cells, forKey: .cells)
        try c.encode(landscape.changes, forKey: .changes)
    }
}
