import StromaImport
import StromaDomain
import StromaStatistics

/// The measure and model of a meta-analysis, resolved from the names a user gives.
///
/// Both front ends pass text (`--measure SMD --method REML --test knha --level 95`, or the API's `measure`,
/// `method`, `test`, `level`); a bad value is a ``WorkbenchError`` naming the option and listing the valid ones.
public struct MetaModelSettings: Sendable {
    public var measure: MetaMeasure
    public var options: MetaAnalysisOptions

    public init(measure: MetaMeasure, options: MetaAnalysisOptions) {
        self.measure = measure
        self.options = options
    }

    /// Resolves the names, checking them in the order measure, method, test, level.
    public init(measure measureName: String, method: String = "REML", test: String = "z", level: Double = 95) throws {
        measure = try MetaMeasure.parse(measureName)
        let estimator = try Self.estimator(method)
        let inference = try Self.inference(test)
        guard level > 50 && level < 100 else {
            throw WorkbenchError(
                .invalidInput, "--level: must be between 50 and 100 (percent), got \(level)", field: "level",
                option: "--level", valid: ["50 < level < 100"])
        }
        options = MetaAnalysisOptions(method: estimator, test: inference, level: level)
    }

    /// The τ² estimator names accepted by `--method` (`FE` is read as `EE`).
    public static let methodNames = ["EE", "DL", "HE", "HS", "SJ", "ML", "REML", "EB", "PM"]

    /// The coefficient tests accepted by `--test`.
    public static let testNames = ["z", "t", "knha"]

    /// The τ² estimator named `name` (case-insensitive), or a ``WorkbenchError``.
    public static func estimator(_ name: String) throws -> TauEstimator {
        let wanted = name.uppercased() == "FE" ? "EE" : name.uppercased()
        guard methodNames.contains(wanted), let estimator = TauEstimator(rawValue: wanted) else {
            throw WorkbenchError(
                .invalidInput, "--method: unknown method '\(name)'; valid: " + methodNames.joined(separator: ", "),
                field: "method", option: "--method", valid: methodNames)
        }
        return estimator
    }

    /// The coefficient test named `name` (`z`, `t` or `knha`), or a ``WorkbenchError``.
    public static func inference(_ name: String) throws -> InferenceTest {
        switch name {
        case "z": return .z
        case "t": return .t
        case "knha": return .knappHartung
        default:
            throw WorkbenchError(
                .invalidInput, "--test: unknown test '\(name)'; valid: z, t, knha", field: "test", option: "--test",
                valid: testNames)
        }
    }

    /// The name of a test as given on the command line and in JSON (`test`).
    public static func name(of test: InferenceTest) -> String {
        switch test {
        case .z: "z"
        case .t: "t"
        case .knappHartung: "knha"
        }
    }
}
