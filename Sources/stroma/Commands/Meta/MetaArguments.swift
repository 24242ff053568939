import ArgumentParser
import Foundation
import StromaWorkbench

/// Options shared by every `stroma meta` subcommand: input, measure and model.
struct MetaInputOptions: ParsableArguments {
    @Option(name: .long, help: "Input CSV: Stroma's comparison layout, or a SyRF export with --syrf.")
    var input: String?

    @Flag(name: .long, help: "Read a SyRF quantitative outcome-data export.")
    var syrf = false

    @Flag(
        name: .long,
        help: "Pool the outcome numbers of knowledge-base experiments (instead of --input).")
    var knowledge = false

    @Option(name: .long, help: "With --knowledge: only experiments on this condition (term name).")
    var condition: String?

    @Option(
        name: .long,
        help:
            "With --knowledge: outcome-measure term (narrower terms included); required when the experiments report several."
    )
    var outcome: String?

    @OptionGroup var store: StoreOptions

    // Measure, method and test are read as text and resolved in `run()`, so that a bad value gives
    // the one-line `Error: …` of a thrown error rather than argument-parser's multi-line usage text.
    @Option(
        name: .customLong("measure"),
        help: "Effect measure: \(MetaMeasure.allNames.joined(separator: ", ")).")
    var measureName: String

    @Option(name: .customLong("method"), help: "tau² estimator: EE, DL, HE, HS, SJ, ML, REML, EB, PM.")
    var methodName: String = "REML"

    @Option(name: .customLong("test"), help: "Test for coefficients: z, t or knha (Knapp–Hartung).")
    var testName: String = "z"

    @Option(name: .long, help: "Confidence level in percent.")
    var level: Double = 95

    /// The measure and model named by `--measure`, `--method`, `--test` and `--level`.
    var settings: MetaModelSettings {
        get throws { try MetaModelSettings(measure: measureName, method: methodName, test: testName, level: level) }
    }

    /// Checks that exactly one input source is chosen and that its options fit it.
    func validateSource() throws {
        switch (input, knowledge) {
        case (nil, false):
            throw WorkbenchError(
                .invalidInput, "give the input: --input FILE, or --knowledge to pool knowledge-base experiments",
                option: "--input")
        case (.some, true):
            throw WorkbenchError(.invalidInput, "use either '--input' or '--knowledge', not both", option: "--input")
        case (nil, true):
            if syrf {
                throw WorkbenchError(
                    .invalidInput, "'--syrf' applies to '--input', not to '--knowledge'", option: "--syrf")
            }
        case (.some, false):
            if condition != nil || outcome != nil || store.db != nil {
                throw WorkbenchError(
                    .invalidInput, "'--condition', '--outcome' and '--db' apply to '--knowledge', not to '--input'",
                    option: "--knowledge")
            }
        }
    }

    /// The model settings and the dataset of the chosen input, checked in that order.
    func load() throws -> (settings: MetaModelSettings, dataset: MetaDataset) {
        let settings = try settings
        try validateSource()
        if let input {
            return (settings, try MetaDataset(file: .path(input), syrf: syrf, measure: settings.measure))
        }
        let dataset = try MetaDataset(
            knowledge: try store.openStore(), condition: condition, outcome: outcome, measure: settings.measure)
        return (settings, dataset)
    }

    /// Reads the input and fits the model (`mods` and `by` as given on the command line).
    func run(mods: [String] = [], by: String? = nil, stratifications: Int = 1) throws -> MetaRun {
        let (settings, dataset) = try load()
        return try MetaRun(
            dataset: dataset, options: settings.options, mods: MetaDataset.splitList(mods), by: by,
            stratifications: stratifications)
    }
}
