/// One comparison row of a meta-analysis: a treated group against its control, as extracted.
///
/// Group 1 is the treated (experimental) group and group 2 the control, as in metafor's
/// `escalc` (`m1i` treated, `m2i` control). The raw data are kept as extracted
/// (``ComparisonData``); effect sizes are computed later by StromaStatistics.
///
/// - `greaterIsWorse`: whether a larger outcome value means a worse state (e.g. infarct volume,
///   immobility time). `nil` when not stated. Consumers orient effects so that a positive value
///   means benefit when the flag is known.
/// - `controlGroup`: identifier of a control group shared by several comparisons; its animals
///   are split between them (CAMARADES rule, Vesterinen et al. 2014, doi:10.1016/j.jneumeth.2013.09.010).
/// - `moderators`: study-level covariates by column name (route, dose, species …).
/// - `line`: the 1-based source line, for messages.
public struct Comparison: Sendable, Hashable, Codable {
    public var study: String
    public var data: ComparisonData
    public var greaterIsWorse: Bool?
    public var controlGroup: String?
    public var moderators: [String: ModeratorValue]
    public var line: Int?

    public init(
        study: String, data: ComparisonData, greaterIsWorse: Bool? = nil,
        controlGroup: String? = nil, moderators: [String: ModeratorValue] = [:], line: Int? = nil
    ) {
        self.study = study
        self.data = data
        self.greaterIsWorse = greaterIsWorse
        self.controlGroup = controlGroup
        self.moderators = moderators
        self.line = line
    }
}
