import StromaPlot
import StromaStore

/// The trial landscape as table, CSV or JSON, and as chart bars.
///
/// JSON: `{"condition", "since", "study_count", "cells": [{"condition", "phase", "source",
/// "route", "status", "studies", "enrollment", "missing_enrollment", "new_since"?,
/// "updated_since"?}], "changes": [{"registry_id", "change", "first_posted", "last_update",
/// "status", "title"}]}` (see docs/import-formats.md). Table: the cells, then (with `--since`)
/// the changed studies. CSV: the cells only.
struct LandscapeListing {
    var landscape: RegistryLandscape
    var condition: String?
    var since: String?

    struct JSONValue: Encodable {
        var condition: String?
        var since: String?
        var studyCount: Int
        var cells: [RegistryLandscape.Cell]
        var changes: [RegistryLandscape.Change]

        enum CodingKeys: String, CodingKey {
            case condition, since
            case studyCount = "study_count"
            case cells, changes
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(condition, forKey: .condition)
            try c.encode(since, forKey: .since)
            try c.encode(studyCount, forKey: .studyCount)
            try c.encode(cells, forKey: .cells)
            try c.encode(changes, forKey: .changes)
        }
    }

    var headers: [String] {
        ["condition", "phase", "source", "route", "status", "studies", "enrollment", "missing_enrollment"]
            + (since == nil ? [] : ["new_since", "updated_since"])
    }

    var rows: [[String]] {
        landscape.cells.map { c in
            [
                c.condition, c.phase, c.source, c.route, c.status, String(c.studies), String(c.enrollment),
                String(c.missingEnrollment),
            ]
                + (since == nil ? [] : [String(c.newSince ?? 0), String(c.updatedSince ?? 0)])
        }
    }

    func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .csv: return CSVText.render(headers: headers, rows: rows)
        case .json:
            return try JSONText.render(
                JSONValue(
                    condition: condition, since: since, studyCount: landscape.studyCount,
                    cells: landscape.cells, changes: landscape.changes))
        case .table:
            var text = TextTable(headers: headers, rows: rows).render()
            text += "\(landscape.studyCount) MSC stud\(landscape.studyCount == 1 ? "y" : "ies")\n"
            if let since {
                text +=
                    "\nChanged since \(since): \(landscape.changes.count) stud\(landscape.changes.count == 1 ? "y" : "ies")\n"
                if !landscape.changes.isEmpty {
                    text += TextTable(
                        headers: ["registry_id", "change", "first_posted", "last_update", "status", "title"],
                        rows: landscape.changes.map {
                            [
                                $0.registryId, $0.change, $0.firstPosted ?? "", $0.lastUpdate ?? "", $0.status,
                                $0.title ?? "",
                            ]
                        }, maxCellWidth: 60
                    ).render()
                }
            }
            return text
        }
    }

    /// One bar per condition and phase, split by cell source: distinct studies (a study with
    /// several routes counts once), with their summed enrollment as the bar's note.
    var chartBars: [LandscapeChart.Bar] {
        struct Key: Hashable, Comparable {
            var condition, phase: String
            static func < (a: Key, b: Key) -> Bool { (a.condition, a.phase) < (b.condition, b.phase) }
        }
        var counts: [Key: [String: Int]] = [:]
        var enrolled: [Key: Int] = [:]
        for study in landscape.studies {
            for condition in study.conditions {
                let key = Key(condition: condition, phase: study.phase)
                counts[key, default: [:]][study.source, default: 0] += 1
                enrolled[key, default: 0] += study.enrollment ?? 0
            }
        }
        return counts.keys.sorted().map { key in
            LandscapeChart.Bar(
                group: key.condition, label: key.phase,
                segments: counts[key]!.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: $0.value) },
                note: "\(enrolled[key]!) enrolled")
        }
    }

    var chartTitle: String {
        "MSC trials by condition and phase, split by cell source"
            + (condition.map { " (\($0))" } ?? "")
    }
}
