import StromaImport
import StromaDomain
import StromaStatistics

/// Leave-one-out or cumulative refits (`stroma meta leave1out`, `stroma meta cumulative`; metafor `leave1out`,
/// `cumul`): JSON `rows[]` keyed by `study_left_out` or `study_added`.
public struct MetaSensitivityRows: Codable, Sendable, Hashable {
    /// Which refits these are.
    public enum Kind: Sendable, Hashable {
        case leaveOneOut, cumulative
    }

    /// One refit.
    public struct Row: Codable, Sendable, Hashable {
        /// The study left out (leave-one-out).
        public var studyLeftOut: String?
        /// The study added (cumulative).
        public var studyAdded: String?
        @Nullable public var estimate: Double?
        @Nullable public var se: Double?
        @Nullable public var statistic: Double?
        @Nullable public var p: Double?
        @Nullable public var ciLower: Double?
        @Nullable public var ciUpper: Double?
        @Nullable public var q: Double?
        @Nullable public var qP: Double?
        @Nullable public var tau2: Double?
        @Nullable public var i2: Double?
        @Nullable public var h2: Double?
        public var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case studyLeftOut = "study_left_out", studyAdded = "study_added"
            case estimate, se, statistic, p, ciLower = "ci_lb", ciUpper = "ci_ub", q = "Q", qP = "Q_p", tau2
            case i2 = "I2", h2 = "H2", warnings
        }

        /// The study left out or added.
        public var study: String { studyLeftOut ?? studyAdded ?? "" }

        init(_ row: SensitivityRow, kind: Kind) {
            studyLeftOut = kind == .leaveOneOut ? row.label : nil
            studyAdded = kind == .cumulative ? row.label : nil
            estimate = row.estimate
            se = row.standardError
            statistic = row.statistic
            p = row.pValue
            ciLower = row.ciLower
            ciUpper = row.ciUpper
            q = row.q
            qP = row.qPValue
            tau2 = row.tau2
            i2 = row.i2
            h2 = row.h2
            warnings = row.warnings
        }
    }

    public var rows: [Row]

    public init(kind: Kind, rows: [SensitivityRow]) {
        self.rows = rows.map { Row($0, kind: kind) }
    }
}

/// The result of `stroma meta leave1out` or `stroma meta cumulative`.
public typealias MetaSensitivityResult = MetaDiagnosticsResult<MetaSensitivityRows>
