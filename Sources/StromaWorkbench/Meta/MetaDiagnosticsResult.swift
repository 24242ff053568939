import StromaRelease
import StromaImport
import StromaDomain
import StromaStatistics

/// The result of a diagnostics subcommand (`bias`, `leave1out`, `cumulative`, `influence`, `permutation`): the
/// shared model keys and the diagnostic's own keys, at the top level of one JSON object.
public struct MetaDiagnosticsResult<Body: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    /// The keys every diagnostics result has: `version`, `engine_version`, `k`, `measure`, `method`, `test`,
    /// `level`, `warnings`.
    public struct Header: Codable, Sendable, Hashable {
        public var version: String
        public var engineVersion: String
        public var k: Int
        public var measure: MetaMeasure
        public var method: String
        public var test: String
        public var level: Double
        public var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case version, engineVersion = "engine_version", k, measure, method, test, level, warnings
        }

        public init(_ run: MetaRun) {
            let fit = run.overall
            version = StromaRelease.version
            engineVersion = fit.packageVersion
            k = fit.k
            measure = run.dataset.measure
            method = fit.method.rawValue
            test = MetaModelSettings.name(of: fit.options.test)
            level = fit.options.level
            warnings = run.warnings
        }
    }

    public var header: Header
    public var body: Body

    public init(run: MetaRun, body: Body) {
        header = Header(run)
        self.body = body
    }

    public init(from decoder: any Decoder) throws {
        header = try Header(from: decoder)
        body = try Body(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        try body.encode(to: encoder)
    }
}
