import Foundation
import StromaStatistics
import StromaWorkbench

/// The `--format table` text of `stroma meta`, laid out like metafor's `print.rma.uni`.
enum MetaTextReport {
    static func f(_ value: Double?, _ digits: Int = 4) -> String {
        guard let value, value.isFinite else { return "NA" }
        return String(format: "%.\(digits)f", value)
    }

    static func p(_ value: Double) -> String {
        value < 0.0001 ? "<.0001" : String(format: "%.4f", value)
    }

    static func render(_ run: MetaRun) -> String {
        let fit = run.overall
        let statName = fit.options.test == .z ? "zval" : "tval"
        var out: [String] = []
        let kind =
            fit.method == .equalEffects
            ? "Equal-Effects Model"
            : fit.p > 1 ? "Mixed-Effects Model" : "Random-Effects Model"
        out.append(
            "\(kind) (k = \(fit.k); tau^2 estimator: \(fit.method.rawValue); test: "
                + "\(MetaModelSettings.name(of: fit.options.test)))")
        out.append("Measure: \(run.dataset.measure.label)")
        out.append("")
        if fit.method != .equalEffects {
            let se = fit.tau2StandardError.map { " (SE = \(f($0)))" } ?? ""
            out.append(
                "tau^2 (estimated amount of \(fit.p > 1 ? "residual" : "total") heterogeneity): \(f(fit.tau2))\(se)")
            out.append("tau (square root of estimated tau^2 value): \(f(fit.tau))")
        }
        out.append(
            "I^2 (\(fit.p > 1 ? "residual heterogeneity / unaccounted" : "total heterogeneity / total") variability): \(f(fit.i2, 2))%"
        )
        out.append("H^2 (\(fit.p > 1 ? "unaccounted" : "total") variability / sampling variability): \(f(fit.h2, 2))")
        if let ci = run.heterogeneityIntervals {
            out.append(
                "\(Int(fit.options.level))% CI (Q-profile): tau^2 [\(f(ci.tau2.lower)), \(f(ci.tau2.upper))], "
                    + "I^2 [\(f(ci.i2.lower, 2))%, \(f(ci.i2.upper, 2))%], H^2 [\(f(ci.h2.lower, 2)), \(f(ci.h2.upper, 2))]"
            )
        }
        if let r2 = fit.r2 { out.append("R^2 (amount of heterogeneity accounted for): \(f(r2, 2))%") }
        out.append("")
        let q = fit.heterogeneity
        out.append(fit.p > 1 ? "Test for Residual Heterogeneity:" : "Test for Heterogeneity:")
        out.append("\(fit.p > 1 ? "QE" : "Q")(df = \(Int(q.df))) = \(f(q.statistic)), p-val \(pLine(q.pValue))")
        if let qm = fit.moderatorTest {
            out.append("")
            out.append("Test of Moderators (coefficients 2:\(fit.p)):")
            let dfText = qm.df2.map { "df1 = \(Int(qm.df)), df2 = \(Int($0))" } ?? "df = \(Int(qm.df))"
            out.append(
                "\(qm.distribution == .f ? "F" : "QM")(\(dfText)) = \(f(qm.statistic)), p-val \(pLine(qm.pValue))")
        }
        out.append("")
        out.append("Model Results:")
        out.append("")
        let rows = fit.coefficients.map { c in
            [c.name, f(c.estimate), f(c.standardError), f(c.statistic), p(c.pValue), f(c.ciLower), f(c.ciUpper)]
        }
        out.append(
            TextTable(
                headers: ["", "estimate", "se", statName, "pval", "ci.lb", "ci.ub"],
                rows: rows
            ).render().trimmingCharacters(in: .newlines))
        if fit.p == 1 && fit.method != .equalEffects {
            let prediction = fit.prediction
            out.append("")
            out.append("Prediction interval: [\(f(prediction.piLower)), \(f(prediction.piUpper))]")
        }
        if run.dataset.measure.effectMeasure?.isLogScale == true && fit.p == 1 {
            let c = fit.pooled
            out.append("Back-transformed (exp): \(f(exp(c.estimate))) [\(f(exp(c.ciLower))), \(f(exp(c.ciUpper)))]")
        }
        if let by = run.byColumn {
            out.append("")
            out.append("Subgroups by '\(by)' (separate fits, \(fit.options.method.rawValue)):")
            out.append("")
            let groupRows = run.subgroups.map { g -> [String] in
                guard let r = g.result else {
                    return [g.level, "\(g.members.count)", "NA", "", "", "", "", g.error ?? ""]
                }
                return [
                    g.level, "\(r.k)", f(r.pooled.estimate), f(r.pooled.ciLower), f(r.pooled.ciUpper),
                    f(r.tau2), f(r.i2, 2), "",
                ]
            }
            out.append(
                TextTable(
                    headers: ["level", "k", "estimate", "ci.lb", "ci.ub", "tau^2", "I^2", "note"],
                    rows: groupRows
                ).render().trimmingCharacters(in: .newlines))
            if !run.subgroupTests.isEmpty { out.append("") }
            for comparison in run.subgroupTests {
                let test = comparison.test
                let name = test.distribution == .f ? "F" : "Q"
                let df = test.df2.map { "df1 = \(Int(test.df)), df2 = \(Int($0))" } ?? "df = \(Int(test.df))"
                var line =
                    "Test for subgroup differences, \(MetaSubgroupSummary.Test.describe(comparison.variant)): "
                    + "\(name)(\(df)) = \(f(test.statistic)), p-val \(pLine(test.pValue))"
                if let threshold = comparison.bonferroniThreshold {
                    line += " (Bonferroni threshold \(f(threshold)))"
                }
                out.append(line)
            }
        }
        out.append("")
        out.append("Studies:")
        out.append("")
        let studyRows = MetaStudyRow.rows(run).map { row in
            [row.study, f(row.yi), f(row.vi), f(row.ciLower), f(row.ciUpper), f(row.weight, 2) + "%"]
        }
        out.append(
            TextTable(headers: ["study", "yi", "vi", "ci.lb", "ci.ub", "weight"], rows: studyRows)
                .render().trimmingCharacters(in: .newlines))
        return out.joined(separator: "\n") + "\n"
    }

    static func pLine(_ value: Double) -> String {
        value < 0.0001 ? "< .0001" : "= " + String(format: "%.4f", value)
    }
}
