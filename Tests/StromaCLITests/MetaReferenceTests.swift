import Foundation
import Testing
import _StromaTestSupport

/// `stroma meta --format json` against metafor, value by value.
///
/// Reference: `scripts/reference/meta-cli/metafor_reference.json`, written by
/// `Rscript scripts/reference/meta-cli/make_reference.R` (R 4.2.2, metafor 3.8-1), which computes the
/// effect sizes from the raw columns itself and lists, per case, the command's arguments and the
/// metafor value expected at each JSON path (`coefficients[1].se`, `subgroups.groups[0].tau2`, …).
@Suite struct MetaReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var expected: [(path: String, value: Double)]
        var testDescription: String { name }
        var usesSharedData: Bool { arguments.contains { $0.hasPrefix("$STROMA_SHARED_DATA/") } }
    }

    static let referenceFile = StromaBinary.root
        .appendingPathComponent("scripts/reference/meta-cli/metafor_reference.json")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: referenceFile),
            let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = document["cases"] as? [[String: Any]]
        else { return [Case(name: "reference file unreadable", arguments: [], expected: [])] }
        return cases.map { entry in
            let expected = (entry["expected"] as? [String: Any] ?? [:])
                .compactMap { key, value in (value as? NSNumber).map { (path: key, value: $0.doubleValue) } }
                .sorted { $0.path < $1.path }
            return Case(
                name: entry["name"] as? String ?? "?", arguments: entry["args"] as? [String] ?? [],
                expected: expected)
        }
    }()

    /// The value at a path such as `subgroups.groups[2].estimate`.
    static func value(at path: String, in object: Any) -> Double? {
        var current: Any? = object
        for component in path.split(separator: ".") {
            var name = Substring(component)
            var index: Int?
            if let open = component.firstIndex(of: "["), component.hasSuffix("]") {
                name = component[..<open]
                index = Int(component[component.index(after: open)..<component.index(before: component.endIndex)])
            }
            current = (current as? [String: Any])?[String(name)]
            if let index {
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return (current as? NSNumber)?.doubleValue
    }

    /// Cases on the repository's own example, and cases on the shared SyRF export.
    static let localCases = cases.filter { !$0.usesSharedData }
    static let sharedCases = cases.filter(\.usesSharedData)

    @Test("JSON output equals metafor to 1e-6 relative (synthetic example)", arguments: localCases)
    func matchesMetafor(_ reference: Case) throws { try Self.check(reference) }

    @Test(
        "JSON output equals metafor to 1e-6 relative (SyRF export)",
        .enabled(if: SharedData.isAvailable), arguments: sharedCases)
    func matchesMetaforShared(_ reference: Case) throws { try Self.check(reference) }

    static func check(_ reference: Case) throws {
        #expect(reference.expected.count > 10, "too few reference values")
        let arguments = try reference.arguments.map { argument in
            let prefix = "$STROMA_SHARED_DATA/"
            return argument.hasPrefix(prefix)
                ? try SharedData.url(String(argument.dropFirst(prefix.count))).path : argument
        }
        let json = try StromaBinary.json(arguments)
        for (path, expected) in reference.expected {
            let actual = try #require(Self.value(at: path, in: json), "no number at '\(path)'")
            #expect(
                isClose(actual, expected, relative: Tolerance.coefficient, absolute: 1e-10),
                "\(path): stroma \(actual), metafor \(expected)")
        }
    }

    @Test("The reference file holds the six synthetic and three SyRF cases")
    func caseCount() {
        #expect(Self.localCases.count == 6)
        #expect(Self.sharedCases.count == 3)
    }

    @Test("The path reader finds nested values")
    func pathReader() {
        let object: [String: Any] = ["a": ["b": [["c": 1.5], ["c": 2.5]]], "k": 3]
        #expect(Self.value(at: "a.b[1].c", in: object) == 2.5)
        #expect(Self.value(at: "k", in: object) == 3)
        #expect(Self.value(at: "a.b[2].c", in: object) == nil)
    }
}
