import Foundation

/// Computes effect sizes and sampling variances exactly as metafor's `escalc` (plus NMD and RevMan SMD).
///
/// Rows with a missing (`nil`) required value are dropped and listed in ``EffectSizeSet/droppedRows``
/// with a warning, as metafor drops NA rows. Invalid values (SD ≤ 0, n < 2, non-positive means for
/// ROM, events outside 0…n, |r| ≥ 1) throw a one-line ``StatisticsError`` naming the row and field.
public enum EffectSizes {
    /// Continuous-outcome measures (MD, SMD, SMD_REVMAN, SMDH, ROM, NMD).
    public static func compute(
        _ measure: EffectMeasure, continuous rows: [ContinuousComparison],
        options: EffectSizeOptions = EffectSizeOptions()
    ) throws -> EffectSizeSet {
        guard measure.inputKind == .continuous else {
            throw StatisticsError(
                "measure '\(measure.rawValue)' needs \(measure.inputKind.rawValue) input, not continuous summaries")
        }
        var effects: [EffectSize] = []
        var dropped: [Int] = []
        var warnings: [String] = []
        for (index, row) in rows.enumerated() {
            let needsSham = measure == .normalizedMeanDifference
            guard let m1 = row.treatment.mean, let s1raw = row.treatment.spread, let n1raw = row.treatment.n,
                let m2 = row.control.mean, let s2raw = row.control.spread, let n2raw = row.control.n,
                !needsSham || row.shamMean != nil
            else {
                dropped.append(index)
                warnings.append(
                    "row \(index + 1) ('\(row.label)') dropped: missing \(missingField(row, needsSham: needsSham))")
                continue
            }
            let where_ = "row \(index + 1) ('\(row.label)')"
            for (value, field) in [
                (m1, "treatment.mean"), (s1raw, "treatment.spread"), (n1raw, "treatment.n"),
                (m2, "control.mean"), (s2raw, "control.spread"), (n2raw, "control.n"),
            ]
            where !value.isFinite {
                throw StatisticsError("\(where_): '\(field)' must be a finite number, got \(value)")
            }
            if n1raw < 2 { throw StatisticsError("\(where_): 'treatment.n' must be >= 2, got \(fmt(n1raw))") }
            if n2raw < 2 { throw StatisticsError("\(where_): 'control.n' must be >= 2, got \(fmt(n2raw))") }
            if s1raw <= 0 {
                throw StatisticsError(
                    "\(where_): 'treatment.spread' (\(options.spread.rawValue)) must be > 0, got \(fmt(s1raw))")
            }
            if s2raw <= 0 {
                throw StatisticsError(
                    "\(where_): 'control.spread' (\(options.spread.rawValue)) must be > 0, got \(fmt(s2raw))")
            }
            if row.controlSharedBy < 1 {
                throw StatisticsError("\(where_): 'controlSharedBy' must be >= 1, got \(row.controlSharedBy)")
            }
            let sd1 = options.spread == .sem ? s1raw * n1raw.squareRoot() : s1raw
            let sd2 = options.spread == .sem ? s2raw * n2raw.squareRoot() : s2raw
            let n1 = n1raw
            let n2 = n2raw / Double(row.controlSharedBy)
            let sign: Double = options.direction == .higherIsBetter ? 1 : -1
            var yi: Double
            var vi: Double
            switch measure {
            case .meanDifference:
                yi = sign * (m1 - m2)
                vi = sd1 * sd1 / n1 + sd2 * sd2 / n2
            case .standardizedMeanDifference:
                let mi = n1 + n2 - 2
                let sp = (((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / mi).squareRoot()
                yi = sign * hedgesCorrection(mi) * (m1 - m2) / sp
                vi = 1 / n1 + 1 / n2 + yi * yi / (2 * (n1 + n2))
            case .standardizedMeanDifferenceRevMan:
                let nt = n1 + n2
                let sp = (((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / (nt - 2)).squareRoot()
                yi = sign * (m1 - m2) / sp * (1 - 3 / (4 * nt - 9))
                vi = nt / (n1 * n2) + yi * yi / (2 * (nt - 3.94))
            case .standardizedMeanDifferenceHeteroscedastic:
                let cmi = hedgesCorrection(n1 + n2 - 2)
                let s1q = sd1 * sd1, s2q = sd2 * sd2
                yi = sign * cmi * (m1 - m2) / ((s1q + s2q) / 2).squareRoot()
                let v =
                    yi * yi * (s1q * s1q / (n1 - 1) + s2q * s2q / (n2 - 1)) / (2 * (s1q + s2q) * (s1q + s2q))
                    + (s1q / (n1 - 1) + s2q / (n2 - 1)) / ((s1q + s2q) / 2)
                vi = cmi * cmi * v
            case .logRatioOfMeans:
                if m1 <= 0 { throw StatisticsError("\(where_): 'treatment.mean' must be > 0 for ROM, got \(fmt(m1))") }
                if m2 <= 0 { throw StatisticsError("\(where_): 'control.mean' must be > 0 for ROM, got \(fmt(m2))") }
                yi = sign * Foundation.log(m1 / m2)
                vi = sd1 * sd1 / (n1 * m1 * m1) + sd2 * sd2 / (n2 * m2 * m2)
            case .normalizedMeanDifference:
                let sham = row.shamMean!
                let deficit = m2 - sham
                if deficit == 0 {
                    throw StatisticsError(
                        "\(where_): 'control.mean' equals 'shamMean' (\(fmt(sham))); NMD needs an injury-induced deficit"
                    )
                }
                yi = 100 * (m2 - m1) / deficit
                let sdc = 100 * sd2 / Swift.abs(deficit)
                let sdt = 100 * sd1 / Swift.abs(deficit)
                vi = sdc * sdc / n2 + sdt * sdt / n1
            default:
                fatalError("unreachable: checked input kind")
            }
            effects.append(EffectSize(label: row.label, row: index, yi: yi, vi: vi))
        }
        return EffectSizeSet(
            measure: measure, options: options, effects: effects, droppedRows: dropped, warnings: warnings)
    }

    /// metafor's exact small-sample correction c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)) (`.cmicalc`).
    public static func hedgesCorrection(_ m: Double) -> Double {
        Foundation.exp(Foundation.lgamma(m / 2) - Foundation.log((m / 2).squareRoot()) - Foundation.lgamma((m - 1) / 2))
    }

    private static func missingField(_ row: ContinuousComparison, needsSham: Bool) -> String {
        let fields: [(Double?, String)] = [
            (row.treatment.mean, "treatment.mean"), (row.treatment.spread, "treatment.spread"),
            (row.treatment.n, "treatment.n"), (row.control.mean, "control.mean"),
            (row.control.spread, "control.spread"), (row.control.n, "control.n"),
            (needsSham ? row.shamMean : 0, "shamMean"),
        ]
        return fields.filter { $0.0 == nil }.map { "'\($0.1)'" }.joined(separator: ", ")
    }

    static func fmt(_ x: Double) -> String {
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}
