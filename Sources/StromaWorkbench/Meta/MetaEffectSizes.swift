import Foundation
import StromaDomain
import StromaImport
import StromaStatistics

/// The effect size of one comparison, with errors that name the input's file, line and column.
enum MetaEffectSizes {
    /// The effect size of `comparison`, or `nil` when the engine drops it (an undefined 2×2 effect).
    static func effect(_ comparison: Comparison, measure: MetaMeasure, fileName: String, syrf: Bool = false)
        throws -> EffectSize?
    {
        let place = Place(comparison: comparison, fileName: fileName)
        let label = comparison.study
        guard let effectMeasure = measure.effectMeasure else {
            guard case .effect(let yi, let vi) = comparison.data else {
                throw place.error(
                    "measure 'yivi' needs columns yi,vi; the file has \(comparison.data.kindName); "
                        + "choose a measure for that data kind", valid: ["yi,vi"])
            }
            return EffectSize(label: label, row: 0, yi: yi, vi: vi)
        }
        let set: EffectSizeSet
        do {
            switch comparison.data {
            case .effect:
                throw place.error("the file has precomputed yi,vi; use --measure yivi", valid: ["yivi"])
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
                let table = TwoByTwoTable(
                    label: label, treatmentEvents: ai, treatmentTotal: ai + bi, controlEvents: ci,
                    controlTotal: ci + di)
                set = try EffectSizes.compute(effectMeasure, tables: [table])
            case .correlation(let ri, let ni):
                try requireKind(.correlation, effectMeasure, comparison, place)
                set = try EffectSizes.compute(
                    effectMeasure, correlations: [CorrelationStudy(label: label, r: ri, n: ni)])
            case .proportion(let xi, let ni):
                try requireKind(.proportion, effectMeasure, comparison, place)
                set = try EffectSizes.compute(
                    effectMeasure, proportions: [ProportionStudy(label: label, events: xi, n: ni)])
            }
        } catch let error as StatisticsError {
            // The engine numbers rows of the one-row call; name the file line instead.
            var message = error.description
            if message.hasPrefix("row 1 ("), let range = message.range(of: "): ") {
                message = String(message[range.upperBound...])
            }
            throw columnError(message, place: place, label: label, syrf: syrf)
        }
        return set.effects.first
    }

    /// Where a comparison is: `file 'F', line N` or `knowledge base`.
    struct Place {
        var comparison: Comparison
        var fileName: String

        var text: String { comparison.line.map { "file '\(fileName)', line \($0)" } ?? "knowledge base" }

        func error(_ message: String, field: String? = nil, valid: [String]? = nil) -> WorkbenchError {
            WorkbenchError(
                .invalidInput, "\(text): \(message)", file: comparison.line == nil ? nil : fileName,
                record: comparison.study, row: comparison.line, field: field, valid: valid)
        }
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
    static func columnError(_ message: String, place: Place, label: String, syrf: Bool) -> WorkbenchError {
        let unplaced = WorkbenchError(
            .invalidInput, "\(place.text) ('\(label)'): \(message)", file: place.fileName, record: label,
            row: place.comparison.line)
        guard message.hasPrefix("'"), let close = message.dropFirst().firstIndex(of: "'") else { return unplaced }
        let field = String(message[message.index(after: message.startIndex)..<close])
        guard let names = columnNames[field] else { return unplaced }
        let rest = message[message.index(after: close)...].trimmingCharacters(in: .whitespaces)
        if place.comparison.line == nil, let outcomeField = outcomeFields[field] {
            return WorkbenchError(
                .invalidInput, "\(place.text) ('\(label)'), outcome field '\(outcomeField)': \(rest)",
                record: label, field: outcomeField)
        }
        let column = syrf ? names.syrf : names.csv
        let suffix = column.hasSuffix("cohort") ? ")" : ""
        return WorkbenchError(
            .invalidInput, "\(place.text) ('\(label)'), column '\(column)'\(suffix): \(rest)", file: place.fileName,
            record: label, row: place.comparison.line, field: column + suffix)
    }

    private static func requireKind(
        _ kind: EffectInputKind, _ measure: EffectMeasure, _ comparison: Comparison, _ place: Place
    ) throws {
        guard measure.inputKind == kind else {
            let needed =
                switch measure.inputKind {
                case .continuous: "n1,m1,sd1,n2,m2,sd2"
                case .twoByTwo: "ai,bi,ci,di"
                case .correlation: "ri,ni"
                case .proportion: "xi,ni"
                }
            throw place.error(
                "measure '\(measure.rawValue)' needs columns \(needed); the file has \(comparison.data.kindName)",
                field: "measure", valid: [needed])
        }
    }
}
