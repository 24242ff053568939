import Foundation
import StromaDomain
import StromaImport
import StromaPlot
import StromaStatistics

/// Comparisons read from the input with their computed effect sizes.
struct MetaDataset {
    /// The input file's name, or the database path with `--knowledge`.
    var fileName: String
    /// `comparison-csv`, `syrf` or `knowledge` (the JSON `input.layout`).
    var layout: String
    var table: ComparisonTable
    /// After shared-control splitting.
    var comparisons: [Comparison]
    /// One per kept comparison; `row` indexes ``comparisons``.
    var effects: [EffectSize]
    var warnings: [String]
    var measure: MetaMeasure

    /// Reads the input and computes effect sizes, one comparison at a time so that each row's
    /// direction (`greater_is_worse`) and dispersion type (SD/SEM) are respected.
    init(options: MetaInputOptions) throws {
        let resolvedMeasure = try options.measure
        _ = try options.modelOptions
        try options.validateSource()
        if let input = options.input {
            let url = URL(fileURLWithPath: input)
            fileName = url.lastPathComponent
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw MetaCommandError("file '\(input)' does not exist")
            }
            table =
                options.syrf
                ? try SyRFQuantitativeReader.read(contentsOf: url)
                : try ComparisonCSVReader.read(contentsOf: url)
            layout = options.syrf ? "syrf" : "comparison-csv"
        } else {
            (table, fileName) = try Self.knowledgeTable(options)
            layout = "knowledge"
        }
        measure = resolvedMeasure
        let split = Comparison.splittingSharedControls(table.comparisons)
        comparisons = split.comparisons
        warnings = table.warnings + split.notes
        effects = []
        for (index, comparison) in comparisons.enumerated() {
            if let effect = try Self.effect(
                comparison, measure: measure, fileName: fileName,
                syrf: options.syrf)
            {
                effects.append(EffectSize(label: effect.label, row: index, yi: effect.yi, vi: effect.vi))
            } else {
                warnings.append(
                    "\(comparison.placeName) ('\(comparison.study)'): dropped, "
                        + "missing data for \(measure.rawValue)")
            }
        }
        guard !effects.isEmpty else {
            throw MetaCommandError(
                "\(layout == "knowledge" ? "knowledge base" : "file '\(fileName)'"): no comparison has the data for measure "
                    + "'\(measure.rawValue)'")
        }
    }

    /// The effect size of one comparison, or `nil` when the engine drops it.
    static func effect(_ comparison: Comparison, measure: MetaMeasure, fileName: String, syrf: Bool = false)
        throws -> EffectSize?
    {
        let place = comparison.line.map { "file '\(fileName)', line \($0)" } ?? "knowledge base"
        let label = comparison.study
        guard let effectMeasure = measure.effectMeasure else {
            guard case .effect(let yi, let vi) = comparison.data else {
                throw MetaCommandError(
                    "\(place): measure 'yivi' needs columns yi,vi; the file has "
                        + "\(comparison.data.kindName); choose a measure for that data kind")
            }
            return EffectSize(label: label, row: 0, yi: yi, vi: vi)
        }
        let set: EffectSizeSet
        do {
            switch comparison.data {
            case .effect:
                throw MetaCommandError("\(place): the file has precomputed yi,vi; use --measure yivi")
            case .continuous(let arms):
                try requireKind(.continuous, effectMeasure, comparison, place)
                let options = EffectSizeOptions(
                    direction: comparison.greaterIsWorse == true ? .higherIsWorse : .higherIsBetter,
                    spread: arms.errorType == .sem ? .sem : .sd)
                let row = ContinuousComparison(
                    label: label,
                    treatment: GroupSummary(mean: arms.m1, spread: arms.sd1, n: arms.n1),
                    control: GroupSummary(mean: arms.m2, spread: arms.sd2, n: arms.n2),
                    shamMean: arms.mSham)
                set = try EffectSizes.compute(effectMeasure, continuous: [row], options: options)
            case .twoByTwo(let ai, let bi, let ci, let di):
                try requireKind(.twoByTwo, effectMeasure, comparison, place)
                set = try EffectSizes.compute(
                    effectMeasure,
                    tables: [
                        TwoByTwoTable(
                            label: label,
                            treatmentEvents: ai, treatmentTotal: ai + bi, controlEvents: ci,
                            controlTotal: ci + di)
                    ])
            case .correlation(let ri, let ni):
                try requireKind(.correlation, effectMeasure, comparison, place)
                set = try EffectSizes.compute(
                    effectMeasure,
                    correlations: [CorrelationStudy(label: label, r: ri, n: ni)])
            case .proportion(let xi, let ni):
                try requireKind(.proportion, effectMeasure, comparison, place)
                set = try EffectSizes.compute(
                    effectMeasure,
                    proportions: [ProportionStudy(label: label, events: xi, n: ni)])
            }
        } catch let error as StatisticsError {
            // The engine numbers rows of the one-row call; name the file line instead.
            var message = error.description
            if message.hasPrefix("row 1 ("), let range = message.range(of: "): ") {
                message = String(message[range.upperBound...])
            }
            throw MetaCommandError(columnMessage(message, place: place, label: label, syrf: syrf))
        }
        return set.effects.first
    }

    /// The input columns behind the engine's field names (`'treatment.mean'` is column `m1`).
    static let columnNames: [String: (csv: String, syrf: String)] = [
        "treatment.mean": ("m1", "OutcomeAverage' (treated cohort"),
        "treatment.spread": ("sd1", "OutcomeError' (treated cohort"),
        "treatment.n": ("n1", "NumberOfAnimals' (treated cohort"),
        "control.mean": ("m2", "OutcomeAverage' (control cohort"),
        "control.spread": ("sd2", "OutcomeError' (control cohort"),
        "control.n": ("n2", "NumberOfAnimals' (control cohort"),
        "shamMean": ("m_sham", "m_sham"),
        "treatmentEvents": ("ai", "ai"), "treatmentTotal": ("ai' + 'bi", "ai' + 'bi"),
        "controlEvents": ("ci", "ci"), "controlTotal": ("ci' + 'di", "ci' + 'di"),
        "events": ("xi", "xi"), "r": ("ri", "ri"), "n": ("ni", "ni"),
    ]

    /// The knowledge-base outcome fields behind the engine's field names (docs/knowledge.md).
    static let outcomeFields: [String: String] = [
        "treatment.mean": "treated_mean", "treatment.spread": "treated_error",
        "treatment.n": "treated_n", "control.mean": "control_mean",
        "control.spread": "control_error", "control.n": "control_n", "shamMean": "sham_mean",
    ]

    /// Rewrites an engine message `'field' must be …` as `file …, line …, column 'col': must be …`.
    static func columnMessage(_ message: String, place: String, label: String, syrf: Bool) -> String {
        guard message.hasPrefix("'"), let close = message.dropFirst().firstIndex(of: "'") else {
            return "\(place) ('\(label)'): \(message)"
        }
        let field = String(message[message.index(after: message.startIndex)..<close])
        guard let names = columnNames[field] else { return "\(place) ('\(label)'): \(message)" }
        let rest = message[message.index(after: close)...].trimmingCharacters(in: .whitespaces)
        if place == "knowledge base", let outcomeField = outcomeFields[field] {
            return "\(place) ('\(label)'), outcome field '\(outcomeField)': \(rest)"
        }
        let column = syrf ? names.syrf : names.csv
        let suffix = column.hasSuffix("cohort") ? ")" : ""
        return "\(place) ('\(label)'), column '\(column)'\(suffix): \(rest)"
    }

    private static func requireKind(
        _ kind: EffectInputKind, _ measure: EffectMeasure,
        _ comparison: Comparison, _ place: String
    ) throws {
        guard measure.inputKind == kind else {
            let needed =
                switch measure.inputKind {
                case .continuous: "n1,m1,sd1,n2,m2,sd2"
                case .twoByTwo: "ai,bi,ci,di"
                case .correlation: "ri,ni"
                case .proportion: "xi,ni"
                }
            throw MetaCommandError(
                "\(place): measure '\(measure.rawValue)' needs columns \(needed); "
                    + "the file has \(comparison.data.kindName)")
        }
    }

    /// Whether every kept comparison states its direction (so "favours" labels are meaningful).
    var directionKnown: Bool {
        measure == .nmd || effects.allSatisfy { comparisons[$0.row].greaterIsWorse != nil }
    }

    /// The moderator column named `name` (case-insensitive), or a one-line error.
    func moderatorColumn(_ name: String, option: String) throws -> String {
        guard let column = table.moderatorColumn(named: name) else {
            let valid =
                table.moderatorColumns.isEmpty
                ? "the file has no moderator columns"
                : "valid: " + table.moderatorColumns.joined(separator: ", ")
            throw MetaCommandError("\(option): unknown column '\(name)'; \(valid)")
        }
        return column
    }
}

/// A one-line error of the `meta` command.
struct MetaCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
