import Foundation
import StromaDomain
import Testing
import _StromaTestSupport

@testable import StromaImport

/// The fast path (``CTFastReader``) must give exactly what `JSONDecoder` gives, and hand
/// everything else to `JSONDecoder`.
@Suite struct CTFastReaderTests {
    static func both(_ data: Data) throws -> (fast: RegistryStudy?, codable: RegistryStudy?) {
        let fast = try data.withUnsafeBytes { try CTWireStudy.fast(bytes: $0) }
        let codable = try JSONDecoder().decode(CTWireStudy.self, from: data)
        return (fast.registryStudy(source: "x"), codable.registryStudy(source: "x"))
    }

    @Test(
        "every real v2 sample: the fast path reads it and equals JSONDecoder", .enabled(if: SharedData.isAvailable),
        arguments: ImportTestFiles.v2Files)
    func realSamples(id: String) throws {
        let data = try ImportTestFiles.data("clinicaltrials/v2-json/\(id).json")
        let (fast, codable) = try Self.both(data)
        #expect(fast != nil)
        #expect(fast == codable)
    }

    @Test("every constructed MSC record: the fast path equals JSONDecoder")
    func constructed() throws {
        let root = try #require(Bundle.module.url(forResource: "msc", withExtension: nil))
        var count = 0
        for folder in ["constructed", "heldout"] {
            let dir = root.appendingPathComponent(folder)
            for url in try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            where url.pathExtension == "json" {
                let (fast, codable) = try Self.both(Data(contentsOf: url))
                #expect(fast == codable, "\(url.lastPathComponent)")
                count += 1
            }
        }
        #expect(count == 41)
    }

    @Test("escapes, nulls, numbers as strings and skipped sections read as JSONDecoder reads them")
    func escapes() throws {
        let json = #"""
            {"resultsSection": {"x": [1, 2.5e3, "a\"]b", {"y": null}]}, "protocolSection": {
              "identificationModule": {"nctId": "NCT00000001", "briefTitle": "Caf\u00e9 \ud83d\ude00 \"q\" a\/b\n\ttab", "acronym": null},
              "designModule": {"phases": ["PHASE1", "PHASE2"], "enrollmentInfo": {"count": " 31 ", "type": "ACTUAL"}},
              "descriptionModule": {"briefSummary": "skipped {[ \\"}, "conditionsModule": {"conditions": ["Ünïcödé", "x"]}},
             "hasResults": false, "documentSection": []}
            """#
        let (fast, codable) = try Self.both(Data(json.utf8))
        #expect(fast == codable)
        #expect(fast?.briefTitle == "Café 😀 \"q\" a/b\n\ttab")
        #expect(fast?.enrollmentCount == 31)
        #expect(fast?.conditions == ["Ünïcödé", "x"])
    }

    @Test(
        "anything the fast path does not accept falls back to JSONDecoder",
        arguments: [
            #"{"protocolSection": {"designModule": {"phases": "PHASE1"}}}"#,  // wrong type
            #"{"protocolSection": {"designModule": {"enrollmentInfo": {"count": 12.0}}}}"#,  // fraction
            #"{"protocolSection": {"identificationModule": {"nctId": "NCT1"}}} trailing"#,  // trailing bytes
            #"{"protocolSection": {"identificationModule": {"nctId": "\ud800"}}}"#,  // lone surrogate
            #"{"hasResults": "true"}"#,  // string for a Bool
        ])
    func fallback(json: String) throws {
        #expect(throws: CTFastReader.Fallback.self) {
            _ = try Data(json.utf8).withUnsafeBytes { try CTWireStudy.fast(bytes: $0) }
        }
    }
}
