import Foundation
import StromaDomain
import Testing
import _StromaTestSupport
@testable import StromaImport

/// Deterministic seeded mutations of the real files (byte flips, truncations, deletions): every
/// reader either returns values or throws an ``ImportError`` — never crashes, never another error.
@Suite(.enabled(if: SharedData.isAvailable)) struct ReaderFuzzTests {
    /// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutations(of data: Data, count: Int, seed: UInt64) -> [Data] {
        var rng = SplitMix64(state: seed)
        var result: [Data] = []
        for i in 0..<count {
            var bytes = [UInt8](data)
            guard !bytes.isEmpty else { break }
            switch i % 3 {
            case 0:
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            case 1:
                bytes.removeLast(Int.random(in: 1...bytes.count, using: &rng))
            default:
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let length = Int.random(in: 1...max(1, min(64, bytes.count - start)), using: &rng)
                bytes.removeSubrange(start..<min(bytes.count, start + length))
            }
            result.append(Data(bytes))
        }
        return result
    }

    /// Runs `read` on each mutation written as `name`; returns (values, refusals).
    static func fuzz(
        _ data: Data, name: String, count: Int = 45, seed: UInt64, read: (URL) throws -> Int
    ) throws -> (read: Int, refused: Int) {
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        var outcome = (read: 0, refused: 0)
        for mutated in mutations(of: data, count: count, seed: seed) {
            try mutated.write(to: url)
            do {
                _ = try read(url)
                outcome.read += 1
            } catch let error as ImportError {
                #expect(!error.description.isEmpty && !error.description.contains("\n"))
                outcome.refused += 1
            } catch {
                Issue.record("\(name): not an ImportError: \(error)")
            }
        }
        return outcome
    }

    @Test("ClinicalTrials.gov v2 JSON mutations", arguments: ["NCT02210780", "NCT03418623", "NCT00465816"])
    func clinicalTrials(_ id: String) throws {
        let data = try ImportTestFiles.data("clinicaltrials/v2-json/\(id).json")
        let outcome = try Self.fuzz(data, name: "\(id).json", seed: 0xC7) { try RegistryStudyReader.readAll($0).count }
        #expect(outcome.refused > 0)
    }

    @Test("ZIP archive mutations (headers, deflate data, CRC)")
    func zipArchive() throws {
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zipURL = folder.appendingPathComponent("bulk.zip")
        try ImportTestFiles.zip(
            try ["NCT03418623", "NCT03453554", "NCT00465816"].map {
                ("\($0).json", try SharedData.url("clinicaltrials/v2-json/\($0).json"))
            },
            to: zipURL)
        let outcome = try Self.fuzz(try Data(contentsOf: zipURL), name: "bulk.zip", count: 90, seed: 0x21) {
            try RegistryStudyReader.readAll($0).count
        }
        #expect(outcome.refused > 0)
    }

    @Test("PubMed XML mutations", arguments: ["pubmed1.xml", "pubmed4.xml"])
    func pubmed(_ file: String) throws {
        let data = try ImportTestFiles.data("literature/pubmed-xml/\(file)")
        let outcome = try Self.fuzz(data, name: file, seed: 0x9B) { try PubMedXMLReader.read($0).count }
        #expect(outcome.refused > 0)
    }

    @Test("MEDLINE mutations")
    func medline() throws {
        let data = try ImportTestFiles.data("literature/medline-nbib/pubmed_result2.txt")
        let outcome = try Self.fuzz(data, name: "pubmed_result2.txt", seed: 0x4D) { try MedlineReader.read($0).count }
        #expect(outcome.read + outcome.refused == 45)
    }

    @Test("RIS mutations", arguments: ["example_full.ris", "example_multiline.ris", "example_utf_chars.ris"])
    func ris(_ file: String) throws {
        let data = try ImportTestFiles.data("literature/ris/\(file)")
        let outcome = try Self.fuzz(data, name: file, seed: 0x52) { try RISReader.read($0).count }
        #expect(outcome.refused > 0)
    }

    @Test("SyRF CSV mutations", arguments: ["import_template.csv", "quantitative_data_example.csv"])
    func syrf(_ file: String) throws {
        let data = try ImportTestFiles.data("syrf/\(file)")
        let outcome = try Self.fuzz(data, name: file, count: 30, seed: 0x53) {
            try SyRFBibliographyReader.read($0).count
        }
        #expect(outcome.read + outcome.refused == 30)
    }

    @Test(
        "the sniffer and BibliographyReader take any mutation",
        arguments: ["literature/ris/example_wos.ris", "literature/pubmed-xml/pubmed2.xml"])
    func sniffAndDispatch(_ path: String) throws {
        let data = try ImportTestFiles.data(path)
        let outcome = try Self.fuzz(data, name: (path as NSString).lastPathComponent, count: 30, seed: 0x5F) {
            try BibliographyReader.read($0).count
        }
        #expect(outcome.read + outcome.refused == 30)
    }
}
