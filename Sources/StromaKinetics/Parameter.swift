import Foundation

/// Evidence level of a parameter value, as tagged in `docs/kinetics-model.md` and the model notes.
///
/// - `verified` ([V]): read in a retrieved source text.
/// - `recalled` ([R]): from recall of the cited paper; check the original before treating as data.
/// - `assumed` ([A]): an assumption or calibration, not a measurement.
public enum Evidence: String, Sendable, Codable, Equatable {
    case verified = "V"
    case recalled = "R"
    case assumed = "A"
}

/// How a parameter varies in Monte Carlo runs.
///
/// `lognormal`: median = default value, σ = ln(high/low)/3.92 (so [low, high] is ≈ a 95% range),
/// truncated to [low, high]. `uniform`: uniform on [low, high]. `fixed`: never varied.
public enum ParameterDistribution: String, Sendable, Codable, Equatable {
    case fixed
    case lognormal
    case uniform
}

/// One model parameter with its value, unit, physical bounds, uncertainty range and source.
public struct Parameter: Sendable, Codable, Equatable {
    /// The name used in the model notes and accepted by `--set` (`E_LU`, `kd_LU`, `t_peak`, …).
    public var name: String
    public var value: Double
    public var unit: String
    /// Physical kind: `rate` (≥ 0), `fraction` ([0, 1]) or `positive` (> 0).
    public var kind: Kind
    public var evidence: Evidence
    /// Citation or reasoning for the value (DOI/PMID, or "assumed: …").
    public var source: String
    public var distribution: ParameterDistribution
    /// Uncertainty range for Monte Carlo (`distribution` other than `fixed`).
    public var low: Double?
    public var high: Double?

    /// Physical kind of a parameter, which decides its valid range.
    public enum Kind: String, Sendable, Codable, Equatable {
        case rate
        case fraction
        case positive
        case real

        /// Human-readable valid range used in error messages.
        public var rangeText: String {
            switch self {
            case .rate: "a rate ≥ 0"
            case .fraction: "a fraction in [0, 1]"
            case .positive: "a value > 0"
            case .real: "a finite number"
            }
        }

        /// Whether `value` is physically valid for this kind.
        public func admits(_ value: Double) -> Bool {
            guard value.isFinite else { return false }
            switch self {
            case .rate: return value >= 0
            case .fraction: return value >= 0 && value <= 1
            case .positive: return value > 0
            case .real: return true
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, value, unit, kind, evidence, source, distribution, low, high
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        value = try c.decode(Double.self, forKey: .value)
        unit = try c.decodeIfPresent(String.self, forKey: .unit) ?? ""
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .rate
        evidence = try c.decode(Evidence.self, forKey: .evidence)
        source = try c.decode(String.self, forKey: .source)
        distribution = try c.decodeIfPresent(ParameterDistribution.self, forKey: .distribution) ?? .fixed
        low = try c.decodeIfPresent(Double.self, forKey: .low)
        high = try c.decodeIfPresent(Double.self, forKey: .high)
    }
}
