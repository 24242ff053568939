import Foundation
import Testing
import _StromaTestSupport

@testable import StromaCytometry

/// The ISAC Gating-ML 2.0 compliance set as shipped with FlowKit (`data/gate_ref`, in `$STROMA_SHARED_DATA/gatingml`):
/// every truth vector `truth/Results_<GateId>.txt` (one 0/1 per event of `data1.fcs`) must equal Stroma's
/// membership for that gate, event by event.
@Suite("Gating-ML 2.0 compliance set", .enabled(if: SharedData.isAvailable))
struct GatingMLComplianceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var gml: String
        var gate: String
        var testDescription: String { "\(gate) (\(gml))" }
    }

    /// Every (gate file, gate id) whose truth file exists; gate files other than the combined `gml_all_gates.xml`.
    static let cases: [Case] = {
        guard let root = SharedData.root?.appendingPathComponent("gatingml").path else { return [] }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root + "/gml"))?.sorted() ?? []
        var cases: [Case] = []
        for name in files where name.hasSuffix(".xml") && name != "gml_all_gates.xml" {
            guard let document = try? GatingMLParser.read(path: root + "/gml/" + name) else {
                cases.append(Case(gml: name, gate: "(unreadable)"))
                continue
            }
            for gate in document.gates {
                let truth = truthName[gate.id] ?? gate.id
                if FileManager.default.fileExists(atPath: root + "/truth/Results_\(truth).txt") {
                    cases.append(Case(gml: name, gate: gate.id))
                }
            }
        }
        return cases
    }()

    /// Truth files named otherwise than their gate: FlowKit's test suite pairs `Results_ParQuadRect.txt` with gate
    /// `ParRectangle1` of `gml_parent_quadrant_rect_gate.xml` (a rectangle whose parent is a quadrant).
    static let truthName = ["ParRectangle1": "ParQuadRect"]

    static func truth(_ gate: String) throws -> [Bool] {
        let name = truthName[gate] ?? gate
        let text = try String(
            contentsOfFile: SharedData.url("gatingml/truth/Results_\(name).txt").path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) == "1" }
    }

    @Test("every truth file is covered by a gate file")
    func coverage() throws {
        let truths = try FileManager.default.contentsOfDirectory(atPath: SharedData.url("gatingml/truth").path)
        #expect(truths.count == 51)
        let covered = Set(Self.cases.map { Self.truthName[$0.gate] ?? $0.gate })
        for truth in truths {
            let id = String(truth.dropFirst("Results_".count).dropLast(".txt".count))
            #expect(covered.contains(id), "no gate file defines '\(id)'")
        }
    }

    @Test("event membership equals the truth file", arguments: cases)
    func membership(_ testCase: Case) throws {
        let file = try FCSReader.read(path: SharedData.url("gatingml/data1.fcs").path)
        let document = try GatingMLParser.read(path: SharedData.url("gatingml/gml/" + testCase.gml).path)
        let evaluator = try GateEvaluator(document: document, file: file)
        let ours = try evaluator.membership(testCase.gate)
        let expected = try Self.truth(testCase.gate)
        #expect(ours.count == expected.count)
        let wrong = zip(ours, expected).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(wrong.isEmpty, "\(wrong.count) events differ, first at \(wrong.prefix(5))")
    }

    @Test("the combined file evaluates every gate it defines to the same truth")
    func allGates() throws {
        let file = try FCSReader.read(path: SharedData.url("gatingml/data1.fcs").path)
        let document = try GatingMLParser.read(path: SharedData.url("gatingml/gml/gml_all_gates.xml").path)
        let evaluator = try GateEvaluator(document: document, file: file)
        var checked = 0
        for gate in document.gates {
            let path = try SharedData.url("gatingml").path + "/truth/Results_\(Self.truthName[gate.id] ?? gate.id).txt"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            #expect(try evaluator.membership(gate.id) == Self.truth(gate.id), "gate \(gate.id)")
            checked += 1
        }
        #expect(checked >= 40)
    }
}
