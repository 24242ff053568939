import Foundation
import StromaDomain
import StromaImport
import StromaPlot
import StromaStatistics

/// The JSON document of `stroma meta` (keys documented in docs/meta-analysis.md).
enum MetaReport {
    static func json(_ run: MetaRun, syrf: Bool) -> MetaJSON {
        let fit = run.overall
        let measure = run.dataset.measure
        var object: [String: MetaJSON] = [
            "version": .string(StromaVersion.current),
            "engine_version": .string(fit.packageVersion),
            "input": .object([
                "file": .string(run.dataset.fileName),
                "layout": .string(run.dataset.layout),
                "comparisons_read": .int(run.dataset.table.comparisons.count),
            ]),
            "k": .int(fit.k),
            "measure": .string(measure.rawValue),
            "measure_label": .string(measure.label),
            "method": .string(fit.method.rawValue),
            "method_requested": .string(fit.options.method.rawValue),
            "converged": .bool(fit.convergence.converged),
            "test": .string(MetaTestName.name(fit.options.test)),
            "level": .number(fit.options.level),
            "tau2": .num(fit.tau2),
            "tau2_se": .num(fit.tau2StandardError),
            "tau": .num(fit.tau),
            "I2": .num(fit.i2),
            "H2": .num(fit.h2),
            "studies": .array(studies(run)),
            "warnings": .array(run.warnings.map(MetaJSON.string)),
        ]
        let heterogeneity = fit.heterogeneity
        let intervals = run.heterogeneityIntervals
        object["tau2_ci_lb"] = .num(intervals?.tau2.lower)
        object["tau2_ci_ub"] = .num(intervals?.tau2.upper)
        object["I2_ci_lb"] = .num(intervals?.i2.lower)
        object["I2_ci_ub"] = .num(intervals?.i2.upper)
        object["H2_ci_lb"] = .num(intervals?.h2.lower)
        object["H2_ci_ub"] = .num(intervals?.h2.upper)
        if fit.p == 1 {
            let prediction = fit.prediction
            let pooled = fit.pooled
            object.merge(pooledKeys(pooled, prediction), uniquingKeysWith: { $1 })
            object["Q"] = .num(heterogeneity.statistic)
            object["Q_df"] = .num(heterogeneity.df)
            object["Q_p"] = .num(heterogeneity.pValue)
            if measure.effectMeasure?.isLogScale == true {
                object["exp"] = .object([
                    "estimate": .num(exp(pooled.estimate)), "ci_lb": .num(exp(pooled.ciLower)),
                    "ci_ub": .num(exp(pooled.ciUpper)), "pi_lb": .num(exp(prediction.piLower)),
                    "pi_ub": .num(exp(prediction.piUpper)),
                ])
            }
        } else {
            for key in [
                "estimate", "se", "statistic", "p", "ci_lb", "ci_ub", "pi_lb", "pi_ub",
                "Q", "Q_df", "Q_p",
            ] { object[key] = .null }
            object["moderators"] = .array(run.moderatorNames.map(MetaJSON.string))
            object["coefficients"] = .array(
                fit.coefficients.map { coefficient in
                    .object([
                        "name": .string(coefficient.name), "estimate": .num(coefficient.estimate),
                        "se": .num(coefficient.standardError), "statistic": .num(coefficient.statistic),
                        "p": .num(coefficient.pValue), "ci_lb": .num(coefficient.ciLower),
                        "ci_ub": .num(coefficient.ciUpper),
                    ])
                })
            object["QM"] = .num(fit.moderatorTest?.statistic)
            object["QM_df"] = .num(fit.moderatorTest?.df)
            object["QM_df2"] = .num(fit.moderatorTest?.df2)
            object["QM_p"] = .num(fit.moderatorTest?.pValue)
            object["QE"] = .num(heterogeneity.statistic)
            object["QE_df"] = .num(heterogeneity.df)
            object["QE_p"] = .num(heterogeneity.pValue)
            object["R2"] = .num(fit.r2)
        }
        if let by = run.byColumn {
            var tests: [String: MetaJSON] = [:]
            for comparison in run.subgroupTests {
                tests[jsonKey(comparison.variant)] = subgroupTest(comparison)
            }
            object["subgroups"] = .object([
                "by": .string(by),
                "groups": .array(
                    run.subgroups.map { group in
                        var entry: [String: MetaJSON] = [
                            "level": .string(group.level), "k": .int(group.members.count),
                            "error": .str(group.error),
                        ]
                        if let result = group.result {
                            entry.merge(pooledKeys(result.pooled, result.prediction), uniquingKeysWith: { $1 })
                            entry["tau2"] = .num(result.tau2)
                            entry["I2"] = .num(result.i2)
                            entry["Q"] = .num(result.heterogeneity.statistic)
                            entry["Q_df"] = .num(result.heterogeneity.df)
                            entry["Q_p"] = .num(result.heterogeneity.pValue)
                        }
                        return .object(entry)
                    }),
                "tests": .object(tests),
            ])
        }
        return .object(object)
    }

