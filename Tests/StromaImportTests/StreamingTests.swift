import Foundation
import StromaDomain
import Testing
import _StromaTestSupport
@testable import StromaImport

/// Many records are iterated one at a time: the count is right and resident memory does not grow
/// with the number of records.
@Suite(.enabled(if: SharedData.isAvailable), .serialized) struct StreamingTests {
    @Test("a 1,200-entry ZIP of the 151 KB record (≈181 MB inflated) is counted with bounded memory")
    func zipStreams() throws {
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try SharedData.url("clinicaltrials/v2-json/NCT02552212.json")
        let entries = (0..<1200).map { (String(format: "NCT9%07d.json", $0), source) }
        let zipURL = folder.appendingPathComponent("many.zip")
        try ImportTestFiles.zip(entries, to: zipURL, zip64: true)
        var reader = try RegistryStudyReader(url: zipURL)
        var count = 0, locations = 0, mismatches = 0
        var baseline: Int?
        var peak = 0
        while let study = try reader.next() {
            count += 1
            locations += study.locations.count
            mismatches += study.warnings.count
            if count == 100 { baseline = ImportTestFiles.residentBytes() }
            if count > 100, count % 50 == 0, let rss = ImportTestFiles.residentBytes() { peak = max(peak, rss) }
        }
        #expect(count == 1200)
        #expect(locations == 1200 * 105)
        #expect(mismatches == 1200)
        if let baseline, peak > 0 {
            // 1,100 further records (≈166 MB of JSON) may not grow the process by more than 48 MB.
            #expect(peak - baseline < 48 << 20, "resident memory grew by \((peak - baseline) >> 20) MB")
        }
    }

    @Test("a page of 3,000 studies is decoded one element at a time")
    func pageStreams() throws {
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = try ImportTestFiles.data("clinicaltrials/v2-json/NCT03418623.json")
        var page = Data("{\"studies\":[".utf8)
        for i in 0..<3000 {
            if i > 0 { page.append(UInt8(ascii: ",")) }
            page.append(record)
        }
        page.append(Data("]}".utf8))
        let url = folder.appendingPathComponent("page.json")
        try page.write(to: url)
        var reader = try RegistryStudyReader(url: url)
        var count = 0
        while let study = try reader.next() {
            #expect(study.nctId == "NCT03418623")
            count += 1
        }
        #expect(count == 3000)
    }
}
