/// One arm's summary of one outcome at one time point: mean, spread and number of animals.
///
/// `dispersion` keeps what the source reported (SD, SE or a confidence interval); `sd` is the
/// standard deviation used for pooling, equal to the reported SD or converted from SE or CI, and
/// then `dispersion.conversion` says how (Cochrane Handbook §6.5.2.2–6.5.2.3):
/// SD = SE·√n; SD = √n·(upper − lower)/(2·t), t the `(1 + level)/2` quantile of Student's t
/// with n − 1 degrees of freedom.
public struct OutcomeMeasurement: Sendable, Codable, Equatable, Hashable {
    /// The spread as the source reports it.
    public struct Dispersion: Sendable, Codable, Equatable, Hashable {
        public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
            case sd = "SD", se = "SE", ci = "CI"
        }

        public var kind: Kind
        /// The SD or SE as reported (for `kind` SD or SE).
        public var value: Double?
        /// The interval's bounds and level in percent (for `kind` CI).
        public var lower: Double?
        public var upper: Double?
        public var level: Double?
        /// How ``OutcomeMeasurement/sd`` was computed from this, when it is not the reported SD.
        public var conversion: String?

        public init(
            kind: Kind, value: Double? = nil, lower: Double? = nil, upper: Double? = nil,
            level: Double? = nil, conversion: String? = nil
        ) {
            self.kind = kind
            self.value = value
            self.lower = lower
            self.upper = upper
            self.level = level
            self.conversion = conversion
        }
    }

    /// The ``ExperimentArm/label`` of the arm measured.
    public var arm: String
    /// Outcome measure term id (kind `outcome-measure`).
    public var measure: String
    /// Time of assessment in hours after injury, when known.
    public var assessedAtHours: Double?
    public var mean: Double
    public var dispersion: Dispersion
    /// Standard deviation used for pooling (see the type's summary).
    public var sd: Double
    /// Number of animals measured.
    public var n: Int
    public var unit: String?
    /// Whether a greater value means a worse outcome (infarct volume, mNSS: true).
    public var greaterIsWorse: Bool
    public var provenance: Provenance

    public init(
        arm: String, measure: String, assessedAtHours: Double? = nil, mean: Double, dispersion: Dispersion,
        sd: Double, n: Int, unit: String? = nil, greaterIsWorse: Bool, provenance: Provenance
    ) {
        self.arm = arm
        self.measure = measure
        self.assessedAtHours = assessedAtHours
        self.mean = mean
        self.dispersion = dispersion
        self.sd = sd
        self.n = n
        self.unit = unit
        self.greaterIsWorse = greaterIsWorse
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case arm, measure
        case assessedAtHours = "assessed_at_hours"
        case mean, dispersion, sd, n, unit
        case greaterIsWorse = "greater_is_worse"
        case provenance
    }
}
