import ArgumentParser
import Foundation
import StromaKinetics

/// `stroma model`: the cell-kinetics model itself.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Export the MSC cell-kinetics model.",
        subcommands: [ModelExportCommand.self]
    )
}

/// `stroma model export --sbml FILE` with the scenario options of `simulate`.
struct ModelExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the model and one scenario as SBML Level 3 Version 2 (libRoadRunner, COPASI).",
        discussion: """
            Takes the scenario options of `stroma simulate`; the exported model reproduces that \
            scenario (doses as initial amounts and events, infusions as a zero-order source).
            """
    )

    @Option(help: "SBML file to write (use - for stdout).")
    var sbml: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: "Route: IV, IA, IC, ICV, IT or IN.")
    var route: String

    func run() throws {
        let route = try parseRoute(self.route)
        let scenario = try scenarioOptions.scenario(route: route)
        let parameters = try scenarioOptions.parameters(for: scenario)
        let text = try SBMLExport.document(scenario: scenario, parameters: parameters)
        if sbml == "-" {
            StandardStreams.writeData(text)
            return
        }
        let folder = URL(fileURLWithPath: sbml).deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw KineticsError("cannot write SBML file '\(sbml)': folder '\(folder.path)' does not exist")
        }
        do {
            try text.write(toFile: sbml, atomically: true, encoding: .utf8)
        } catch {
            throw KineticsError("cannot write SBML file '\(sbml)': \(error.localizedDescription)")
        }
        let species = text.components(separatedBy: "<species ").count - 1
        let reactions = text.components(separatedBy: "<reaction ").count - 1
        StandardStreams.writeMessage("wrote \(sbml): SBML L3V2, \(species) species, \(reactions) reactions")
    }
}