    /// The JSON key of a subgroup-test variant.
    static func jsonKey(_ variant: SubgroupComparison.Variant) -> String {
        switch variant {
        case .commonTau2: "common_tau2"
        case .separateTau2: "separate_tau2"
        case .fixedEffectPartition: "fixed_effect_partition"
        }
    }

    static func subgroupTest(_ comparison: SubgroupComparison) -> MetaJSON {
        let test = comparison.test
        var entry: [String: MetaJSON] = [
            "statistic": .num(test.statistic), "df": .num(test.df), "df2": .num(test.df2),
            "p": .num(test.pValue), "distribution": .string(test.distribution.rawValue),
            "description": .string(MetaTextReport.describe(comparison.variant)),
        ]
        if let tau2 = comparison.commonTau2 { entry["tau2"] = .num(tau2) }
        if let q = comparison.withinQ { entry["Q_within"] = .num(q) }
        if let threshold = comparison.bonferroniThreshold {
            entry["bonferroni_threshold"] = .num(threshold)
            entry["significant_after_bonferroni"] = comparison.significantAfterBonferroni.map(MetaJSON.bool) ?? .null
        }
        return .object(entry)
    }

    static func pooledKeys(_ pooled: MetaCoefficient, _ prediction: MetaPrediction) -> [String: MetaJSON] {
        [
            "estimate": .num(pooled.estimate), "se": .num(pooled.standardError),
            "statistic": .num(pooled.statistic), "p": .num(pooled.pValue),
            "ci_lb": .num(pooled.ciLower), "ci_ub": .num(pooled.ciUpper),
            "pi_lb": .num(prediction.piLower), "pi_ub": .num(prediction.piUpper),
        ]
    }

    /// Per-study rows: yi, vi, normal-theory CI and model weight in percent.
    static func studyRows(_ run: MetaRun) -> [(
        comparison: Comparison, yi: Double, vi: Double,
        lower: Double, upper: Double, weight: Double
    )] {
        let fit = run.overall
        let z = Distributions.normalQuantile(1 - (1 - fit.options.level / 100) / 2)
        return fit.yi.indices.map { i in
            let se = fit.vi[i].squareRoot()
            return (
                run.comparison(i), fit.yi[i], fit.vi[i], fit.yi[i] - z * se, fit.yi[i] + z * se,
                fit.weightsPercent[i]
            )
        }
    }

    static func studies(_ run: MetaRun) -> [MetaJSON] {
        studyRows(run).map { row in
            var moderators: [String: MetaJSON] = [:]
            for (key, value) in row.comparison.moderators {
                moderators[key] = value.number.map { MetaJSON.num($0) } ?? .string(value.description)
            }
            return .object([
                "study": .string(row.comparison.study), "line": row.comparison.line.map(MetaJSON.int) ?? .null,
                "yi": .num(row.yi), "vi": .num(row.vi), "se": .num(row.vi.squareRoot()),
                "ci_lb": .num(row.lower), "ci_ub": .num(row.upper), "weight": .num(row.weight),
                "moderators": .object(moderators),
            ])
        }
    }

    /// One CSV row per study.
    static func csv(_ run: MetaRun) -> (headers: [String], rows: [[String]]) {
        let columns = run.dataset.table.moderatorColumns
        let headers = ["study", "line", "yi", "vi", "se", "ci_lb", "ci_ub", "weight"] + columns
        let rows = studyRows(run).map { row in
            [
                row.comparison.study, row.comparison.line.map(String.init) ?? "",
                full(row.yi), full(row.vi), full(row.vi.squareRoot()), full(row.lower),
                full(row.upper), full(row.weight),
            ]
                + columns.map { row.comparison.moderators[$0]?.description ?? "" }
        }
        return (headers, rows)
    }

    /// Shortest round-trip text of a double.
    static func full(_ value: Double) -> String { value.isFinite ? "\(value)" : "NA" }
}

/// Names of tests as given on the command line.
enum MetaTestName {
    static func name(_ test: InferenceTest) -> String {
        switch test {
        case .z: "z"
        case .t: "t"
        case .knappHartung: "knha"
        }
    }
}
