import StromaStore
import StromaWorkbench

/// The trial landscape as table, CSV or JSON.
///
/// JSON: the ``TrialLandscape`` (see docs/import-formats.md). Table: the cells, then (with `--since`) the
/// changed studies. CSV: the cells only.
struct LandscapeListing {
    var result: TrialLandscape

    var headers: [String] {
        ["condition", "phase", "source", "route", "status", "studies", "enrollment", "missing_enrollment"]
            + (result.since == nil ? [] : ["new_since", "updated_since"])
    }

    var rows: [[String]] {
        result.landscape.cells.map { c in
            [
                c.condition, c.phase, c.source, c.route, c.status, String(c.studies), String(c.enrollment),
                String(c.missingEnrollment),
            ]
                + (result.since == nil ? [] : [String(c.newSince ?? 0), String(c.updatedSince ?? 0)])
        }
    }

    func rendered(as format: OutputFormat) throws -> String {
        let landscape = result.landscape
        switch format {
        case .csv: return CSVText.render(headers: headers, rows: rows)
        case .json: return try JSONText.render(result)
        case .table:
            var text = TextTable(headers: headers, rows: rows).render()
            text += "\(landscape.studyCount) MSC stud\(landscape.studyCount == 1 ? "y" : "ies")\n"
            if let since = result.since {
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
}
