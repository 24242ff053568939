import StromaRelease
/// Summary statistics of one group (mean, spread, size); `nil` means missing.
public struct GroupSummary: Sendable, Codable, Equatable, Hashable {
    public var mean: Double?
    /// SD or SEM, as given by ``EffectSizeOptions/spread``.
    public var spread: Double?
    public var n: Double?

    public init(mean: Double?, spread: Double?, n: Double?) {
        self.mean = mean
        self.spread = spread
        self.n = n
    }
}

/// A treated-versus-control comparison with continuous outcome summaries.
public struct ContinuousComparison: Sendable, Codable, Equatable, Hashable {
    public var label: String
    public var treatment: GroupSummary
    public var control: GroupSummary
    /// Sham (or known normal) mean, required only for NMD.
    public var shamMean: Double?
    /// Number of treatment arms the control group serves; its n is divided by this (Cochrane/CAMARADES).
    public var controlSharedBy: Int

    public init(
        label: String, treatment: GroupSummary, control: GroupSummary,
        shamMean: Double? = nil, controlSharedBy: Int = 1
    ) {
        self.label = label
        self.treatment = treatment
        self.control = control
        self.shamMean = shamMean
        self.controlSharedBy = controlSharedBy
    }
}

/// A 2×2 table given as events and totals per arm (metafor ai, n1i, ci, n2i).
public struct TwoByTwoTable: Sendable, Codable, Equatable, Hashable {
    public var label: String
    public var treatmentEvents: Double?
    public var treatmentTotal: Double?
    public var controlEvents: Double?
    public var controlTotal: Double?

    public init(
        label: String, treatmentEvents: Double?, treatmentTotal: Double?,
        controlEvents: Double?, controlTotal: Double?
    ) {
        self.label = label
        self.treatmentEvents = treatmentEvents
        self.treatmentTotal = treatmentTotal
        self.controlEvents = controlEvents
        self.controlTotal = controlTotal
    }
}

/// A correlation coefficient with its sample size.
public struct CorrelationStudy: Sendable, Codable, Equatable, Hashable {
    public var label: String
    public var r: Double?
    public var n: Double?

    public init(label: String, r: Double?, n: Double?) {
        self.label = label
        self.r = r
        self.n = n
    }
}

/// A single-group proportion: events out of n.
public struct ProportionStudy: Sendable, Codable, Equatable, Hashable {
    public var label: String
    public var events: Double?
    public var n: Double?

    public init(label: String, events: Double?, n: Double?) {
        self.label = label
        self.events = events
        self.n = n
    }
}

/// Options of effect-size computation.
///
/// Defaults follow metafor's `escalc`.
public struct EffectSizeOptions: Sendable, Codable, Equatable, Hashable {
    public var direction: OutcomeDirection
    public var spread: SpreadKind
    /// Added to every cell of a table with a zero cell (`add = 1/2, to = "only0"`).
    public var zeroCellCorrection: Double
    /// Drop tables with zero events in both arms (or no non-events in both); escalc default `drop00 = FALSE`.
    public var dropDoubleZero: Bool

    public init(
        direction: OutcomeDirection = .higherIsBetter, spread: SpreadKind = .sd,
        zeroCellCorrection: Double = 0.5, dropDoubleZero: Bool = false
    ) {
        self.direction = direction
        self.spread = spread
        self.zeroCellCorrection = zeroCellCorrection
        self.dropDoubleZero = dropDoubleZero
    }
}

/// One computed effect size: estimate `yi` and sampling variance `vi`.
public struct EffectSize: Sendable, Codable, Equatable, Hashable {
    public var label: String
    /// Index of the row in the input (0-based).
    public var row: Int
    public var yi: Double
    public var vi: Double
    public var standardError: Double { vi.squareRoot() }

    public init(label: String, row: Int, yi: Double, vi: Double) {
        self.label = label
        self.row = row
        self.yi = yi
        self.vi = vi
    }
}

/// Effect sizes of a set of studies, with the rows dropped for missing data.
public struct EffectSizeSet: Sendable, Codable, Equatable {
    public var measure: EffectMeasure
    public var options: EffectSizeOptions
    public var effects: [EffectSize]
    /// 0-based input rows dropped because of missing values.
    public var droppedRows: [Int]
    public var warnings: [String]
    public var packageVersion: String

    public init(
        measure: EffectMeasure, options: EffectSizeOptions, effects: [EffectSize],
        droppedRows: [Int], warnings: [String]
    ) {
        self.measure = measure
        self.options = options
        self.effects = effects
        self.droppedRows = droppedRows
        self.warnings = warnings
        self.packageVersion = StromaRelease.version
    }

    public var yi: [Double] { effects.map(\.yi) }
    public var vi: [Double] { effects.map(\.vi) }
    public var labels: [String] { effects.map(\.label) }
}
