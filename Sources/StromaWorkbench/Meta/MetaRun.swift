import Foundation
import StromaDomain
import StromaImport
import StromaStatistics

/// The fits behind `stroma meta`: overall (optionally with moderators) and per subgroup.
///
/// Rows without a value for a moderator in `mods` or `by` are left out with a warning (as metafor drops rows
/// with NA); each subgroup is fitted on its own, and with two or more levels the three tests of subgroup
/// differences are computed (docs/meta-analysis.md, "Methods and tests").
public struct MetaRun: Sendable {
    /// One subgroup's fit.
    public struct Subgroup: Sendable {
        public var level: String
        /// Indexes into ``MetaDataset/effects``.
        public var members: [Int]
        public var result: MetaAnalysisResult?
        public var error: String?
    }

    public var dataset: MetaDataset
    public var options: MetaAnalysisOptions
    /// Indexes into ``MetaDataset/effects`` of the studies in ``overall``.
    public var members: [Int]
    public var overall: MetaAnalysisResult
    public var moderatorNames: [String]
    public var byColumn: String?
    public var subgroups: [Subgroup]
    /// Tests of subgroup differences, one per variant (common τ², separate τ², FE partition).
    public var subgroupTests: [SubgroupComparison] = []
    public var warnings: [String]
    /// Q-profile confidence intervals for τ², I², H² (intercept-only random-effects fits).
    public var heterogeneityIntervals: HeterogeneityIntervals?

    public init(
        dataset: MetaDataset, options: MetaAnalysisOptions, mods: [String], by: String?,
        stratifications: Int = 1
    ) throws {
        self.dataset = dataset
        self.options = options
        var warnings = dataset.warnings
        if !mods.isEmpty && by != nil {
            throw WorkbenchError(.invalidInput, "use either '--by' or '--mods', not both", option: "--by")
        }
        let modColumns = try mods.map { try dataset.moderatorColumn($0, option: "--mods") }
        let byColumn = try by.map { try dataset.moderatorColumn($0, option: "--by") }
        let needed = modColumns + (byColumn.map { [$0] } ?? [])
        var members: [Int] = []
        for (index, effect) in dataset.effects.enumerated() {
            let comparison = dataset.comparisons[effect.row]
            let missing = needed.filter { comparison.moderators[$0] == nil }
            if missing.isEmpty {
                members.append(index)
            } else {
                warnings.append(
                    "\(comparison.placeName) ('\(comparison.study)'): dropped, no "
                        + "value for \(missing.map { "'\($0)'" }.joined(separator: ", "))")
            }
        }
        guard !members.isEmpty else {
            throw WorkbenchError(
                .invalidInput, "no comparison has values for \(needed.joined(separator: ", "))", file: dataset.fileName,
                field: needed.first)
        }
        let effects = members.map { dataset.effects[$0] }
        let values = { (column: String) in
            members.map { dataset.comparisons[dataset.effects[$0].row].moderators[column]! }
        }
        let moderators = modColumns.map { column -> Moderator in
            let cells = values(column)
            if cells.allSatisfy({ $0.number != nil }) {
                return .continuous(column, cells.map { $0.number! })
            }
            return .categorical(column, cells.map(\.description))
        }
        overall = try MetaAnalysis.fit(
            yi: effects.map(\.yi), vi: effects.map(\.vi),
            labels: effects.map(\.label), moderators: moderators, options: options)
        self.members = members
        self.moderatorNames = modColumns
        self.byColumn = byColumn
        var subgroups: [Subgroup] = []
        if let byColumn {
            let cells = values(byColumn).map(\.description)
            for level in Set(cells).sorted() {
                let subset = members.indices.filter { cells[$0] == level }.map { members[$0] }
                let part = subset.map { dataset.effects[$0] }
                var group = Subgroup(level: level, members: subset)
                do {
                    group.result = try MetaAnalysis.fit(
                        yi: part.map(\.yi), vi: part.map(\.vi),
                        labels: part.map(\.label), options: options)
                } catch {
                    group.error = "\(error)"
                    warnings.append("subgroup '\(level)': not pooled (\(error))")
                }
                subgroups.append(group)
            }
            if Set(cells).count > 1 {
                for variant in [SubgroupComparison.Variant.commonTau2, .separateTau2, .fixedEffectPartition] {
                    do {
                        subgroupTests.append(
                            try Subgroups.compare(
                                yi: effects.map(\.yi),
                                vi: effects.map(\.vi), labels: effects.map(\.label), groups: cells,
                                moderatorName: byColumn, variant: variant, options: options,
                                stratifications: stratifications))
                    } catch {
                        warnings.append("test for subgroup differences (\(variant.rawValue)): \(error)")
                    }
                }
            } else {
                warnings.append("--by '\(byColumn)': only one level; no test of subgroup differences")
            }
        }
        self.subgroups = subgroups
        if overall.p == 1 && overall.method != .equalEffects && overall.k > 1 {
            do {
                heterogeneityIntervals = try overall.heterogeneityIntervals()
            } catch {
                warnings.append("confidence interval for tau^2 not computed: \(error)")
            }
        }
        self.warnings = warnings + overall.warnings + (heterogeneityIntervals?.notes ?? [])
    }

    /// The comparison behind study `i` of ``overall``.
    public func comparison(_ i: Int) -> Comparison {
        dataset.comparisons[dataset.effects[members[i]].row]
    }
}
