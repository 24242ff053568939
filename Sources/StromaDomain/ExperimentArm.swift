/// One group of animals within an experiment: what it received, how, when, and how many animals.
///
/// A treated arm names the control it is compared with (`controlArm`, the control's `label`);
/// a control arm says what kind of control it is (`controlType`). Fields left `nil` fall back to
/// the experiment's own (``Experiment/source``, ``Experiment/routes``, …) when the arm does not
/// differ from it; ``Experiment/effectiveArm(_:)`` applies that fallback.
public struct ExperimentArm: Sendable, Codable, Equatable, Hashable {
    /// Whether the arm received the intervention or is a comparator.
    public enum Role: String, Sendable, Codable, Hashable, CaseIterable {
        case treated, control
    }

    /// What a control arm received.
    public enum ControlType: String, Sendable, Codable, Hashable, CaseIterable {
        /// Injury plus the vehicle alone (PBS, saline, medium).
        case vehicle
        /// Injury and no treatment.
        case untreated
        /// Sham operation without injury (the "normal" group of the normalised mean difference).
        case sham
        /// An active comparator, for example unprimed MSCs against primed MSCs.
        case activeComparator = "active-comparator"
    }

    /// The arm's name within its experiment, unique there (`"MSC 1 × 10^6"`, `"vehicle"`).
    public var label: String
    public var role: Role
    /// For a control arm: what it received.
    public var controlType: ControlType?
    /// For a treated arm: the `label` of the control arm it is compared with.
    public var controlArm: String?
    /// Cell source (kind `cell-source`).
    public var source: String?
    /// Product form (kind `product-form`).
    public var productForm: String?
    /// Dose per the arm, with its unit and basis.
    public var dose: CellDose?
    /// Route (kind `route`).
    public var route: String?
    /// Injection site in words.
    public var site: String?
    /// When the arm was treated, relative to the injury.
    public var timing: TimeAfterInjury?
    /// Number of administrations.
    public var administrations: Int?
    /// Number of animals allocated to the arm.
    public var animals: Int?
    /// The arm as the source describes it, or a caveat (`"pairing of dose and route not stated"`).
    public var note: String?

    public init(
        label: String, role: Role, controlType: ControlType? = nil, controlArm: String? = nil,
        source: String? = nil, productForm: String? = nil, dose: CellDose? = nil, route: String? = nil,
        site: String? = nil, timing: TimeAfterInjury? = nil, administrations: Int? = nil,
        animals: Int? = nil, note: String? = nil
    ) {
        self.label = label
        self.role = role
        self.controlType = controlType
        self.controlArm = controlArm
        self.source = source
        self.productForm = productForm
        self.dose = dose
        self.route = route
        self.site = site
        self.timing = timing
        self.administrations = administrations
        self.animals = animals
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case label, role
        case controlType = "control_type"
        case controlArm = "control_arm"
        case source
        case productForm = "product_form"
        case dose, route, site, timing, administrations, animals, note
    }
}
