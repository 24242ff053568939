import Numerics

/// Tolerances named by kind of quantity (after metafor's `tests/testthat/settings.r`).
///
/// Against full-precision reference exports (metafor, libRoadRunner) use the relative
/// tolerances; against published tables use half a unit of the last printed digit.
public enum Tolerance {
    /// Model coefficients and pooled estimates, relative.
    public static let coefficient = 1e-6
    /// Standard errors, relative.
    public static let standardError = 1e-6
    /// Test statistics (z, t, Q, QM), relative.
    public static let statistic = 1e-6
    /// p-values, relative (absolute below 1e-300).
    public static let pValue = 1e-6
    /// Confidence and prediction interval bounds, relative.
    public static let interval = 1e-6
    /// Variance components (τ²) and heterogeneity (I², H²), relative.
    public static let heterogeneity = 1e-6
    /// ODE trajectories compared with an external solver, relative.
    public static let trajectory = 1e-4
    /// Mass balance of a simulated system, relative to the dose.
    public static let massBalance = 1e-6
}

/// Whether `actual` is within `relative` of `expected` (absolute `absolute` near zero).
public func isClose(
    _ actual: Double, _ expected: Double, relative: Double, absolute: Double = 1e-12
) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual.isInfinite || expected.isInfinite { return actual == expected }
    return actual.isApproximatelyEqual(
        to: expected, absoluteTolerance: absolute, relativeTolerance: relative)
}
