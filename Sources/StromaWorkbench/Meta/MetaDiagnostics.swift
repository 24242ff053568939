import StromaImport
import StromaDomain
import StromaStatistics

/// The diagnostics workflows of `stroma meta` on a fitted ``MetaRun``, each returning its documented result.
public enum MetaDiagnostics {
    /// Egger (rma and lm), Begg and trim-and-fill (``MetaBiasTests/estimator(_:)`` reads `L0` or `R0`).
    public static func bias(_ run: MetaRun, estimator: TrimAndFillResult.Estimator = .l0) throws -> MetaBiasResult {
        MetaBiasResult(run: run, body: try MetaBiasTests(run.overall, estimator: estimator))
    }

    /// The model refitted without each study in turn.
    public static func leaveOneOut(_ run: MetaRun) throws -> MetaSensitivityResult {
        MetaSensitivityResult(
            run: run, body: MetaSensitivityRows(kind: .leaveOneOut, rows: try run.overall.leaveOneOut()))
    }

    /// Studies added one at a time, in input order or by the numeric moderator column `order`.
    public static func cumulative(_ run: MetaRun, order: String? = nil) throws -> MetaSensitivityResult {
        var keys: [Double]?
        if let order {
            let column = try run.dataset.moderatorColumn(order, option: "--order")
            keys = try run.overall.yi.indices.map { i in
                let comparison = run.comparison(i)
                guard let value = comparison.moderators[column]?.number else {
                    throw WorkbenchError(
                        .invalidInput,
                        "--order: line \(comparison.line ?? 0) ('\(comparison.study)') has no number in "
                            + "column '\(column)'; the order column must be numeric for every study",
                        file: run.dataset.fileName, record: comparison.study, row: comparison.line, field: column,
                        option: "--order")
                }
                return value
            }
        }
        let rows = try run.overall.cumulative(sortKeys: keys)
        return MetaSensitivityResult(run: run, body: MetaSensitivityRows(kind: .cumulative, rows: rows))
    }

    /// rstudent, DFFITS, Cook's distance, covariance ratio, τ² and QE deleted, hat, weight, DFBETAS.
    public static func influence(_ run: MetaRun) throws -> MetaInfluenceResult {
        MetaInfluenceResult(run: run, body: try MetaInfluenceRows(run.overall))
    }

    /// Permutation p-values for the coefficients and QM.
    public static func permutation(
        _ run: MetaRun, iterations: Int = 1000, exact: Bool = false, seed: UInt64 = 20_240_601
    ) throws -> MetaPermutationResult {
        MetaPermutationResult(
            run: run, body: try MetaPermutationSummary(run.overall, iterations: iterations, exact: exact, seed: seed))
    }
}
