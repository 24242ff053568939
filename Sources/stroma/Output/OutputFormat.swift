import ArgumentParser

/// The output formats every data-printing command accepts with `--format`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case csv
}

/// The `--format` option, shared by every command that prints data.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}
