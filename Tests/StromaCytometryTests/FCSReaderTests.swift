import Foundation
import Testing
import _StromaTestSupport

@testable import StromaCytometry

/// One file of `Fixtures/fcs-reference.json`, written by `scripts/reference/flowio/generate-fixtures.py` (FlowIO
/// 1.4.0 reading `$STROMA_SHARED_DATA`).
struct FCSReference: Decodable, Sendable, CustomTestStringConvertible {
    struct Events: Decodable, Sendable {
        var sha256: String
        var channel_sums: [Double]
        var channel_sums_of_squares: [Double]
        var channel_weighted_sums: [Double]
        var channel_min: [Double]
        var channel_max: [Double]
        var first: [[Double]]
        var last: [[Double]]
    }
    var file: String
    var reader: String?
    var version: String?
    var event_count: Int?
    var channel_count: Int?
    var text: [String: String]?
    var pnn: [String]?
    var pns: [String]?
    var pnr: [Double]?
    var raw: Events?
    var preprocessed: Events?
    var flowio_error: String?
    var flowio_strict_error: String?
    var preprocess_error: String?
    var testDescription: String { file }

    static let all: [FCSReference] = {
        struct Document: Decodable { var cases: [FCSReference] }
        guard let data = try? Fixture.data("fcs-reference.json"),
            let document = try? JSONDecoder().decode(Document.self, from: data)
        else { return [] }
        return document.cases
    }()
}

/// Little-endian float64 bytes of a row-major array, as numpy's `tobytes()` of a `<f8` array.
func float64Bytes(_ values: [Double]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(values.count * 8)
    for value in values {
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }
    return bytes
}

@Suite("FCS files read as FlowIO reads them", .enabled(if: SharedData.isAvailable))
struct FCSReaderTests {
    @Test("the fixture lists every shared FCS file")
    func fixtureCoversFiles() throws {
        #expect(FCSReference.all.count == 9)
    }

    @Test("metadata and every event value equal FlowIO's", arguments: FCSReference.all.filter { $0.reader != nil })
    func matchesFlowIO(_ reference: FCSReference) throws {
        let file = try FCSReader.read(path: SharedData.url(reference.file).path)
        #expect(file.version == reference.version)
        #expect(file.eventCount == reference.event_count)
        #expect(file.channels.count == reference.channel_count)
        #expect(file.channels.map(\.name) == reference.pnn)
        #expect(file.channels.map(\.label) == reference.pns)
        #expect(file.channels.map(\.range) == reference.pnr)
        // Every keyword FlowIO reports, except those FlowIO keeps with an escaped delimiter in them. FlowIO drops
        // every '$' from the TEXT before splitting it (so `P$CFGTYPE` becomes `pcfgtype`); the keys are compared so.
        var ours: [String: String] = [:]
        for (key, value) in file.keywords.dictionary { ours[key.replacingOccurrences(of: "$", with: "")] = value }
        for (key, value) in reference.text ?? [:] where !key.contains("\\") {
            #expect(ours[key] == value, "keyword '\(key)'")
        }
        let raw = try #require(reference.raw)
        #expect(SHA256.hex(float64Bytes(file.rawValues)) == raw.sha256, "raw events")
        if let preprocessed = reference.preprocessed {
            // Scale values: numpy's vectorised power is within one ulp of libm's pow, so these are compared by
            // per-channel summaries at 1e-12 relative (a summary of scale values), not by their hash.
            let scaled = try file.scaledValues()
            let width = file.channels.count
            func close(_ value: Double, _ expected: Double, _ what: String) {
                #expect(abs(value - expected) <= 1e-12 * max(1, abs(expected)), "\(what): \(value) vs \(expected)")
            }
            for channel in 0..<width {
                let column = stride(from: channel, to: scaled.count, by: width).map { scaled[$0] }
                close(column.reduce(0, +), preprocessed.channel_sums[channel], "channel \(channel + 1) sum")
                close(
                    column.reduce(0) { $0 + $1 * $1 }, preprocessed.channel_sums_of_squares[channel],
                    "channel \(channel + 1) sum of squares")
                close(
                    column.enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element },
                    preprocessed.channel_weighted_sums[channel], "channel \(channel + 1) weighted sum")
                close(column.min() ?? .nan, preprocessed.channel_min[channel], "channel \(channel + 1) minimum")
                close(column.max() ?? .nan, preprocessed.channel_max[channel], "channel \(channel + 1) maximum")
            }
        }
        // Files FlowIO reads only with its lenient offset options carry a warning here.
        if reference.flowio_strict_error != nil { #expect(!file.warnings.isEmpty) }
    }

    @Test(
        "corrupt and header-only files are refused with one clear line",
        arguments: [
            ("fcs/fcsparser_corrupted.fcs", "shorter than an FCS HEADER"),
            ("fcs/fcsparser_sample_header_only.fcs", "past the end of the file"),
        ])
    func refusesBrokenFiles(_ file: String, _ message: String) throws {
        let error = #expect(throws: CytometryError.self) { try FCSReader.read(path: SharedData.url(file).path) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("\n") == false)
    }

    @Test("SHA-256 matches sha256sum on a shared file")
    func sha256() throws {
        let path = try SharedData.url("fcs/fcsparser_corrupted.fcs").path
        let data = try #require(FileManager.default.contents(atPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(SHA256.hex(data) == String(output.prefix(64)))
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
