/// Arms, their fallbacks to the experiment's own fields, and treated-vs-control pairs.
extension Experiment {
    /// The arm labelled `label`, if any.
    public func arm(_ label: String) -> ExperimentArm? {
        arms.first { $0.label == label }
    }

    /// `arm` with every field it leaves `nil` taken from the experiment: source, product form,
    /// dose, the route when the experiment has exactly one, site, timing, administrations.
    public func effectiveArm(_ arm: ExperimentArm) -> ExperimentArm {
        var filled = arm
        guard arm.role == .treated else { return filled }
        filled.source = arm.source ?? source
        filled.productForm = arm.productForm ?? productForm
        filled.dose = arm.dose ?? dose
        filled.route = arm.route ?? (routes.count == 1 ? routes[0] : nil)
        filled.site = arm.site ?? site
        filled.timing = arm.timing ?? timeAfterInjury
        filled.administrations = arm.administrations ?? administrations
        return filled
    }

    /// The treated-vs-control pairs this experiment supports: ``outcomes`` as given, then one pair
    /// per measurement of a treated arm whose control arm (``ExperimentArm/controlArm``) has a
    /// measurement of the same measure at the same time point, in measurement order.
    ///
    /// A pair takes the measure, time, unit and direction of the treated arm's measurement; its
    /// errors are the SDs (``OutcomeMeasurement/sd``); its sham mean is the measurement of a
    /// `sham` control arm of the experiment at the same measure and time, when there is one; its
    /// provenance is the treated measurement's.
    public var pairedOutcomes: [OutcomeResult] {
        var pairs = outcomes
        func measurement(of arm: String, like other: OutcomeMeasurement) -> OutcomeMeasurement? {
            measurements.first {
                $0.arm == arm && $0.measure == other.measure && $0.assessedAtHours == other.assessedAtHours
            }
        }
        let shamArm = arms.first { $0.role == .control && $0.controlType == .sham }?.label
        for treated in measurements {
            guard let arm = arm(treated.arm), arm.role == .treated, let controlLabel = arm.controlArm,
                let control = measurement(of: controlLabel, like: treated)
            else { continue }
            let sham = shamArm.flatMap { $0 == controlLabel ? nil : measurement(of: $0, like: treated) }
            pairs.append(
                OutcomeResult(
                    measure: treated.measure, assessedAtHours: treated.assessedAtHours, unit: treated.unit,
                    treatedN: treated.n, treatedMean: treated.mean, treatedError: treated.sd,
                    controlN: control.n, controlMean: control.mean, controlError: control.sd,
                    errorType: .sd, shamMean: sham?.mean, greaterIsWorse: treated.greaterIsWorse,
                    treatedArm: arm.label, provenance: treated.provenance))
        }
        return pairs
    }
}

extension Experiment {
    /// The arm invariants, one line per problem naming the arm or measurement; empty when valid.
    ///
    /// - arm labels are unique and non-empty;
    /// - a treated arm names an existing control arm (``ExperimentArm/controlArm``) when the
    ///   experiment has measurements; a control arm has a ``ExperimentArm/controlType``;
    /// - each measurement and relative result names an existing arm (relative results may name
    ///   none); a measurement has n ≥ 1 and SD > 0; no two measurements share arm, measure and time.
    public var armProblems: [String] {
        var problems: [String] = []
        var labels: Set<String> = []
        for arm in arms {
            if arm.label.isEmpty { problems.append("an arm has an empty label") }
            if !labels.insert(arm.label).inserted { problems.append("duplicate arm '\(arm.label)'") }
        }
        for arm in arms {
            switch arm.role {
            case .control:
                if arm.controlType == nil { problems.append("control arm '\(arm.label)': no control_type") }
            case .treated:
                if let control = arm.controlArm {
                    if self.arm(control)?.role != .control {
                        problems.append("arm '\(arm.label)': control_arm '\(control)' is not a control arm")
                    }
                } else if !measurements.isEmpty {
                    problems.append("arm '\(arm.label)': no control_arm")
                }
            }
        }
        var seen: Set<String> = []
        for item in measurements {
            let name = "measurement '\(item.arm)' \(item.measure)"
            if arm(item.arm) == nil { problems.append("\(name): unknown arm '\(item.arm)'") }
            if item.n < 1 { problems.append("\(name): n must be at least 1") }
            if !(item.sd > 0) { problems.append("\(name): sd must be greater than 0") }
            let key = "\(item.arm)\u{1F}\(item.measure)\u{1F}\(item.assessedAtHours.map { "\($0)" } ?? "")"
            if !seen.insert(key).inserted { problems.append("\(name): measured twice at the same time") }
        }
        for result in relativeResults {
            if let label = result.arm, arm(label) == nil {
                problems.append("relative result '\(result.quantity)': unknown arm '\(label)'")
            }
        }
        return problems
    }
}
