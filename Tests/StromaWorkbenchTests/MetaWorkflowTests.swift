import StromaRelease
import Foundation
import StromaStatistics
import StromaWorkbench
import Testing
import _StromaTestSupport

/// The meta-analysis workflows of the application layer, called as both front ends call them.
///
/// Reference: `Rscript scripts/reference/meta-cli/synthetic_nmd_reml.R` (R 4.2.2, metafor 3.8-1): the synthetic
/// example, NMD computed by formula, `rma(method = "REML")`.
@Suite struct MetaWorkflowTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // StromaWorkbenchTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("examples/synthetic_msc_stroke.csv")

    static func pool(_ file: MetaInputFile, measure: String = "NMD", mods: [String] = []) throws -> MetaPoolResult {
        let settings = try MetaModelSettings(measure: measure)
        let dataset = try MetaDataset(file: file, syrf: false, measure: settings.measure)
        return MetaPoolResult(try MetaRun(dataset: dataset, options: settings.options, mods: mods, by: nil))
    }

    static func json(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("An upload's bytes give the same result as the file on disk, and match metafor")
    func bytesAndPath() throws {
        let fromPath = try Self.pool(.path(Self.example.path))
        let bytes = try Data(contentsOf: Self.example)
        let fromBytes = try Self.pool(.bytes(bytes, fileName: "synthetic_msc_stroke.csv"))
        #expect(fromPath == fromBytes)
        #expect(fromBytes.summary.input.file == "synthetic_msc_stroke.csv")
        let estimate = try #require(fromBytes.pooled.estimate)
        let tau2 = try #require(fromBytes.summary.tau2)
        #expect(isClose(estimate, 39.16850338, relative: Tolerance.coefficient))
        #expect(isClose(tau2, 35.43614913, relative: Tolerance.heterogeneity))
    }

    @Test("JSON keys: pooled keys null with moderators, regression keys present; round trip")
    func jsonKeys() throws {
        let pooled = try Self.json(try Self.pool(.path(Self.example.path)))
        for key in ["estimate", "ci_lb", "pi_ub", "Q", "Q_df", "tau2_ci_lb", "studies", "input", "engine_version"] {
            #expect(pooled[key] != nil, "missing \(key)")
        }
        #expect(pooled["QM"] == nil)
        let regression = try Self.pool(.path(Self.example.path), mods: ["log10_dose_per_kg"])
        let object = try Self.json(regression)
        #expect(object["estimate"] is NSNull)
        #expect(object["Q"] is NSNull)
        #expect(object["QM"] is NSNumber)
        #expect((object["coefficients"] as? [Any])?.count == 2)
        let decoded = try JSONDecoder().decode(MetaPoolResult.self, from: try JSONEncoder().encode(regression))
        #expect(decoded.regression?.coefficients.map(\.name) == regression.regression?.coefficients.map(\.name))
        #expect(decoded.summary.k == regression.summary.k)
    }

    @Test("A bad value is a WorkbenchError naming file, row, record and column")
    func structuredError() throws {
        let csv = Data("study,n1,m1,sd1,n2,m2,sd2\nA,5,5,1,5,4,1\nB,5,5,1,5,4,0\n".utf8)
        let settings = try MetaModelSettings(measure: "SMD")
        do {
            _ = try MetaDataset(file: .bytes(csv, fileName: "upload.csv"), syrf: false, measure: settings.measure)
            Issue.record("no error")
        } catch let error as WorkbenchError {
            #expect(error.code == .invalidInput)
            #expect(error.file == "upload.csv")
            #expect(error.message.hasPrefix("file 'upload.csv', line 3"))
        }
        do {
            _ = try MetaModelSettings(measure: "SMD", method: "QQ")
            Issue.record("no error")
        } catch let error as WorkbenchError {
            #expect(error.option == "--method")
            #expect(error.valid?.contains("REML") == true)
        }
    }

    @Test("An unknown moderator column is a WorkbenchError listing the valid columns")
    func moderatorColumnError() throws {
        let result = try Self.pool(.path(Self.example.path))
        #expect(result.summary.studies.count == 20)
        let settings = try MetaModelSettings(measure: "NMD")
        let dataset = try MetaDataset(file: .path(Self.example.path), syrf: false, measure: settings.measure)
        #expect(throws: WorkbenchError.self) { try dataset.moderatorColumn("weight", option: "--mods") }
    }

    @Test("Diagnostics results carry the shared header keys")
    func diagnostics() throws {
        let settings = try MetaModelSettings(measure: "NMD")
        let dataset = try MetaDataset(file: .path(Self.example.path), syrf: false, measure: settings.measure)
        let run = try MetaRun(dataset: dataset, options: settings.options, mods: [], by: nil)
        let leaveOneOut = try Self.json(try MetaDiagnostics.leaveOneOut(run))
        #expect(leaveOneOut["k"] as? Int == 20)
        let rows = try #require(leaveOneOut["rows"] as? [[String: Any]])
        #expect(rows.count == 20 && rows[0]["study_left_out"] is String && rows[0]["study_added"] == nil)
        let bias = try Self.json(try MetaDiagnostics.bias(run))
        #expect((bias["trimfill"] as? [String: Any])?["k0"] is NSNumber)
        #expect(bias["version"] as? String == StromaRelease.version)
    }
}
