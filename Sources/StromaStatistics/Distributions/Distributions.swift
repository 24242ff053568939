import Foundation

/// CDFs and quantiles of the normal, Student t, χ² and F distributions.
///
/// Upper-tail functions (`…Upper`) are evaluated directly so that tiny p-values (e.g. 2e-26 for
/// Q on dat.bcg) keep relative accuracy. Quantiles are refined by safeguarded Newton iteration on
/// the CDF to ~1e-14 relative. Reference: R's `pnorm`, `pt`, `pchisq`, `pf` and their `q…`.
public enum Distributions {
    // MARK: Normal

    /// Φ(z), the standard normal CDF.
    public static func normalCDF(_ z: Double) -> Double { 0.5 * Foundation.erfc(-z / 2.0.squareRoot()) }

    /// 1 − Φ(z), computed without cancellation.
    public static func normalUpper(_ z: Double) -> Double { 0.5 * Foundation.erfc(z / 2.0.squareRoot()) }

    /// φ(z), the standard normal density.
    public static func normalDensity(_ z: Double) -> Double {
        Foundation.exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// Φ⁻¹(p): Acklam's rational start refined by two Halley steps on `erfc` (≈ full precision).
    public static func normalQuantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [
            7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00,
        ]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Foundation.log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Foundation.log1p(-p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        for _ in 0..<2 {
            // Work in the smaller tail to keep relative precision.
            let e: Double
            if p < 0.5 { e = normalCDF(x) - p } else { e = (1 - p) - normalUpper(x);  }
            let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
            x = x - u / (1 + x * u / 2)
        }
        return x
    }

    // MARK: Student t

    /// P(T ≤ t) for Student's t with `df` degrees of freedom.
    public static func tCDF(_ t: Double, df: Double) -> Double {
        if df.isInfinite { return normalCDF(t) }
        let tail = 0.5 * SpecialFunctions.incompleteBeta(df / 2, 0.5, df / (df + t * t)).lower
        return t > 0 ? 1 - tail : tail
    }

    /// P(T > t), computed directly in the tail.
    public static func tUpper(_ t: Double, df: Double) -> Double { tCDF(-t, df: df) }

    /// Two-sided p-value 2·P(T > |t|).
    public static func tTwoSided(_ t: Double, df: Double) -> Double {
        if df.isInfinite { return 2 * normalUpper(Swift.abs(t)) }
        return SpecialFunctions.incompleteBeta(df / 2, 0.5, df / (df + t * t)).lower
    }

    /// Density of Student's t.
    public static func tDensity(_ t: Double, df: Double) -> Double {
        let logC =
            SpecialFunctions.logGamma((df + 1) / 2) - SpecialFunctions.logGamma(df / 2)
            - 0.5 * Foundation.log(df * Double.pi)
        return Foundation.exp(logC - (df + 1) / 2 * Foundation.log1p(t * t / df))
    }

    /// Quantile of Student's t (the value with P(T ≤ q) = p).
    public static func tQuantile(_ p: Double, df: Double) -> Double {
        if df.isInfinite { return normalQuantile(p) }
        if p == 0.5 { return 0 }
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        // Tail probability α = min(p, 1 − p), taken without forming 1 − (1 − p) (keeps tiny p exact);
        // find t > 0 with tUpper(t) = α and restore the sign by symmetry.
        let alpha = p < 0.5 ? p : 1 - p
        var x = normalQuantile(1 - alpha)
        if df < 5 { x = Swift.max(x, 1) * (1 + 2 / df) }
        let t = solveMonotone(
            start: x, lowerBound: 0, target: alpha,
            value: { tUpper($0, df: df) }, slope: { -tDensity($0, df: df) })
        return p < 0.5 ? -t : t
    }

    // MARK: χ²

    /// P(X ≤ x) for χ² with `df` degrees of freedom.
    public static func chiSquaredCDF(_ x: Double, df: Double) -> Double {
        SpecialFunctions.incompleteGamma(df / 2, x / 2).lower
    }

    /// P(X > x) for χ², computed directly.
    public static func chiSquaredUpper(_ x: Double, df: Double) -> Double {
        SpecialFunctions.incompleteGamma(df / 2, x / 2).upper
    }

    /// Density of χ².
    public static func chiSquaredDensity(_ x: Double, df: Double) -> Double {
        if x <= 0 { return 0 }
        let h = df / 2
        return Foundation.exp(
            (h - 1) * Foundation.log(x) - x / 2 - h * Foundation.log(2.0)
                - SpecialFunctions.logGamma(h))
    }

    /// Quantile of χ² (value with P(X ≤ q) = p).
    public static func chiSquaredQuantile(_ p: Double, df: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return .infinity }
        // Wilson–Hilferty start.
        let z = normalQuantile(p)
        let h = 2 / (9 * df)
        var x = df * Foundation.pow(Swift.max(1 - h + z * h.squareRoot(), 0.01), 3)
        if !(x > 0) { x = 0.5 }
        if p < 0.5 {
            return solveMonotone(
                start: x, lowerBound: 0, target: p,
                value: { chiSquaredCDF($0, df: df) }, slope: { chiSquaredDensity($0, df: df) })
        }
        return solveMonotone(
            start: x, lowerBound: 0, target: 1 - p,
            value: { chiSquaredUpper($0, df: df) }, slope: { -chiSquaredDensity($0, df: df) })
    }

    // MARK: F

    /// P(F ≤ x) for F(df1, df2).
    public static func fCDF(_ x: Double, df1: Double, df2: Double) -> Double {
        if x <= 0 { return 0 }
        return SpecialFunctions.incompleteBeta(df1 / 2, df2 / 2, df1 * x / (df1 * x + df2)).lower
    }

    /// P(F > x) for F(df1, df2), computed directly.
    public static func fUpper(_ x: Double, df1: Double, df2: Double) -> Double {
        if x <= 0 { return 1 }
        return SpecialFunctions.incompleteBeta(df2 / 2, df1 / 2, df2 / (df2 + df1 * x)).lower
    }

    // MARK: Root finding

    /// Safeguarded Newton for a monotone tail function: finds x ≥ lowerBound with value(x) = target.
    static func solveMonotone(
        start: Double, lowerBound: Double, target: Double,
        value: (Double) -> Double, slope: (Double) -> Double
    ) -> Double {
        // Bracket.
        let increasing = slope(Swift.max(start, lowerBound + 1e-8)) > 0
        var lo = lowerBound
        var hi = Swift.max(start, lowerBound + 1)
        func f(_ x: Double) -> Double { value(x) - target }
        var guardCount = 0
        while (increasing ? f(hi) < 0 : f(hi) > 0) && guardCount < 2000 {
            lo = hi; hi *= 2; guardCount += 1
        }
        var x = Swift.min(Swift.max(start, lo), hi)
        for _ in 0..<200 {
            let fx = f(x)
            if fx == 0 { return x }
            if (fx < 0) == increasing { lo = x } else { hi = x }
            let s = slope(x)
            var next = x - fx / s
            if !(next > lo && next < hi) || !next.isFinite { next = 0.5 * (lo + hi) }
            if Swift.abs(next - x) <= 1e-15 * Swift.max(Swift.abs(next), 1e-300) { return next }
            x = next
            if hi - lo <= 1e-15 * Swift.abs(hi) { return x }
        }
        return x
    }
}
