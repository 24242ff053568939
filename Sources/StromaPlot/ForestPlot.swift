/// A forest plot: one row per study with its confidence interval, optional subgroups with
/// summary diamonds, an overall diamond and a prediction-interval bar.
///
/// All values are on the analysis scale (e.g. log risk ratio). With
/// `scale = .exponential` tick labels and the text column show `exp(value)` (ratio measures);
/// the axis stays linear in the analysis scale, i.e. logarithmic in the ratio.
///
/// Layout, left to right: study label, extra columns (e.g. route, dose), the plot area, weight
/// (%) and "estimate [CI]". Squares have an area proportional to the weight (after metafor's
/// `forest()`), whiskers beyond the axis end in an arrow.
public struct ForestPlot: Sendable {
    /// One study row.
    public struct Row: Sendable, Hashable {
        public var label: String
        public var estimate: Double
        public var lower: Double
        public var upper: Double
        /// Weight in percent of the total, if known.
        public var weightPercent: Double?
        /// Values for ``ForestPlot/extraColumns``, in the same order.
        public var extra: [String]

        public init(
            label: String, estimate: Double, lower: Double, upper: Double,
            weightPercent: Double? = nil, extra: [String] = []
        ) {
            self.label = label
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
            self.weightPercent = weightPercent
            self.extra = extra
        }
    }

    /// A pooled estimate drawn as a diamond, optionally with a prediction interval bar.
    public struct Summary: Sendable, Hashable {
        public var label: String
        public var estimate: Double
        public var lower: Double
        public var upper: Double
        public var predictionLower: Double?
        public var predictionUpper: Double?
        /// A short line under the diamond (for example "Q = 3.1, df = 2, p = 0.21; I² = 35%").
        public var note: String?

        public init(
            label: String, estimate: Double, lower: Double, upper: Double,
            predictionLower: Double? = nil, predictionUpper: Double? = nil, note: String? = nil
        ) {
            self.label = label
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
            self.predictionLower = predictionLower
            self.predictionUpper = predictionUpper
            self.note = note
        }
    }

    /// A block of rows with an optional title and subgroup summary.
    public struct Group: Sendable, Hashable {
        public var title: String?
        public var rows: [Row]
        public var summary: Summary?

        public init(title: String? = nil, rows: [Row], summary: Summary? = nil) {
            self.title = title
            self.rows = rows
            self.summary = summary
        }
    }

    /// How axis and text values are shown.
    public enum Scale: Sendable, Hashable {
        /// As given (differences, SMD, NMD, …).
        case identity
        /// As `exp(value)`: ratio measures analysed on the log scale.
        case exponential
    }

    public var groups: [Group]
    public var overall: Summary?
    public var extraColumns: [String]
    /// Axis title, for example "Standardised mean difference (Hedges' g)".
    public var effectLabel: String
    public var scale: Scale
    /// Where the vertical line of no effect is drawn (analysis scale); `nil` for none.
    public var nullValue: Double?
    /// Text under the axis on the left / right of the null line.
    public var favoursLeft: String?
    public var favoursRight: String?
    /// Decimals of the "estimate [CI]" column.
    public var decimals: Int
    /// Confidence level shown in the column header, for example 95.
    public var level: Double
    /// A line of small text at the bottom (model, heterogeneity).
    public var footnote: String?

    public init(
        groups: [Group], overall: Summary? = nil, extraColumns: [String] = [],
        effectLabel: String, scale: Scale = .identity, nullValue: Double? = 0,
        favoursLeft: String? = nil, favoursRight: String? = nil, decimals: Int = 2,
        level: Double = 95, footnote: String? = nil
    ) {
        self.groups = groups
        self.overall = overall
        self.extraColumns = extraColumns
        self.effectLabel = effectLabel
        self.scale = scale
        self.nullValue = nullValue
        self.favoursLeft = favoursLeft
        self.favoursRight = favoursRight
        self.decimals = decimals
        self.level = level
        self.footnote = footnote
    }
}
