extension Comparison {
    /// Splits shared control groups between the comparisons that use them.
    ///
    /// Comparisons with the same ``controlGroup`` share one control group of size n₂; each gets
    /// n₂′ = n₂/g, where g is the number of comparisons sharing it (Cochrane Handbook §23.3.4;
    /// CAMARADES, Vesterinen et al. 2014). Means and SDs are kept. A dispersion given as SEM is
    /// first converted to SD with the real group size (SD = SEM·√n₂). For 2×2 tables the control
    /// cells `ci`, `di` are divided by g. Data kinds without a control arm (`yi,vi`, `ri,ni`,
    /// `xi,ni`) are left unchanged and reported in the returned notes.
    ///
    /// - Returns: the comparisons in the same order, and one note per affected group.
    public static func splittingSharedControls(_ comparisons: [Comparison]) -> (
        comparisons: [Comparison], notes: [String]
    ) {
        var counts: [String: Int] = [:]
        for comparison in comparisons {
            if let id = comparison.controlGroup { counts[id, default: 0] += 1 }
        }
        var notes: [String] = []
        var unsplittable: Set<String> = []
        var result = comparisons
        for index in result.indices {
            guard let id = result[index].controlGroup, let g = counts[id], g > 1 else { continue }
            let share = Double(g)
            switch result[index].data {
            case .continuous(let arms):
                var split = arms.withStandardDeviations
                split.n2 = split.n2 / share
                result[index].data = .continuous(split)
            case .twoByTwo(let ai, let bi, let ci, let di):
                result[index].data = .twoByTwo(ai: ai, bi: bi, ci: ci / share, di: di / share)
            case .effect, .correlation, .proportion:
                unsplittable.insert(id)
            }
        }
        for id in counts.keys.sorted() where counts[id, default: 0] > 1 {
            if unsplittable.contains(id) {
                notes.append(
                    "control group '\(id)' is shared by \(counts[id]!) comparisons, but their data "
                        + "kind has no control arm to split; used as given")
            } else {
                notes.append(
                    "control group '\(id)' is shared by \(counts[id]!) comparisons: its size was "
                        + "divided by \(counts[id]!)")
            }
        }
        return (result, notes)
    }
}
