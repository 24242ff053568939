import Foundation

/// Comparisons from the quantitative outcomes of a knowledge-base experiment.
extension Comparison {
    /// The moderator columns ``fromOutcomes(of:)`` fills, in this order.
    ///
    /// | column | value |
    /// |---|---|
    /// | `route` | route term ids, `; `-joined when several |
    /// | `source` | cell-source term id |
    /// | `species` | species term id |
    /// | `product_form` | product-form term id |
    /// | `phase` | disease-phase term id |
    /// | `hours_after_injury` | first administration, hours after injury (``TimeAfterInjury/firstHours``) |
    /// | `dose_cells` | cells per administration: the stated count when its basis is `per-administration` or `unspecified`; a `total` divided by `administrations` |
    /// | `dose_per_kg` | ``CellDose/cellsPerKg``, else the count when its basis is `per-kg` |
    /// | `log10_dose_per_kg` | log₁₀ of `dose_per_kg` (when > 0), the usual dose scale for meta-regression |
    /// | `administrations` | number of administrations |
    /// | `assessed_at_hours` | when the outcome was assessed, hours after injury |
    ///
    /// A value the experiment does not give is left out (missing, `NA`).
    public static let experimentModeratorColumns = [
        "route", "source", "species", "product_form", "phase", "hours_after_injury", "dose_cells",
        "dose_per_kg", "log10_dose_per_kg", "administrations", "assessed_at_hours",
    ]

    /// One comparison per ``OutcomeResult`` of `experiment`, treated (group 1) against control
    /// (group 2), in the experiment's order.
    ///
    /// - Study label: the experiment id, then the publication id in parentheses when there is one
    ///   (`exp-01 (pub-7)`); when the experiment has several outcomes, `[measure, N h]` follows so
    ///   that each label is distinct.
    /// - Direction: ``OutcomeResult/greaterIsWorse``.
    /// - Dispersion: SEM is converted to SD (SD = SEM·√n, n the group's own size); the sham mean
    ///   is kept for the normalised mean difference.
    /// - Pairs: ``Experiment/pairedOutcomes`` (the `outcomes` as given, then arm measurements
    ///   paired with their control arm); a pair from arms takes the treated arm's route, source,
    ///   product form, dose, timing and administrations (``Experiment/effectiveArm(_:)``), and the
    ///   arm label joins the bracket when several arms are pooled.
    /// - Moderators: ``experimentModeratorColumns``.
    /// - `line` is `nil` (the comparison has no source line).
    public static func fromOutcomes(of experiment: Experiment) -> [Comparison] {
        let base = experiment.publication.map { "\(experiment.id) (\($0))" } ?? experiment.id
        let pairs = experiment.pairedOutcomes
        let armCount = Set(pairs.compactMap(\.treatedArm)).count
        return pairs.map { outcome in
            var label = base
            if pairs.count > 1 {
                let time = outcome.assessedAtHours.map { ", \(ModeratorValue.number($0)) h" } ?? ""
                let arm = armCount > 1 ? outcome.treatedArm.map { ", \($0)" } ?? "" : ""
                label += " [\(outcome.measure)\(time)\(arm)]"
            }
            var moderators = experimentModerators(experiment.applying(outcome.treatedArm))
            if let hours = outcome.assessedAtHours { moderators["assessed_at_hours"] = .number(hours) }
            let arms = ContinuousArms(
                n1: Double(outcome.treatedN), m1: outcome.treatedMean, sd1: outcome.treatedError,
                n2: Double(outcome.controlN), m2: outcome.controlMean, sd2: outcome.controlError,
                mSham: outcome.shamMean,
                errorType: outcome.errorType == .sem ? .sem : .sd
            ).withStandardDeviations
            return Comparison(
                study: label, data: .continuous(arms), greaterIsWorse: outcome.greaterIsWorse,
                moderators: moderators)
        }
    }

    /// The experiment-level moderator values (all of ``experimentModeratorColumns`` except
    /// `assessed_at_hours`).
    static func experimentModerators(_ experiment: Experiment) -> [String: ModeratorValue] {
        var values: [String: ModeratorValue] = [:]
        if !experiment.routes.isEmpty { values["route"] = .text(experiment.routes.joined(separator: "; ")) }
        if let source = experiment.source { values["source"] = .text(source) }
        if let species = experiment.species { values["species"] = .text(species) }
        if let form = experiment.productForm { values["product_form"] = .text(form) }
        if let phase = experiment.phase { values["phase"] = .text(phase) }
        if let hours = experiment.timeAfterInjury?.firstHours { values["hours_after_injury"] = .number(hours) }
        if let administrations = experiment.administrations {
            values["administrations"] = .number(Double(administrations))
        }
        if let dose = experiment.dose {
            if let cells = dose.cells {
                switch dose.basis {
                case .perAdministration, .unspecified:
                    values["dose_cells"] = .number(cells)
                case .total:
                    if let count = experiment.administrations, count > 0 {
                        values["dose_cells"] = .number(cells / Double(count))
                    }
                case .perKilogram:
                    break
                }
            }
            if let perKg = dose.cellsPerKg ?? (dose.basis == .perKilogram ? dose.cells : nil) {
                values["dose_per_kg"] = .number(perKg)
                if perKg > 0 { values["log10_dose_per_kg"] = .number(log10(perKg)) }
            }
        }
        return values
    }
}

extension Experiment {
    /// The experiment as its treated arm `label` describes it: the arm's route, source, product
    /// form, dose, timing and administrations replace the experiment's (nil: unchanged).
    func applying(_ label: String?) -> Experiment {
        guard let label, let arm = arm(label) else { return self }
        let filled = effectiveArm(arm)
        var copy = self
        if let route = filled.route { copy.routes = [route] }
        copy.source = filled.source
        copy.productForm = filled.productForm
        copy.dose = filled.dose
        copy.timeAfterInjury = filled.timing
        copy.administrations = filled.administrations
        return copy
    }
}
