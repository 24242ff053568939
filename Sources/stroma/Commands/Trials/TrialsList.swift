import ArgumentParser
import StromaDomain
import StromaStore
import StromaWorkbench

extension TrialList.Origin: ExpressibleByArgument {}

/// `stroma trials [list]`: curated knowledge-base trials and imported registry studies, filtered by condition,
/// phase, source, route and where they come from.
struct TrialsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List clinical trials, filtered by condition, phase, cell source or route.",
        discussion: """
            Lists the knowledge base's curated trials (from: knowledge) and the imported registry \
            studies the MSC recogniser classed as MSC trials (from: registry; 'both' when a curated \
            trial's record is imported too); --from knowledge|registry|all (default all). Terms as \
            in 'stroma experiments' (synonyms, broader terms include narrower ones); for imported \
            studies --condition also selects the recogniser's condition the name spells ('stroke' \
            includes unspecified stroke). --phase takes a registry phase: 1–4, I–IV, 'phase 2', \
            PHASE2, early-phase-1, NA; a trial with several phases (PHASE1/PHASE2) matches each. \
            JSON: the trial records with record_source.
            """)

    @Option(help: "Condition, e.g. spinal-cord-injury.") var condition: String?
    @Option(help: "Registry phase, e.g. 2 or PHASE2.") var phase: String?
    @Option(help: "Cell source, e.g. umbilical-cord.") var source: String?
    @Option(help: "Route, e.g. intrathecal.") var route: String?
    @Option(help: "Which records: all, knowledge (curated) or registry (imported).") var from: TrialList.Origin = .all

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let trials = try TrialList.list(
            TrialList.Query(condition: condition, phase: phase, source: source, route: route, from: from),
            in: try store.openStore())
        StandardStreams.writeData(try TrialListing(listed: trials).rendered(as: output.format))
    }
}

/// Trials as table, CSV or JSON (JSON: the full ``ClinicalTrial`` records with `record_source`).
struct TrialListing {
    var listed: [ListedTrial]

    static let csvHeaders = [
        "id", "registry_id", "title", "phases", "status", "enrollment", "conditions", "source",
        "origin", "product_form", "routes", "dose", "administrations", "countries", "start_date",
        "completion_date", "follow_up", "outcome_measures", "findings", "publication", "citation", "record_source",
    ]

    var csvRows: [[String]] {
        listed.map { entry in
            let t = entry.trial
            return [
                t.id, t.registryId ?? "", t.title ?? "", t.phases.joined(separator: ";"),
                t.status ?? "", t.enrollment.map(String.init) ?? "",
                t.conditions.joined(separator: ";"), t.source ?? "", t.origin.joined(separator: ";"),
                t.productForm ?? "", t.routes.joined(separator: ";"), t.dose?.stated ?? "",
                t.administrations.map(String.init) ?? "", t.countries.joined(separator: ";"),
                t.startDate ?? "", t.completionDate ?? "", t.followUp ?? "",
                t.outcomeMeasures.joined(separator: ";"), t.findings ?? "", t.publication ?? "",
                RecordDisplay.citation(t.provenance), entry.recordSource.rawValue,
            ]
        }
    }

    static let tableHeaders = [
        "id", "from", "phase", "status", "n", "conditions", "source", "routes", "findings", "cited",
    ]

    var tableRows: [[String]] {
        listed.map { entry in
            let t = entry.trial
            return [
                t.id, entry.recordSource.rawValue, RecordDisplay.phases(t), t.status ?? "",
                t.enrollment.map(String.init) ?? "",
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
        case .json: try JSONText.render(listed)
        }
    }
}
