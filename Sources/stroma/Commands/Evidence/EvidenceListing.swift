import StromaDomain
import StromaStore
import StromaWorkbench

/// Experiments as rows; JSON: the entries (docs/evidence.md).
struct EvidenceListing: Tabular {
    var entries: [EvidenceCatalog.Entry]

    var headers: [String] {
        [
            "id", "origin", "study", "conditions", "species", "arms", "measurements", "pairs", "relative", "version",
            "status", "source",
        ]
    }

    var rows: [[String]] {
        entries.map { e in
            [
                e.id, e.origin.rawValue, e.study ?? "", e.conditions.joined(separator: "; "), e.species ?? "",
                "\(e.arms)", "\(e.measurements)", "\(e.pairs)", "\(e.relativeResults)",
                e.origin == .bundled ? "-" : "\(e.version)",
                e.origin == .bundled ? "read-only" : e.retracted ? "retracted" : "current", e.source,
            ]
        }
    }

    var jsonValue: [EvidenceCatalog.Entry] { entries }
}

/// One import's outcome as rows (one per experiment); JSON: the result.
struct EvidenceImportListing: Tabular {
    var result: EvidenceImport.Result

    var headers: [String] { ["id", "outcome"] }

    var rows: [[String]] {
        result.added.map { [$0, "added"] } + result.changed.map { [$0, "new version"] }
            + result.unchanged.map { [$0, "unchanged"] }
    }

    var jsonValue: EvidenceImport.Result { result }
}

/// One experiment: a row per arm, measurement and relative result; JSON: the detail.
struct EvidenceDetailListing: Tabular {
    var detail: EvidenceCatalog.Detail

    var headers: [String] { ["part", "arm", "what", "value", "provenance"] }

    var rows: [[String]] {
        let e = detail.experiment
        var rows: [[String]] = [
            [
                "experiment", "", e.id, "\(detail.origin.rawValue)\(detail.entry.retracted ? ", retracted" : "")",
                detail.entry.source,
            ]
        ]
        for arm in e.arms {
            let what =
                arm.role == .control
                ? "control (\(arm.controlType?.rawValue ?? "?"))" : "treated vs \(arm.controlArm ?? "-")"
            let parts = [arm.source, arm.productForm, arm.route, arm.dose?.stated, arm.animals.map { "\($0) animals" }]
            rows.append(["arm", arm.label, what, parts.compactMap { $0 }.joined(separator: ", "), arm.note ?? ""])
        }
        for m in e.measurements {
            let time = m.assessedAtHours.map { " at \($0) h" } ?? ""
            let spread = m.dispersion.conversion.map { " (\($0))" } ?? ""
            rows.append([
                "measurement", m.arm, "\(m.measure)\(time)",
                "mean \(m.mean), SD \(m.sd), n \(m.n)\(m.unit.map { " \($0)" } ?? "")\(spread)",
                m.provenance.shortDescription,
            ])
        }
        for r in e.relativeResults {
            rows.append(["relative", r.arm ?? "", r.measure ?? r.quantity, r.summary, r.provenance.quote ?? ""])
        }
        for d in e.derived { rows.append(["derived", "", d.field, d.assumption, ""]) }
        for v in detail.history {
            rows.append([
                "history", "", "version \(v.version)", "replaced \(v.replacedAt)", "\(v.sourceFile) rows \(v.rows)",
            ])
        }
        return rows
    }

    var jsonValue: EvidenceCatalog.Detail { detail }
}
