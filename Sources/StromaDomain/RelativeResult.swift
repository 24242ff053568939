/// A result the source gives only relative to a comparator, kept as stated, not forced into
/// mean and SD.
///
/// Two kinds: a percent change of an outcome against a comparator (`"reduced infarct volume by
/// about 67%"`: `percent` 67, `direction` decrease, `approximate` true) and a proportion of cells or
/// animals (`"about 5%–10% differentiate into neurons"`: `percentLow` 5, `percentHigh` 10). Such
/// a result cannot be pooled as a standardised mean difference; it is evidence of direction and
/// rough size with its verbatim provenance.
public struct RelativeResult: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// Change of an outcome relative to a comparator, in percent of the comparator.
        case percentChange = "percent-change"
        /// A proportion (of cells, animals, …), in percent.
        case proportion
    }

    public enum Direction: String, Sendable, Codable, Hashable, CaseIterable {
        case increase, decrease
    }

    public var kind: Kind
    /// Outcome measure term id (kind `outcome-measure`), when the vocabulary has one.
    public var measure: String?
    /// The quantity in words (`"infarct volume"`, `"MSCs differentiating into neurons"`).
    public var quantity: String
    /// The ``ExperimentArm/label`` of the arm the result is about, when the record has arms.
    public var arm: String?
    /// What the change is relative to, in words (`"unprimed MSCs"`, `"untreated CP rats"`).
    public var comparator: String?
    /// The single value in percent, when one is stated.
    public var percent: Double?
    /// A stated range in percent (`5`–`10`).
    public var percentLow: Double?
    public var percentHigh: Double?
    /// For a percent change: which way the outcome moved.
    public var direction: Direction?
    /// Whether the source hedges the number (`约`, "about").
    public var approximate: Bool
    /// Time of assessment in hours after injury (or after treatment, as `note` says), when stated.
    public var assessedAtHours: Double?
    /// Verbatim source location and quote.
    public var provenance: Provenance

    public init(
        kind: Kind, measure: String? = nil, quantity: String, arm: String? = nil, comparator: String? = nil,
        percent: Double? = nil, percentLow: Double? = nil, percentHigh: Double? = nil,
        direction: Direction? = nil, approximate: Bool = false, assessedAtHours: Double? = nil,
        provenance: Provenance
    ) {
        self.kind = kind
        self.measure = measure
        self.quantity = quantity
        self.arm = arm
        self.comparator = comparator
        self.percent = percent
        self.percentLow = percentLow
        self.percentHigh = percentHigh
        self.direction = direction
        self.approximate = approximate
        self.assessedAtHours = assessedAtHours
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case kind, measure, quantity, arm, comparator, percent
        case percentLow = "percent_low"
        case percentHigh = "percent_high"
        case direction, approximate
        case assessedAtHours = "assessed_at_hours"
        case provenance
    }

    /// `−67% infarct volume vs unprimed MSCs (about)`, `5–10% MSCs differentiating into neurons`.
    public var summary: String {
        var value: String
        if let percent {
            let sign = direction == .decrease ? "−" : direction == .increase ? "+" : ""
            value = "\(sign)\(Self.format(percent))%"
        } else if let low = percentLow, let high = percentHigh {
            value = "\(Self.format(low))–\(Self.format(high))%"
        } else {
            value = "?%"
        }
        if approximate { value = "≈" + value }
        var text = "\(value) \(quantity)"
        if let comparator { text += " vs \(comparator)" }
        return text
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
