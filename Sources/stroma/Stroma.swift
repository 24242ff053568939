import ArgumentParser
import StromaRelease

/// The `stroma` command: a thin layer that parses, calls a library, and formats.
@main
struct Stroma: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stroma",
        abstract: "A workbench for mesenchymal stromal cell (MSC) therapies in neurological and "
            + "musculoskeletal disease.",
        discussion: """
            Stroma is a research tool. It informs study design; it is not a clinical decision \
            system.
            """,
        version: StromaVersion.current,
        subcommands: Stroma.allSubcommands
    )
}

/// The package version reported by `stroma --version` and recorded in results.
enum StromaVersion {
    static let current = StromaRelease.version
}
