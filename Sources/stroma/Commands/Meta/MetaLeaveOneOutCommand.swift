import ArgumentParser
import StromaWorkbench

/// `stroma meta leave1out`: the model refitted without each study in turn.
struct MetaLeaveOneOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave1out",
        abstract: "Leave-one-out sensitivity analysis (metafor leave1out).")

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() async throws {
        let result = try MetaDiagnostics.leaveOneOut(try inputOptions.run())
        try MetaSensitivityOutput.output(
            result, key: "study_left_out",
            title: "Leave-one-out (k = \(result.header.k); \(result.header.method))"
        )
        .write(formatOptions.format, result: result)
    }
}
