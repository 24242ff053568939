import Foundation
import StromaStatistics
import Testing
import _StromaTestSupport

/// A metafor fixture file (Fixtures/metafor/*.json, written by scripts/reference/metafor/generate-fixtures.R).
struct MetaforFixture {
    let root: [String: Any]

    static func url(_ name: String) throws -> URL {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError("Fixtures folder missing from the test bundle")
        }
        return folder.appendingPathComponent("metafor/\(name).json")
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: MetaforFixture] = [:]

    /// Loads (once per process) a fixture file.
    static func load(_ name: String) throws -> MetaforFixture {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[name] { return cached }
        let fixture = try parse(name)
        cache[name] = fixture
        return fixture
    }

    private static func parse(_ name: String) throws -> MetaforFixture {
        let data = try Data(contentsOf: url(name))
        // JSONDecoder parses numbers exactly (JSONSerialization on Linux can be 1 ulp off, which
        // matters for extreme-tail quantiles).
        guard let root = try JSONDecoder().decode(JSONValue.self, from: data).any as? [String: Any] else {
            throw FixtureError("\(name).json is not a JSON object")
        }
        return MetaforFixture(root: root)
    }

    /// Case names, for `@Test(arguments:)`.
    static func caseNames(_ name: String) throws -> [String] {
        try load(name).cases.map(\.name)
    }

    var cases: [FixtureCase] { (root["cases"] as? [[String: Any]] ?? []).map(FixtureCase.init) }

    func `case`(_ name: String) throws -> FixtureCase {
        guard let c = cases.first(where: { $0.name == name }) else { throw FixtureError("no case '\(name)'") }
        return c
    }

    func dataset(_ name: String) throws -> FixtureCase {
        guard let d = (root["datasets"] as? [String: Any])?[name] as? [String: Any] else {
            throw FixtureError("no dataset '\(name)'")
        }
        return FixtureCase(d)
    }

    var metaforVersion: String { root["metafor_version"] as? String ?? "?" }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One JSON object with typed accessors (numbers are arrays; null → NaN).
struct FixtureCase {
    let dict: [String: Any]
    init(_ dict: [String: Any]) { self.dict = dict }

    var name: String { dict["name"] as? String ?? "?" }

    func string(_ key: String) -> String? { dict[key] as? String }

    func strings(_ key: String) -> [String] {
        if let s = dict[key] as? String { return [s] }
        return (dict[key] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    func numbers(_ key: String) -> [Double]? {
        guard let raw = dict[key] as? [Any] else { return nil }
        return raw.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    func number(_ key: String) -> Double? { numbers(key)?.first }

    func object(_ key: String) -> FixtureCase? { (dict[key] as? [String: Any]).map(FixtureCase.init) }

    func objects(_ key: String) -> [FixtureCase] { (dict[key] as? [[String: Any]] ?? []).map(FixtureCase.init) }

    var expected: FixtureCase { object("expected") ?? FixtureCase([:]) }

    func bool(_ key: String) -> Bool { (dict[key] as? [Any])?.first as? Bool ?? (dict[key] as? Bool ?? false) }
}

/// Records a failure naming the case and quantity when `actual` is not within `tolerance` of `expected`.
func expectClose(
    _ actual: Double, _ expected: Double?, _ tolerance: Double, _ what: String,
    absolute: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let expected else {
        Issue.record("\(what): no expected value in fixture", sourceLocation: sourceLocation)
        return
    }
    #expect(
        isClose(actual, expected, relative: tolerance, absolute: absolute),
        "\(what): got \(actual), metafor \(expected)", sourceLocation: sourceLocation)
}

func expectClose(
    _ actual: [Double], _ expected: [Double]?, _ tolerance: Double, _ what: String,
    absolute: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let expected else {
        Issue.record("\(what): no expected values in fixture", sourceLocation: sourceLocation)
        return
    }
    #expect(
        actual.count == expected.count, "\(what): \(actual.count) values, metafor \(expected.count)",
        sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        #expect(
            isClose(a, e, relative: tolerance, absolute: absolute),
            "\(what)[\(i)]: got \(a), metafor \(e)", sourceLocation: sourceLocation)
    }
}

extension FixtureCase {
    /// The options of an rma case (method, test).
    var metaOptions: MetaAnalysisOptions {
        MetaAnalysisOptions(
            method: TauEstimator(rawValue: string("method") ?? "REML") ?? .restrictedMaximumLikelihood,
            test: InferenceTest(rawValue: string("test") ?? "z") ?? .z, fallback: [])
    }
}

extension MetaforFixture {
    /// Fits the model a case describes on its dataset (moderators from `mods` then `factors`, as the R formula).
    func fit(_ c: FixtureCase, method: String? = nil) throws -> MetaAnalysisResult {
        let name = c.string("dataset") ?? ""
        let d = try dataset(name)
        var moderators: [Moderator] = []
        for m in c.strings("mods") { moderators.append(.continuous(m, d.numbers(m) ?? [])) }
        for f in c.strings("factors") { moderators.append(.categorical(f, d.strings(f))) }
        var options = c.metaOptions
        if let method { options.method = TauEstimator(rawValue: method)! }
        return try MetaAnalysis.fit(
            yi: d.numbers("yi")!, vi: d.numbers("vi")!, labels: d.strings("labels"),
            moderators: moderators, options: options)
    }
}

/// A JSON value decoded with `JSONDecoder`, converted to Foundation objects (numbers as `NSNumber`).
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    var any: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let d): return NSNumber(value: d)
        case .string(let s): return s
        case .array(let a): return a.map(\.any)
        case .object(let o): return o.mapValues(\.any)
        }
    }
}
