import Foundation
import StromaDomain

/// Experiments as table, CSV or JSON.
///
/// JSON: the array of full ``Experiment`` records (documented keys, provenance included).
/// CSV: one row per experiment with every scalar field (`headers`). Table: a readable subset,
/// long cells cut (use JSON or CSV for the full text).
struct ExperimentListing {
    var experiments: [Experiment]

    static let csvHeaders = [
        "id", "conditions", "phase", "species", "model", "model_stated", "source", "origin",
        "product_form", "routes", "site", "time_after_injury", "hours", "dose", "cells", "basis",
        "cells_per_kg", "administrations", "interval", "volume", "vehicle", "findings",
        "mechanisms", "molecules", "outcome_measures", "publication", "citation",
    ]

    var csvRows: [[String]] {
        experiments.map { e in
            [
                e.id, e.conditions.joined(separator: ";"), e.phase ?? "", e.species ?? "",
                e.model ?? "", e.modelStated ?? "", e.source ?? "", e.origin.joined(separator: ";"),
                e.productForm ?? "", e.routes.joined(separator: ";"), e.site ?? "",
                e.timeAfterInjury?.stated ?? "",
                (e.timeAfterInjury?.hours ?? []).map { RecordDisplay.number($0) }
                    .joined(separator: ";"),
                e.dose?.stated ?? "", RecordDisplay.number(e.dose?.cells),
                e.dose?.basis.rawValue ?? "", RecordDisplay.number(e.dose?.cellsPerKg),
                e.administrationsStated ?? e.administrations.map(String.init) ?? "",
                e.interval ?? "", e.volume ?? "", e.vehicle ?? "", e.findings,
                e.mechanisms.joined(separator: ";"), e.molecules.joined(separator: ";"),
                e.outcomeMeasures.joined(separator: ";"), e.publication ?? "",
                RecordDisplay.citation(e.provenance),
            ]
        }
    }

    static let tableHeaders = [
        "id", "model", "source", "time", "route", "dose", "volume", "findings", "cited",
    ]

    var tableRows: [[String]] {
        experiments.map { e in
            [
                e.id, RecordDisplay.model(e), RecordDisplay.source(e),
                e.timeAfterInjury?.stated ?? "", RecordDisplay.route(e), RecordDisplay.dose(e),
                RecordDisplay.volume(e), e.findings,
                e.provenance.first?.shortDescription ?? "",
            ]
        }
    }

    func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .table:
            TextTable(headers: Self.tableHeaders, rows: tableRows, maxCellWidth: 40).render()
        case .csv: CSVText.render(headers: Self.csvHeaders, rows: csvRows)
        case .json: try JSONText.render(experiments)
        }
    }
}
