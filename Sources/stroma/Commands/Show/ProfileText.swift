import Foundation
import StromaDomain
import StromaStore

/// The readable, grouped text of `stroma show`: a header block, then one section per record
/// type, each record followed by its citation.
enum ProfileText {
    static func render(_ profile: TermProfile) -> String {
        var lines: [String] = []
        let term = profile.term
        lines.append("\(term.label)  [\(term.kind.rawValue): \(term.id)]")
        lines += field("Definition", term.definition)
        if !term.synonyms.isEmpty { lines += field("Synonyms", term.synonyms.joined(separator: ", ")) }
        if let category = term.category { lines += field("Category", category) }
        if let parent = profile.parent { lines += field("Broader", summary(parent)) }
        if !profile.children.isEmpty {
            lines += field("Narrower", profile.children.map(summary).joined(separator: ", "))
        }
        if !profile.related.isEmpty {
            lines += field(
                "Related",
                profile.related.map { "\($0.kind.rawValue) \(summary($0))" }
                    .joined(separator: ", "))
        }
        if !term.provenance.isEmpty {
            lines += field("Cited", RecordDisplay.citation(term.provenance))
        }

        lines.append("")
        lines.append("Experiments (\(profile.experiments.count))")
        if profile.experiments.isEmpty { lines.append("  none") }
        for (index, e) in profile.experiments.enumerated() {
            lines.append("  \(index + 1). \(e.id)")
            let time =
                e.timeAfterInjury.map { time in
                    "time: \(time.stated)" + (e.phase.map { " (\($0))" } ?? "")
                } ?? e.phase.map { "phase: \($0)" }
            let dose = RecordDisplay.dose(e)
            let volume = RecordDisplay.volume(e)
            lines += RecordDisplay.wrapSegments(
                [RecordDisplay.model(e), RecordDisplay.source(e), RecordDisplay.route(e)],
                indent: "     ")
            lines += RecordDisplay.wrapSegments(
                [
                    time ?? "", dose.isEmpty ? "" : "dose: \(dose)",
                    volume.isEmpty ? "" : "volume: \(volume)",
                ], indent: "     ")
            lines += RecordDisplay.wrap(
                "findings: \(e.findings)", indent: "     ", hanging: 2)
            lines.append("     cited: \(RecordDisplay.citation(e.provenance))")
        }

        lines.append("")
        lines.append("Trials (\(profile.trials.count))")
        if profile.trials.isEmpty { lines.append("  none") }
        for t in profile.trials {
            let head = [
                t.id, t.phases.isEmpty ? nil : RecordDisplay.phases(t), t.status,
                t.enrollment.map { "n=\($0)" },
            ].compactMap { $0 }.joined(separator: " · ")
            lines.append("  - \(head)")
            if let title = t.title { lines += RecordDisplay.wrap(title, indent: "    ") }
            let what = [t.source, t.routes.isEmpty ? nil : t.routes.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: " · ")
            if !what.isEmpty { lines.append("    \(what)") }
            if let findings = t.findings {
                lines += RecordDisplay.wrap("findings: \(findings)", indent: "    ")
            }
            lines.append("    cited: \(RecordDisplay.citation(t.provenance))")
        }

        lines.append("")
        lines.append("Claims (\(profile.claims.count))")
        if profile.claims.isEmpty { lines.append("  none") }
        for c in profile.claims {
            lines += RecordDisplay.wrap(
                "- \(c.statement) [\(c.evidence.rawValue)]", indent: "  ", hanging: 2)
            lines.append("    cited: \(RecordDisplay.citation(c.provenance))")
        }

        if !profile.coOccurring.isEmpty {
            lines.append("")
            lines.append("Used with (records: experiments/trials/claims)")
            for kind in VocabularyKind.allCases {
                let terms = profile.coOccurring.filter { $0.kind == kind }
                guard !terms.isEmpty else { continue }
                let list = terms.map { "\($0.id) \($0.experiments)/\($0.trials)/\($0.claims)" }
                lines += RecordDisplay.wrap(
                    "\(kind.pluralName): " + list.joined(separator: ", "), indent: "  ",
                    hanging: 4)
            }
        }

        if !profile.publications.isEmpty {
            lines.append("")
            lines.append("Publications (\(profile.publications.count))")
            for p in profile.publications {
                let title = p.citation.title.map { " — \($0)" } ?? ""
                lines += RecordDisplay.wrap(
                    "- \(p.id): \(p.citation.shortDescription)\(title)", indent: "  ",
                    hanging: 2)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func summary(_ term: TermSummary) -> String {
        term.label.caseInsensitiveCompare(term.id) == .orderedSame
            ? term.id : "\(term.id) (\(term.label))"
    }

    private static func field(_ name: String, _ value: String) -> [String] {
        let label = (name + ":").padding(toLength: 12, withPad: " ", startingAt: 0)
        let wrapped = RecordDisplay.wrap(value, indent: String(repeating: " ", count: 12))
        guard let first = wrapped.first else { return [label] }
        return [label + first.dropFirst(12)] + wrapped.dropFirst()
    }
}

/// `stroma show --format csv`: one row per item of the profile.
enum ProfileCSV {
    static let headers = ["section", "kind", "id", "label", "detail", "citation"]

    static func rows(_ profile: TermProfile) -> [[String]] {
        let term = profile.term
        var rows: [[String]] = [
            [
                "term", term.kind.rawValue, term.id, term.label, term.definition,
                RecordDisplay.citation(term.provenance),
            ]
        ]
        rows += term.synonyms.map { ["synonym", term.kind.rawValue, term.id, $0, "", ""] }
        if let parent = profile.parent {
            rows.append(["parent", parent.kind.rawValue, parent.id, parent.label, "", ""])
        }
        rows += profile.children.map { ["child", $0.kind.rawValue, $0.id, $0.label, "", ""] }
        rows += profile.related.map { ["related", $0.kind.rawValue, $0.id, $0.label, "", ""] }
        rows += profile.experiments.map { e in
            [
                "experiment", "", e.id,
                [RecordDisplay.model(e), RecordDisplay.source(e), RecordDisplay.route(e)]
                    .joined(separator: " · "),
                e.findings, RecordDisplay.citation(e.provenance),
            ]
        }
        rows += profile.trials.map { t in
            [
                "trial", "", t.id, t.title ?? "", t.findings ?? "",
                RecordDisplay.citation(t.provenance),
            ]
        }
        rows += profile.claims.map { c in
            ["claim", "", c.id, c.relation, c.statement, RecordDisplay.citation(c.provenance)]
        }
        rows += profile.coOccurring.map { t in
            [
                "used_with", t.kind.rawValue, t.id, t.label,
                "experiments=\(t.experiments);trials=\(t.trials);claims=\(t.claims)", "",
            ]
        }
        rows += profile.publications.map { p in
            [
                "publication", "", p.id, p.citation.title ?? "", p.citation.shortDescription,
                RecordDisplay.citation(p.provenance),
            ]
        }
        return rows
    }
}
