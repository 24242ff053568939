import ArgumentParser
import Foundation
import StromaDomain
import StromaImport
import StromaStore
import StromaWorkbench

/// `stroma trials show NCT…`: one imported registry study with its MSC extraction, each
/// extracted value with the record field it came from.
struct TrialsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show imported registry studies and what the MSC recogniser read from them.",
        discussion: """
            JSON (--format json): one object per study (an array when several ids are given) with \
            nct_id, title, phases, status, enrollment, conditions, interventions, … and msc = \
            {is_msc, product_form, source, origin, routes, dose, administrations, schedule, \
            conditions}, each extracted value as {value, field, evidence} or "unknown". See \
            docs/import-formats.md. The import's warnings about a record (for example a file \
            named for another NCT id) are shown with it (JSON: warnings).
            """)

    @Argument(help: "Registry ids, e.g. NCT01909154.") var ids: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        for id in ids where !TrialDetail.isRegistryId(id) {
            throw ValidationError(
                "'\(id)' is not a ClinicalTrials.gov id; valid: NCT followed by 8 digits, e.g. NCT01909154")
        }
    }

    func run() throws {
        let details = try TrialLookup.details(ids, in: try store.openStore())
        let text: String
        switch output.format {
        case .json: text = details.count == 1 ? try JSONText.render(details[0]) : try JSONText.render(details)
        case .csv: text = CSVText.render(headers: TrialDetail.csvHeaders, rows: details.map(\.csvRow))
        case .table: text = details.map(\.text).joined(separator: "\n")
        }
        StandardStreams.writeData(text)
    }
}
