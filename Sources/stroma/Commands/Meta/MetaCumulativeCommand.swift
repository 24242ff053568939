import ArgumentParser
import StromaWorkbench

/// `stroma meta cumulative`: studies added one at a time (file order or `--order COLUMN`).
struct MetaCumulativeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cumulative",
        abstract: "Cumulative meta-analysis (metafor cumul), ordered by a numeric column.")

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: "Numeric moderator column giving the order (e.g. year); default: file order.")
    var order: String?

    func run() async throws {
        let result = try MetaDiagnostics.cumulative(try inputOptions.run(), order: order)
        try MetaSensitivityOutput.output(
            result, key: "study_added",
            title: "Cumulative meta-analysis (k = \(result.header.k); \(result.header.method))"
        )
        .write(formatOptions.format, result: result)
    }
}
