import ArgumentParser
import Foundation
import StromaKinetics

/// `stroma dose`: translating cell doses between species.
struct DoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dose",
        abstract: "Translate MSC doses between species.",
        subcommands: [DoseTranslateCommand.self]
    )
}

/// `stroma dose translate --from rat --dose 1e6 --to human [--method bsa|weight|exposure]`.
struct DoseTranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate a dose: equal cells/kg, FDA body-surface-area HED, or equal model exposure.",
        discussion: """
            BSA uses the FDA Km factors (mouse 3, rat 6, human 37; FDA 2005), made for small \
            molecules, not cells. Exposure matching runs the cell model in both species (IV by \
            default) and matches systemic exposure per kg or lesion exposure per lesion volume; \
            it depends heavily on the assumed death rates. Human trial doses are shown for comparison.
            """
    )

    @Option(help: "Species the dose was given in: mouse, rat or human.")
    var from: String

    @Option(help: "Translate to: mouse, rat or human.")
    var to: String

    @Option(parsing: .unconditional, help: "Cells per animal (or cells/kg with --per-kg), e.g. 1e6.")
    var dose: String

    @Flag(name: .customLong("per-kg"), help: "Read --dose as cells per kg.")
    var perKg = false

    @Option(help: "Method: bsa, weight or exposure (default: all three).")
    var method: String?

    @Option(help: "Route used for exposure matching (default IV).")
    var route: String = "IV"

    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        let from = try Species.parse(self.from)
        let to = try Species.parse(self.to)
        let dose = try ScenarioOptions.number(self.dose, option: "--dose", range: "a number of cells > 0, e.g. 1e6")
        guard dose > 0 else {
            throw KineticsError("--dose '\(self.dose)' is invalid; it must be a number of cells > 0, e.g. 1e6")
        }
        var methods = DoseTranslation.Method.allCases
        if let method {
            guard let m = DoseTranslation.Method(rawValue: method.lowercased()) else {
                throw KineticsError("unknown method '\(method)'; valid: bsa, weight, exposure")
            }
            methods = [m]
        }
        let route = try parseRoute(self.route)
        let rows = try DoseTranslation.translate(
            from: from, dose: dose, perKg: perKg, to: to, methods: methods, route: route)
        let bw = try ParameterSet.bundled(species: from, context: from.defaultContext)["BW"]
        let report = DoseReport(
            from: from.rawValue, to: to.rawValue, bodyWeightKg: bw,
            cellsPerAnimal: perKg ? dose * bw : dose, cellsPerKg: perKg ? dose : dose / bw,
            translations: rows, humanTrialDoses: to == .human ? DoseTranslation.humanTrialDoses : [])
        StandardStreams.writeData(try report.rendered(as: formatOptions.format))
    }
}

/// The result of `dose translate` (JSON keys in docs/simulate.md).
struct DoseReport: Tabular, Encodable {
    var from: String
    var to: String
    var bodyWeightKg: Double
    var cellsPerAnimal: Double
    var cellsPerKg: Double
    var translations: [DoseTranslation.Row]
    var humanTrialDoses: [DoseTranslation.TrialDose]

    enum CodingKeys: String, CodingKey {
        case from, to, translations
        case bodyWeightKg = "from_body_weight_kg"
        case cellsPerAnimal = "from_cells"
        case cellsPerKg = "from_cells_per_kg"
        case humanTrialDoses = "human_trial_doses"
    }

    var headers: [String] { ["method", "cells_per_kg", "cells_total", "cells_per_m2", "assumption"] }

    var rows: [[String]] {
        translations.map {
            [
                $0.method, Self.sci($0.cellsPerKg), Self.sci($0.cellsTotal), Self.sci($0.cellsPerSquareMetre),
                $0.assumption,
            ]
        }
    }

    var jsonValue: DoseReport { self }

    static func sci(_ x: Double) -> String { String(format: "%.3g", x) }

    func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONText.render(self)
        case .csv: return CSVText.render(headers: headers, rows: rows)
        case .table:
            var out =
                "From: \(from), \(Self.sci(cellsPerAnimal)) cells = \(Self.sci(cellsPerKg)) cells/kg (body weight \(Self.sci(bodyWeightKg)) kg)\n"
            out += "To: \(to)\n\n"
            out += TextTable(headers: headers, rows: rows, maxCellWidth: 200).render()
            if !humanTrialDoses.isEmpty {
                out += "\nHuman doses used in trials (for comparison; cells/kg at 70 kg for flat doses)\n"
                out += TextTable(
                    headers: ["trial", "route", "dose", "cells_per_kg"],
                    rows: humanTrialDoses.map { [$0.trial, $0.route, $0.dose, $0.cellsPerKg.map(Self.sci) ?? "-"] },
                    maxCellWidth: 200
                ).render()
            }
            return out
        }
    }
}
