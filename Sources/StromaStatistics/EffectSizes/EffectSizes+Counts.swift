import Foundation

extension EffectSizes {
    /// 2×2 measures RR, OR, RD with escalc's zero-cell rule: `add = 1/2` to every cell of a table
    /// that has a zero cell (`to = "only0"`); `drop00` optional (default false as in escalc).
    ///
    /// log RR: ln(a/n1) − ln(c/n2), v = 1/a − 1/n1 + 1/c − 1/n2; log OR: v = 1/a + 1/b + 1/c + 1/d;
    /// RD: p1 − p2, v = p1(1−p1)/n1 + p2(1−p2)/n2 (vtype LS).
    public static func compute(
        _ measure: EffectMeasure, tables rows: [TwoByTwoTable],
        options: EffectSizeOptions = EffectSizeOptions()
    ) throws -> EffectSizeSet {
        guard measure.inputKind == .twoByTwo else {
            throw StatisticsError(
                "measure '\(measure.rawValue)' needs \(measure.inputKind.rawValue) input, not 2x2 tables")
        }
        var effects: [EffectSize] = []
        var dropped: [Int] = []
        var warnings: [String] = []
        for (index, row) in rows.enumerated() {
            let where_ = "row \(index + 1) ('\(row.label)')"
            guard let a0 = row.treatmentEvents, let n1 = row.treatmentTotal,
                let c0 = row.controlEvents, let n2 = row.controlTotal
            else {
                dropped.append(index)
                warnings.append("\(where_) dropped: missing events or totals")
                continue
            }
            if n1 < 1 { throw StatisticsError("\(where_): 'treatmentTotal' must be >= 1, got \(fmt(n1))") }
            if n2 < 1 { throw StatisticsError("\(where_): 'controlTotal' must be >= 1, got \(fmt(n2))") }
            if a0 < 0 || a0 > n1 {
                throw StatisticsError("\(where_): 'treatmentEvents' must be in 0...\(fmt(n1)), got \(fmt(a0))")
            }
            if c0 < 0 || c0 > n2 {
                throw StatisticsError("\(where_): 'controlEvents' must be in 0...\(fmt(n2)), got \(fmt(c0))")
            }
            var a = a0, b = n1 - a0, c = c0, d = n2 - c0
            if options.dropDoubleZero && ((a == 0 && c == 0) || (b == 0 && d == 0)) {
                dropped.append(index)
                warnings.append("\(where_) dropped: double-zero table (drop00)")
                continue
            }
            if a == 0 || b == 0 || c == 0 || d == 0 {
                let add = options.zeroCellCorrection
                a += add; b += add; c += add; d += add
            }
            let m1 = a + b, m2 = c + d
            let p1 = a / m1, p2 = c / m2
            var yi: Double, vi: Double
            switch measure {
            case .logRiskRatio:
                yi = Foundation.log(p1) - Foundation.log(p2)
                vi = 1 / a - 1 / m1 + 1 / c - 1 / m2
            case .logOddsRatio:
                yi = Foundation.log(p1 / (1 - p1)) - Foundation.log(p2 / (1 - p2))
                vi = 1 / a + 1 / b + 1 / c + 1 / d
            default:
                yi = p1 - p2
                vi = p1 * (1 - p1) / m1 + p2 * (1 - p2) / m2
            }
            if !(vi > 0) || !yi.isFinite {
                dropped.append(index)
                warnings.append("\(where_) dropped: \(measure.rawValue) undefined for this table (variance \(vi))")
                continue
            }
            effects.append(EffectSize(label: row.label, row: index, yi: yi, vi: vi))
        }
        return EffectSizeSet(
            measure: measure, options: options, effects: effects, droppedRows: dropped, warnings: warnings)
    }

    /// Fisher's z: atanh(r), v = 1/(n − 3) (metafor `ZCOR`); needs n > 3 and |r| < 1.
    public static func compute(
        _ measure: EffectMeasure, correlations rows: [CorrelationStudy],
        options: EffectSizeOptions = EffectSizeOptions()
    ) throws -> EffectSizeSet {
        guard measure == .fisherZ else {
            throw StatisticsError(
                "measure '\(measure.rawValue)' needs \(measure.inputKind.rawValue) input, not correlations")
        }
        var effects: [EffectSize] = []
        var dropped: [Int] = []
        var warnings: [String] = []
        for (index, row) in rows.enumerated() {
            let where_ = "row \(index + 1) ('\(row.label)')"
            guard let r = row.r, let n = row.n else {
                dropped.append(index)
                warnings.append("\(where_) dropped: missing 'r' or 'n'")
                continue
            }
            if !(Swift.abs(r) < 1) { throw StatisticsError("\(where_): 'r' must be in (-1, 1), got \(r)") }
            if n <= 3 { throw StatisticsError("\(where_): 'n' must be > 3 for ZCOR, got \(fmt(n))") }
            effects.append(
                EffectSize(label: row.label, row: index, yi: 0.5 * Foundation.log((1 + r) / (1 - r)), vi: 1 / (n - 3)))
        }
        return EffectSizeSet(
            measure: measure, options: options, effects: effects, droppedRows: dropped, warnings: warnings)
    }

    /// Proportions: PLO logit with +1/2 to both cells when events is 0 or n (`to = "only0"`),
    /// v = 1/x + 1/(n−x); PFT ½(asin√(x/(n+1)) + asin√((x+1)/(n+1))), v = 1/(4n + 2) (no correction).
    public static func compute(
        _ measure: EffectMeasure, proportions rows: [ProportionStudy],
        options: EffectSizeOptions = EffectSizeOptions()
    ) throws -> EffectSizeSet {
        guard measure.inputKind == .proportion else {
            throw StatisticsError(
                "measure '\(measure.rawValue)' needs \(measure.inputKind.rawValue) input, not proportions")
        }
        var effects: [EffectSize] = []
        var dropped: [Int] = []
        var warnings: [String] = []
        for (index, row) in rows.enumerated() {
            let where_ = "row \(index + 1) ('\(row.label)')"
            guard let x0 = row.events, let n = row.n else {
                dropped.append(index)
                warnings.append("\(where_) dropped: missing 'events' or 'n'")
                continue
            }
            if n < 1 { throw StatisticsError("\(where_): 'n' must be >= 1, got \(fmt(n))") }
            if x0 < 0 || x0 > n {
                throw StatisticsError("\(where_): 'events' must be in 0...\(fmt(n)), got \(fmt(x0))")
            }
            let yi: Double, vi: Double
            if measure == .logitProportion {
                var x = x0, m = n - x0
                if x == 0 || m == 0 { x += options.zeroCellCorrection; m += options.zeroCellCorrection }
                let p = x / (x + m)
                yi = Foundation.log(p / (1 - p))
                vi = 1 / x + 1 / m
            } else {
                yi =
                    0.5
                    * (Foundation.asin((x0 / (n + 1)).squareRoot()) + Foundation.asin(((x0 + 1) / (n + 1)).squareRoot()))
                vi = 1 / (4 * n + 2)
            }
            effects.append(EffectSize(label: row.label, row: index, yi: yi, vi: vi))
        }
        return EffectSizeSet(
            measure: measure, options: options, effects: effects, droppedRows: dropped, warnings: warnings)
    }
}
