import StromaStatistics
import StromaImport
import StromaDomain
/// Where a meta-analysis dataset came from (the JSON `input.layout`).
///
/// A new input source adds its own constant in its `MetaDataset+Source.swift` file.
public struct MetaLayout: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Stroma's comparison CSV (one row per comparison; docs/meta-analysis.md, "Input 1").
    public static let comparisonCSV = MetaLayout(rawValue: "comparison-csv")
    /// A SyRF quantitative outcome-data export (`--syrf`).
    public static let syrf = MetaLayout(rawValue: "syrf")
    /// The outcome numbers of knowledge-base experiments (`--knowledge`).
    public static let knowledge = MetaLayout(rawValue: "knowledge")

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
