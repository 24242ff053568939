import StromaWorkbench

/// `stroma meta leave1out` and `stroma meta cumulative` share the row layout.
enum MetaSensitivityOutput {
    static func output(_ result: MetaSensitivityResult, key: String, title: String) -> MetaRowsOutput {
        let table: (NumberStyle) -> [[String]] = { s in
            result.body.rows.map { r in
                [
                    r.study, s.f(r.estimate), s.f(r.se), s.f(r.statistic), s.p(r.p), s.f(r.ciLower), s.f(r.ciUpper),
                    s.f(r.q), s.p(r.qP), s.f(r.tau2), s.f(r.i2, 2), s.f(r.h2, 2),
                ]
            }
        }
        return MetaRowsOutput(
            title: title,
            headers: [key, "estimate", "se", "stat", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2"],
            rows: table)
    }
}
