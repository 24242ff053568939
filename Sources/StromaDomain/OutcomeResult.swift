/// A quantitative outcome of one comparison, as reported: treated vs control group summaries.
///
/// Values are what the source reports; `errorType` says whether `treatedError`/`controlError`
/// are SD or SEM. `greaterIsWorse` orients the effect (infarct volume: true; mNSS: true;
/// BBB locomotor score: false). Experiments that carry these can be pooled by `stroma meta`.
public struct OutcomeResult: Sendable, Codable, Equatable, Hashable {
    public enum ErrorType: String, Sendable, Codable, Hashable { case sd = "SD", sem = "SEM" }

    /// Outcome measure term id (kind `outcome-measure`).
    public var measure: String
    /// Time of assessment in hours after injury, when known.
    public var assessedAtHours: Double?
    public var unit: String?
    public var treatedN: Int
    public var treatedMean: Double
    public var treatedError: Double
    public var controlN: Int
    public var controlMean: Double
    public var controlError: Double
    public var errorType: ErrorType
    /// Mean of a sham (or normal) group, for the normalised mean difference.
    public var shamMean: Double?
    public var greaterIsWorse: Bool
    /// The ``ExperimentArm/label`` of the treated arm, when the pair was formed from arm
    /// measurements (``Experiment/pairedOutcomes``).
    public var treatedArm: String?
    public var provenance: Provenance

    public init(
        measure: String, assessedAtHours: Double? = nil, unit: String? = nil,
        treatedN: Int, treatedMean: Double, treatedError: Double,
        controlN: Int, controlMean: Double, controlError: Double,
        errorType: ErrorType, shamMean: Double? = nil, greaterIsWorse: Bool,
        treatedArm: String? = nil, provenance: Provenance
    ) {
        self.measure = measure
        self.assessedAtHours = assessedAtHours
        self.unit = unit
        self.treatedN = treatedN
        self.treatedMean = treatedMean
        self.treatedError = treatedError
        self.controlN = controlN
        self.controlMean = controlMean
        self.controlError = controlError
        self.errorType = errorType
        self.shamMean = shamMean
        self.greaterIsWorse = greaterIsWorse
        self.treatedArm = treatedArm
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case measure
        case assessedAtHours = "assessed_at_hours"
        case unit
        case treatedN = "treated_n", treatedMean = "treated_mean", treatedError = "treated_error"
        case controlN = "control_n", controlMean = "control_mean", controlError = "control_error"
        case errorType = "error_type"
        case shamMean = "sham_mean"
        case greaterIsWorse = "greater_is_worse"
        case treatedArm = "treated_arm"
        case provenance
    }
}
