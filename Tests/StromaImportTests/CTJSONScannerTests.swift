import Foundation
import Testing

@testable import StromaImport

/// The structural skip (eight bytes at a time) against a plain byte-by-byte reference.
@Suite struct CTJSONScannerTests {
    /// Byte-by-byte reference: the end of the container at `start`, honouring strings and escapes.
    static func referenceEnd(_ bytes: [UInt8], _ start: Int) -> Int? {
        var depth = 0, i = start, inString = false
        while i < bytes.count {
            let c = bytes[i]
            if inString {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return nil
    }

    @Test("skipValue ends containers where the byte-by-byte reference does, at every alignment", arguments: 0..<16)
    func skipMatchesReference(padding: Int) throws {
        let body = #"{"a": [1, 2, {"b": "x]}\"[{"}], "long text without brackets at all": "\\", "c": {"d": [[], {}]}}"#
        let text = String(repeating: " ", count: padding) + body + ", 7]"
        let bytes = Array(text.utf8)
        let end = try bytes.withUnsafeBytes { try CTJSONScanner.skipValue($0, padding) }
        #expect(end == Self.referenceEnd(bytes, padding))
        #expect(end == padding + body.utf8.count)
    }

    @Test("every byte value: the mask flags exactly quotes and brackets", arguments: 0..<8)
    func maskFlagsStructuralBytes(lane: Int) {
        for value in 0...255 {
            let word = UInt64(value) << (8 * lane) | (lane == 0 ? 0x4141_4141_4141_4100 : 0x41)
            let expected = [0x22, 0x7B, 0x7D, 0x5B, 0x5D].contains(value)
            let mask = CTJSONScanner.structuralMask(word)
            #expect((mask != 0 && mask.trailingZeroBitCount >> 3 == lane) == expected, "byte \(value) in lane \(lane)")
        }
    }
}
