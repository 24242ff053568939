import StromaDomain

extension SyRFQuantitativeReader {
    /// Pairs treated cohorts with model controls (and shams) and builds the comparisons.
    static func pair(_ cohorts: [Cohort], annotationColumns: [String]) -> ComparisonTable {
        var warnings: [String] = []
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, cohort) in cohorts.enumerated() {
            let key = "\(cohort.experimentId)|\(cohort.outcomeId)|\(cohort.time)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        /// Cohorts of `role` for the same study, investigator, outcome and time elsewhere.
        func elsewhere(_ treated: Cohort, role: Cohort.Role) -> [Cohort] {
            cohorts.filter {
                $0.role == role && $0.studyId == treated.studyId
                    && $0.investigatorId == treated.investigatorId
                    && $0.outcomeId == treated.outcomeId && $0.time == treated.time
                    && $0.experimentId != treated.experimentId
            }
        }
        var paired: [(treated: Cohort, control: Cohort, sham: Cohort?)] = []
        for key in order {
            let members = groups[key]!.map { cohorts[$0] }
            let treatedCohorts = members.filter { $0.role == .treated }
            guard let firstTreated = treatedCohorts.first else { continue }
            var controls = members.filter { $0.role == .control }
            var shams = members.filter { $0.role == .sham }
            if controls.isEmpty {
                controls = elsewhere(firstTreated, role: .control)
                if controls.count == 1 {
                    warnings.append(
                        "line\(treatedCohorts.count > 1 ? "s" : "") \(treatedCohorts.map { String($0.line) }.joined(separator: ", ")): "
                            + "experiment has no model control; paired with the control on line "
                            + "\(controls[0].line) (same study, outcome and time)")
                }
            }
            if shams.isEmpty { shams = elsewhere(firstTreated, role: .sham) }
            for treated in treatedCohorts {
                let place =
                    "line \(treated.line): treated cohort '\(treated.cohortLabel)' "
                    + "(outcome '\(treated.outcomeLabel)', time \(treated.time))"
                guard controls.count == 1 else {
                    if controls.isEmpty {
                        warnings.append(
                            "\(place) has no model-control cohort "
                                + "(IsDiseaseModelControl FALSE, IsTreatmentControl TRUE); dropped")
                    } else {
                        let lines = controls.map { String($0.line) }.joined(separator: ", ")
                        warnings.append(
                            "\(place) has \(controls.count) model-control cohorts "
                                + "(lines \(lines)); pairing is ambiguous; dropped")
                    }
                    continue
                }
                let control = controls[0]
                let types = Set([treated.averageType, control.averageType]).subtracting(["", "mean"])
                guard types.isEmpty else {
                    warnings.append(
                        "\(place): OutcomeAverageType '\(types.sorted().joined(separator: ", "))' "
                            + "is not a mean; dropped")
                    continue
                }
                paired.append((treated, control, shams.count == 1 ? shams[0] : nil))
            }
        }
        paired.sort { $0.treated.line < $1.treated.line }
        var comparisons: [Comparison] = []
        var moderatorCells: [[String]] = []
        for (treated, control, sham) in paired {
            let arms = ContinuousArms(
                n1: treated.n, m1: treated.mean, sd1: treated.sd,
                n2: control.n, m2: control.mean, sd2: control.sd,
                mSham: sham?.mean, errorType: .sd)
            let label =
                "\(treated.firstAuthor) \(treated.year): \(treated.cohortLabel) · "
                + treated.outcomeLabel
            comparisons.append(
                Comparison(
                    study: label, data: .continuous(arms),
                    greaterIsWorse: treated.greaterIsWorse ?? control.greaterIsWorse,
                    controlGroup: "\(control.cohortLabel) (line \(control.line))",
                    line: treated.line))
            moderatorCells.append(
                [
                    treated.studyId, treated.outcomeLabel, treated.time, treated.treatment,
                    treated.diseaseModel, treated.year, treated.investigatorName,
                ] + treated.annotations)
        }
        let columns =
            [
                "study_id", "outcome", "time", "treatment", "disease_model", "year",
                "investigator",
            ] + annotationColumns
        let moderators = MetaCell.moderators(columns: columns, values: moderatorCells)
        for index in comparisons.indices { comparisons[index].moderators = moderators[index] }
        var investigators: [String: Set<String>] = [:]
        var reconciled: [String: Bool] = [:]
        for cohort in cohorts {
            investigators[cohort.studyId, default: []].insert(cohort.investigatorName)
            reconciled[cohort.studyId] = (reconciled[cohort.studyId] ?? false) || cohort.reconciled
        }
        for study in investigators.keys.sorted()
        where investigators[study]!.count > 1
            && reconciled[study] != true
        {
            warnings.append(
                "study '\(study)' was annotated by \(investigators[study]!.count) "
                    + "investigators (\(investigators[study]!.sorted().joined(separator: ", "))) and is "
                    + "not reconciled; the comparisons of both are kept (filter by 'investigator')")
        }
        return ComparisonTable(
            comparisons: comparisons, moderatorColumns: columns,
            warnings: warnings)
    }
}
