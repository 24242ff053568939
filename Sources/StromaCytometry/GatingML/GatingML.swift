import Foundation

/// A Gating-ML 2.0 document (the ISAC standard, 2013): its transformations, spectrum matrices and gates.
public struct GatingML: Sendable {
    /// A transformation referenced by `transformation-ref`.
    public enum Transformation: Sendable {
        /// A one-dimensional scale transform.
        case scale(ScaleTransform)
        /// fratio(x₁, x₂) = A·(x₁ − B)/(x₂ − C), which makes a new dimension from two FCS dimensions.
        case ratio(numerator: String, denominator: String, a: Double, b: Double, c: Double)
    }

    /// A spectrum (spillover) matrix: each fluorochrome's signal in each detector.
    public struct SpectrumMatrix: Sendable {
        public var id: String
        public var fluorochromes: [String]
        public var detectors: [String]
        /// Row-major, fluorochromes × detectors.
        public var coefficients: [[Double]]
        /// Whether the coefficients are already the inverse (`matrix-inverted-already`).
        public var invertedAlready: Bool
    }

    /// A gate dimension: which data, compensated how, transformed how, and (for rectangles) its bounds.
    public struct Dimension: Sendable, Equatable {
        /// An FCS dimension name (`$PnN`), or for a ratio dimension the ratio transformation's id.
        public var name: String
        /// Whether `name` is a ratio transformation's id (`new-dimension`).
        public var isRatio: Bool
        /// `FCS`, `uncompensated`, or a spectrum matrix id; `nil` means uncompensated.
        public var compensation: String?
        /// A scale transformation id.
        public var transformation: String?
        public var minimum: Double?
        public var maximum: Double?
    }

    /// The shape of a gate.
    public enum Shape: Sendable {
        /// min ≤ x < max in every dimension (an absent bound is open).
        case rectangle([Dimension])
        /// Inside a polygon in two dimensions (even–odd rule).
        case polygon([Dimension], vertices: [[Double]])
        /// (x − μ)ᵀ Σ⁻¹ (x − μ) ≤ d².
        case ellipsoid([Dimension], mean: [Double], covariance: [[Double]], distanceSquare: Double)
        /// One quadrant of a quadrant gate: for each divider, the interval that contains `location`.
        case quadrant([(divider: Dimension, values: [Double], location: Double)])
        /// and / or / not over other gates, each optionally complemented.
        case boolean(BooleanOperator, [(gate: String, complement: Bool)])
    }

    /// A Boolean gate's operator.
    public enum BooleanOperator: String, Sendable { case and, or, not }

    /// One gate (a quadrant is one gate per `Quadrant` element).
    public struct Gate: Sendable {
        public var id: String
        public var parent: String?
        public var shape: Shape
    }

    public var transformations: [String: Transformation]
    public var spectrumMatrices: [String: SpectrumMatrix]
    /// Gates in document order.
    public var gates: [Gate]

    /// The gate with id `id`.
    public func gate(_ id: String) -> Gate? { gates.first { $0.id == id } }
}
