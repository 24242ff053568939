import ArgumentParser
import Foundation
import StromaDomain
import StromaKnowledge
import StromaStore
import StromaWorkbench

/// `stroma export`: the whole knowledge base of the store, as JSON or as one CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole knowledge base as JSON or CSV.",
        discussion: """
            JSON: an object with 'checksum', 'vocabulary', 'publications', 'experiments', \
            'trials' and 'claims' (the documented record encodings, provenance included). \
            CSV: one row per term or record with columns record_type, kind, id, name, text, \
            terms, citation (a flat index; use JSON for every field). Table: the CSV rows, \
            long cells cut.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let export = try store.knowledge().export()
        let base = export.knowledgeBase
        switch output.format {
        case .json:
            StandardStreams.writeData(try JSONText.render(export))
        case .csv:
            StandardStreams.writeData(CSVText.render(headers: Self.headers, rows: Self.rows(base)))
        case .table:
            StandardStreams.writeData(TextTable(headers: Self.headers, rows: Self.rows(base)).render())
        }
    }

    static let headers = ["record_type", "kind", "id", "name", "text", "terms", "citation"]

    static func rows(_ base: KnowledgeBase) -> [[String]] {
        func terms(_ refs: [TermReference]) -> String {
            var seen: Set<TermReference> = []
            return refs.filter { seen.insert($0).inserted }
                .map { "\($0.kind.rawValue):\($0.id)" }.joined(separator: ";")
        }
        var rows: [[String]] = base.vocabulary.map { t in
            [
                "term", t.kind.rawValue, t.id, t.label, t.definition,
                terms((t.parent.map { [TermReference(t.kind, $0)] } ?? []) + t.related),
                RecordDisplay.citation(t.provenance),
            ]
        }
        rows += base.publications.map { p in
            [
                "publication", "", p.id, p.citation.title ?? p.citation.shortDescription,
                p.citation.shortDescription, "", RecordDisplay.citation(p.provenance),
            ]
        }
        rows += base.experiments.map { e in
            [
                "experiment", "", e.id, e.modelStated ?? "", e.findings, terms(e.termReferences),
                RecordDisplay.citation(e.provenance),
            ]
        }
        rows += base.trials.map { t in
            [
                "trial", "", t.id, t.title ?? "", t.findings ?? "", terms(t.termReferences),
                RecordDisplay.citation(t.provenance),
            ]
        }
        rows += base.claims.map { c in
            [
                "claim", "", c.id, c.relation, c.statement, terms(c.termReferences),
                RecordDisplay.citation(c.provenance),
            ]
        }
        return rows
    }
}
