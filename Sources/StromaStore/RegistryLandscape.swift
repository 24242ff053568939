import Foundation
import GRDB
import StromaDomain

/// The MSC trial landscape: counts and enrollment of stored MSC studies grouped by condition ×
/// phase × cell source × route × status, and what changed since a date.
///
/// Grouping: a study is counted once in every (condition, route) pair it has — a study with two
/// conditions and two routes appears in four cells — so cell counts can sum to more than the
/// number of studies (``studyCount`` is the distinct total). Phases are joined (`PHASE1/PHASE2`);
/// a missing value is `unknown`. Enrollment sums the registered counts (actual or anticipated, as
/// the registry gives them); studies without a count add 0 and are counted in
/// `missingEnrollment`.
public struct RegistryLandscape: Sendable, Equatable {
    /// One group.
    public struct Cell: Sendable, Equatable, Hashable, Codable {
        public var condition: String
        public var phase: String
        public var source: String
        public var route: String
        public var status: String
        public var studies: Int
        public var enrollment: Int
        public var missingEnrollment: Int
        /// With a `since` date: studies of this cell first posted on or after it (else `nil`).
        public var newSince: Int?
        /// With a `since` date: studies of this cell updated (not new) on or after it.
        public var updatedSince: Int?

        enum CodingKeys: String, CodingKey {
            case condition, phase, source, route, status, studies, enrollment
            case missingEnrollment = "missing_enrollment"
            case newSince = "new_since"
            case updatedSince = "updated_since"
        }
    }

    /// A study first posted or updated on or after the `since` date.
    public struct Change: Sendable, Equatable, Hashable, Codable {
        public var registryId: String
        /// `new` (first posted on or after the date) or `updated` (last update on or after it).
        public var change: String
        public var firstPosted: String?
        public var lastUpdate: String?
        public var status: String
        public var title: String?

        enum CodingKeys: String, CodingKey {
            case registryId = "registry_id"
            case change
            case firstPosted = "first_posted"
            case lastUpdate = "last_update"
            case status, title
        }
    }

    /// One counted study, as it entered the cells.
    public struct Study: Sendable, Equatable, Hashable {
        public var registryId: String
        /// The condition ids it was counted under (`unknown` when none).
        public var conditions: [String]
        public var phase: String
        public var source: String
        public var routes: [String]
        public var status: String
        public var enrollment: Int?
    }

    public var cells: [Cell]
    public var studyCount: Int
    public var changes: [Change]
    /// The counted studies, in registry id order.
    public var studies: [Study]

    public init(cells: [Cell], studyCount: Int, changes: [Change], studies: [Study]) {
        self.cells = cells
        self.studyCount = studyCount
        self.changes = changes
        self.studies = studies
    }
}

extension StromaStore {
    /// Builds the landscape of stored MSC studies, optionally for one condition id and with the
    /// changes since `since` (ISO date, partial allowed).
    public func registryLandscape(condition: String? = nil, since: PartialDate? = nil) throws -> RegistryLandscape {
        try registryLandscape(conditions: condition.map { [$0] }, since: since)
    }

    /// Builds the landscape of stored MSC studies; with `conditions`, only studies mapped to one
    /// of these condition ids, grouped under each matching id (a broader term and its narrower
    /// terms); with `since`, each cell counts its new and updated studies and ``changes`` lists
    /// them.
    public func registryLandscape(conditions wanted: Set<String>?, since: PartialDate?) throws -> RegistryLandscape {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.registry_id, s.title, s.overall_status, s.phases, s.enrollment, s.first_posted,
                        s.version, m.source, m.routes, m.conditions
                    FROM registry_study s JOIN registry_msc m ON m.registry_id = s.registry_id
                    WHERE m.is_msc = 1 ORDER BY s.registry_id
                    """)
            struct Key: Hashable { var condition, phase, source, route, status: String }
            var groups: [Key: RegistryLandscape.Cell] = [:]
            var studies: [RegistryLandscape.Study] = []
            var changes: [RegistryLandscape.Change] = []
            for row in rows {
                let conditions = try RegistryJSON.decode([String].self, row["conditions"])
                let kept = wanted.map { w in conditions.filter { w.contains($0) } } ?? conditions
                if wanted != nil, kept.isEmpty { continue }
                let phases = try RegistryJSON.decode([String].self, row["phases"])
                let routes = try RegistryJSON.decode([String].self, row["routes"])
                let status: String = row["overall_status"] ?? "unknown"
                let enrollment: Int? = row["enrollment"]
                let phase = phases.isEmpty ? "unknown" : phases.joined(separator: "/")
                let source: String = row["source"] ?? "unknown"
                var kind: String?
                if let since {
                    let first = (row["first_posted"] as String?).flatMap(PartialDate.init(iso:))
                    let last = (row["version"] as String?).flatMap(PartialDate.init(iso:))
                    kind =
                        if let first, first >= since { "new" } else if let last, last >= since { "updated" } else {
                            nil
                        }
                    if let kind {
                        changes.append(
                            RegistryLandscape.Change(
                                registryId: row["registry_id"], change: kind, firstPosted: first?.description,
                                lastUpdate: last?.description, status: status, title: row["title"]))
                    }
                }
                studies.append(
                    RegistryLandscape.Study(
                        registryId: row["registry_id"], conditions: kept.isEmpty ? ["unknown"] : kept,
                        phase: phase, source: source, routes: routes.isEmpty ? ["unknown"] : routes,
                        status: status, enrollment: enrollment))
                for c in kept.isEmpty ? ["unknown"] : kept {
                    for r in routes.isEmpty ? ["unknown"] : routes {
                        let key = Key(condition: c, phase: phase, source: source, route: r, status: status)
                        var cell =
                            groups[key]
                            ?? RegistryLandscape.Cell(
                                condition: c, phase: phase, source: source, route: r, status: status,
                                studies: 0, enrollment: 0, missingEnrollment: 0,
                                newSince: since == nil ? nil : 0, updatedSince: since == nil ? nil : 0)
                        cell.studies += 1
                        if kind == "new" { cell.newSince! += 1 }
                        if kind == "updated" { cell.updatedSince! += 1 }
                        cell.enrollment += enrollment ?? 0
                        if enrollment == nil { cell.missingEnrollment += 1 }
                        groups[key] = cell
                    }
                }
            }
            let cells = groups.values.sorted {
                ($0.condition, $0.phase, $0.source, $0.route, $0.status)
                    < ($1.condition, $1.phase, $1.source, $1.route, $1.status)
            }
            return RegistryLandscape(cells: cells, studyCount: studies.count, changes: changes, studies: studies)
        }
    }
}
