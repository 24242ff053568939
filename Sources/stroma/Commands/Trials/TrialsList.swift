import ArgumentParser
import StromaDomain
import StromaStore

/// `stroma trials [list]`: trials in the knowledge base, filtered by condition, phase, source.
struct TrialsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List clinical trials, filtered by condition, phase, cell source or route.",
        discussion: """
            Terms as in 'stroma experiments' (synonyms, broader terms include narrower ones). \
            --phase takes a registry phase: 1–4, I–IV, 'phase 2', PHASE2, early-phase-1, NA; a \
            trial with several phases (PHASE1/PHASE2) matches each.
            """)

    @Option(help: "Condition, e.g. spinal-cord-injury.") var condition: String?
    @Option(help: "Registry phase, e.g. 2 or PHASE2.") var phase: String?
    @Option(help: "Cell source, e.g. umbilical-cord.") var source: String?
    @Option(help: "Route, e.g. intrathecal.") var route: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let trials = try store.openStore().trials(
            TrialQuery(condition: condition, source: source, route: route, phase: phase))
        StandardStreams.writeData(try TrialListing(trials: trials).rendered(as: output.format))
    }
}

/// Trials as table, CSV or JSON (JSON: the full ``ClinicalTrial`` records).
struct TrialListing {
    var trials: [ClinicalTrial]

    static let csvHeaders = [
        "id", "registry_id", "title", "phases", "status", "enrollment", "conditions", "source",
        "origin", "product_form", "routes", "dose", "administrations", "countries", "start_date",
        "completion_date", "follow_up", "outcome_measures", "findings", "publication", "citation",
    ]

    var csvRows: [[String]] {
        trials.map { t in
            [
                t.id, t.registryId ?? "", t.title ?? "", t.phases.joined(separator: ";"),
                t.status ?? "", t.enrollment.map(String.init) ?? "",
                t.conditions.joined(separator: ";"), t.source ?? "", t.origin.joined(separator: ";"),
                t.productForm ?? "", t.routes.joined(separator: ";"), t.dose?.stated ?? "",
                t.administrations.map(String.init) ?? "", t.countries.joined(separator: ";"),
                t.startDate ?? "", t.completionDate ?? "", t.followUp ?? "",
                t.outcomeMeasures.joined(separator: ";"), t.findings ?? "", t.publication ?? "",
                RecordDisplay.citation(t.provenance),
            ]
        }
    }

    static let tableHeaders = [
        "id", "phase", "status", "n", "conditions", "source", "routes", "findings", "cited",
    ]

    var tableRows: [[String]] {
        trials.map { t in
            [
                t.id, RecordDisplay.phases(t), t.status ?? "", t.enrollment.map(String.init) ?? "",
                t.conditions.joined(separator: ", "), t.source ?? "",
                t.routes.joined(separator: ", "), t.findings ?? t.title ?? "",
                t.provenance.first?.shortDescription ?? "",
            ]
        }
    }

    func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .table:
            TextTable(headers: Self.tableHeaders, rows: tableRows, maxCellWidth: 50).render()
        case .csv: CSVText.render(headers: Self.csvHeaders, rows: csvRows)
        case .json: try JSONText.render(trials)
        }
    }
}
