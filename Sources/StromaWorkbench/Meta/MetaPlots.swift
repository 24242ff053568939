import StromaImport
import Foundation
import StromaDomain
import StromaPlot
import StromaStatistics

/// Builds the plain plot structs of StromaPlot from fitted results (forest, funnel and bubble plots).
public enum MetaPlots {
    /// The forest plot of an intercept-only fit, with subgroup diamonds when `run` has `--by`; `extraColumns` are
    /// moderator columns shown beside the labels.
    public static func forest(_ run: MetaRun, extraColumns: [String]) throws -> ForestPlot {
        let fit = run.overall
        guard fit.p == 1 else {
            throw WorkbenchError(
                .invalidInput, "--forest: draw the forest plot without --mods (use --by for subgroups)",
                option: "--forest")
        }
        let measure = run.dataset.measure
        let rows = MetaStudyRow.rows(run)
        func row(_ i: Int) -> ForestPlot.Row {
            let r = rows[i]
            return ForestPlot.Row(
                label: r.study, estimate: r.yi ?? .nan, lower: r.ciLower ?? .nan,
                upper: r.ciUpper ?? .nan, weightPercent: r.weight ?? .nan,
                extra: extraColumns.map { cell(r.moderators[$0]) })
        }
        var groups: [ForestPlot.Group] = []
        if let by = run.byColumn {
            for group in run.subgroups {
                let indices = group.members.compactMap { run.members.firstIndex(of: $0) }
                var summary: ForestPlot.Summary?
                if let result = group.result {
                    summary = ForestPlot.Summary(
                        label: "Subtotal (k = \(result.k))",
                        estimate: result.pooled.estimate, lower: result.pooled.ciLower,
                        upper: result.pooled.ciUpper,
                        note: result.k > 1
                            ? "Q = \(f(result.heterogeneity.statistic)), df = "
                                + "\(Int(result.heterogeneity.df)), p \(pv(result.heterogeneity.pValue)); "
                                + "I² = \(f(result.i2, 1))%" : nil)
                }
                groups.append(
                    .init(
                        title: "\(by): \(group.level)", rows: indices.map(row),
                        summary: summary))
            }
        } else {
            groups = [.init(rows: rows.indices.map(row))]
        }
        var overall: ForestPlot.Summary?
        var footnote: String?
        if fit.p == 1 {
            let prediction = fit.prediction
            let model =
                fit.method == .equalEffects
                ? "Equal-effects model"
                : "Random-effects model (\(fit.method.rawValue))"
            let showPI = fit.method != .equalEffects
            overall = .init(
                label: model, estimate: fit.pooled.estimate, lower: fit.pooled.ciLower,
                upper: fit.pooled.ciUpper, predictionLower: showPI ? prediction.piLower : nil,
                predictionUpper: showPI ? prediction.piUpper : nil,
                note: "Heterogeneity: τ² = \(f(fit.tau2, 3)), I² = \(f(fit.i2, 1))%, Q = "
                    + "\(f(fit.heterogeneity.statistic)), df = \(Int(fit.heterogeneity.df)), "
                    + "p \(pv(fit.heterogeneity.pValue))")
        }
        if let comparison = run.subgroupTests.first {
            let test = comparison.test
            footnote =
                "Test for subgroup differences (\(comparison.variant == .commonTau2 ? "mixed-effects, common τ²" : comparison.variant.rawValue)): "
                + "Q = \(f(test.statistic)), df = \(Int(test.df)), p \(pv(test.pValue))"
        }
        let favours = run.dataset.directionKnown && measure.effectMeasure?.inputKind == .continuous
        return ForestPlot(
            groups: groups, overall: overall,
            extraColumns: extraColumns, effectLabel: measure.axisLabel,
            scale: measure.effectMeasure?.isLogScale == true ? .exponential : .identity,
            nullValue: 0, favoursLeft: favours ? "Favours control" : nil,
            favoursRight: favours ? "Favours treatment" : nil, decimals: 2,
            level: fit.options.level, footnote: footnote)
    }

    /// The funnel plot of an intercept-only fit, with imputed studies (trim-and-fill) as open circles around
    /// `estimate` (default: the pooled estimate).
    public static func funnel(
        _ run: MetaRun, imputed: [(yi: Double, vi: Double)] = [],
        estimate: Double? = nil
    ) throws -> FunnelPlot {
        let fit = run.overall
        guard fit.p == 1 else {
            throw WorkbenchError(.invalidInput, "--funnel: draw the funnel plot without --mods", option: "--funnel")
        }
        var points = fit.yi.indices.map {
            FunnelPlot.Point(estimate: fit.yi[$0], standardError: fit.vi[$0].squareRoot())
        }
        points += imputed.map { FunnelPlot.Point(estimate: $0.yi, standardError: $0.vi.squareRoot(), imputed: true) }
        let regions = [0.90, 0.95, 0.99].map {
            FunnelPlot.Region(level: $0, z: Distributions.normalQuantile(0.5 + $0 / 2))
        }
        return FunnelPlot(
            points: points, estimate: estimate ?? fit.pooled.estimate,
            regions: regions, effectLabel: run.dataset.measure.axisLabel)
    }

    /// Bubble plot for a model with exactly one continuous moderator.
    public static func bubble(_ run: MetaRun) throws -> BubblePlot {
        let fit = run.overall
        guard fit.p == 2, run.moderatorNames.count == 1,
            fit.yi.indices.allSatisfy({ run.comparison($0).moderators[run.moderatorNames[0]]?.number != nil })
        else {
            throw WorkbenchError(
                .invalidInput, "--bubble needs exactly one continuous moderator in '--mods'", option: "--bubble")
        }
        let xs = fit.yi.indices.map { fit.design[$0, 1] }
        guard let low = xs.min(), let high = xs.max() else {
            throw WorkbenchError(.invalidInput, "--bubble: no studies", option: "--bubble")
        }
        let name = run.moderatorNames[0]
        let steps = 60
        let line = (0...steps).map { step -> BubblePlot.FitPoint in
            let x = low + (high - low) * Double(step) / Double(steps)
            let prediction = fit.predict(moderatorValues: [x])
            return .init(
                x: x, fit: prediction.estimate, lower: prediction.ciLower,
                upper: prediction.ciUpper)
        }
        let points = fit.yi.indices.map {
            BubblePlot.Point(x: xs[$0], y: fit.yi[$0], weight: fit.weightsPercent[$0])
        }
        return BubblePlot(
            points: points, fit: line, xLabel: name,
            yLabel: run.dataset.measure.axisLabel)
    }

    /// A forest-plot cell: text as is; numbers of 10⁵ or more as `1.67×10⁷` (3 significant digits).
    public static func cell(_ value: ModeratorValue?) -> String {
        guard let value else { return "" }
        guard let number = value.number, number.isFinite, abs(number) >= 1e5 else { return value.description }
        let exponent = Int(log10(abs(number)).rounded(.down))
        var mantissa = String(format: "%.2f", number / pow(10, Double(exponent)))
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        let superscripts: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴",
            "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return mantissa + "×10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }

    static func f(_ value: Double, _ digits: Int = 2) -> String {
        PlotFormat.fixed(value, decimals: digits)
    }

    static func pv(_ value: Double) -> String {
        value < 0.001 ? "< 0.001" : PlotFormat.fixed(value, decimals: 3)
    }
}
