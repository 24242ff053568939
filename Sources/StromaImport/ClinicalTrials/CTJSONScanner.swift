import Foundation

/// A structural scanner for JSON bytes: finds the members of the top-level object and the
/// elements of an array as byte ranges without building any values, so a page of studies can be
/// decoded one study at a time.
///
/// It checks brackets, strings and escapes only; the decoder validates each element fully.
enum CTJSONScanner {
    /// Where and why a scan stopped.
    struct Failure: Error {
        let offset: Int
        let reason: String
    }

    /// The members of the top-level object: key (unescaped only for plain keys) and value range.
    static func topLevelMembers(_ b: UnsafeRawBufferPointer) throws(Failure) -> [(key: String, value: Range<Int>)] {
        var i = skipSpace(b, skipBOM(b))
        guard i < b.count, b[i] == UInt8(ascii: "{") else {
            throw Failure(offset: i, reason: "expected '{' to open the top-level object")
        }
        i = skipSpace(b, i + 1)
        var members: [(key: String, value: Range<Int>)] = []
        if i < b.count, b[i] == UInt8(ascii: "}") { return members }
        while true {
            guard i < b.count, b[i] == UInt8(ascii: "\"") else {
                throw Failure(offset: i, reason: "expected a quoted key")
            }
            let keyEnd = try skipString(b, i)
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: b[(i + 1)..<(keyEnd - 1)]), as: UTF8.self)
            i = skipSpace(b, keyEnd)
            guard i < b.count, b[i] == UInt8(ascii: ":") else {
                throw Failure(offset: i, reason: "expected ':' after key '\(key)'")
            }
            let start = skipSpace(b, i + 1)
            let end = try skipValue(b, start)
            members.append((key, start..<end))
            i = skipSpace(b, end)
            guard i < b.count else { throw Failure(offset: i, reason: "unexpected end inside the top-level object") }
            if b[i] == UInt8(ascii: ",") {
                i = skipSpace(b, i + 1)
                continue
            }
            guard b[i] == UInt8(ascii: "}") else { throw Failure(offset: i, reason: "expected ',' or '}'") }
            return members
        }
    }

    /// The element ranges of the array at `range`.
    static func arrayElements(_ b: UnsafeRawBufferPointer, in range: Range<Int>) throws(Failure) -> [Range<Int>] {
        var i = range.lowerBound
        guard i < range.upperBound, b[i] == UInt8(ascii: "[") else {
            throw Failure(offset: i, reason: "expected '[' to open an array")
        }
        i = skipSpace(b, i + 1)
        var elements: [Range<Int>] = []
        if i < b.count, b[i] == UInt8(ascii: "]") { return elements }
        while true {
            let end = try skipValue(b, i)
            elements.append(i..<end)
            i = skipSpace(b, end)
            guard i < b.count else { throw Failure(offset: i, reason: "unexpected end inside an array") }
            if b[i] == UInt8(ascii: ",") {
                i = skipSpace(b, i + 1)
                continue
            }
            guard b[i] == UInt8(ascii: "]") else { throw Failure(offset: i, reason: "expected ',' or ']'") }
            return elements
        }
    }

    static func skipBOM(_ b: UnsafeRawBufferPointer) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    static func skipSpace(_ b: UnsafeRawBufferPointer, _ start: Int) -> Int {
        var i = start
        while i < b.count {
            switch b[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return i
            }
        }
        return i
    }

    /// `start` is at the opening quote; returns the index after the closing quote.
    ///
    /// Finds each
    /// candidate quote with `memchr` and accepts it when an even number of backslashes precede it.
    static func skipString(_ b: UnsafeRawBufferPointer, _ start: Int) throws(Failure) -> Int {
        guard let base = b.baseAddress else { throw Failure(offset: start, reason: "unterminated string") }
        var i = start + 1
        while i < b.count {
            guard let hit = memchr(base + i, Int32(UInt8(ascii: "\"")), b.count - i) else { break }
            let q = base.distance(to: UnsafeRawPointer(hit))
            var slashes = 0
            var j = q - 1
            while j > start, b[j] == UInt8(ascii: "\\") {
                slashes += 1
                j -= 1
            }
            if slashes % 2 == 0 { return q + 1 }
            i = q + 1
        }
        throw Failure(offset: start, reason: "unterminated string")
    }

    /// The high bit of each byte of `w` (little-endian) that is `"`, `{`, `[`, `}` or `]`; the
    /// lowest set bit marks the first such byte exactly (SWAR zero-byte test: a false positive
    /// can only follow a true one).
    @inline(__always) static func structuralMask(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let folded = w | 0x2020_2020_2020_2020  // '[' → '{', ']' → '}'
        return zeroBytes(w ^ (0x22 &* ones)) | zeroBytes(folded ^ (0x7B &* ones)) | zeroBytes(folded ^ (0x7D &* ones))
    }

    /// Returns the index just after the value starting at `start`.
    static func skipValue(_ b: UnsafeRawBufferPointer, _ start: Int) throws(Failure) -> Int {
        guard start < b.count else { throw Failure(offset: start, reason: "expected a value") }
        switch b[start] {
        case UInt8(ascii: "\""):
            return try skipString(b, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < b.count {
                if i + 8 <= b.count, let base = b.baseAddress {
                    // Eight bytes at a time up to the next quote or bracket.
                    let mask = structuralMask(
                        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                    if mask == 0 {
                        i += 8
                        continue
                    }
                    i += mask.trailingZeroBitCount >> 3
                }
                switch b[i] {
                case UInt8(ascii: "\""):
                    i = try skipString(b, i)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            throw Failure(offset: start, reason: "unclosed '\(Character(UnicodeScalar(b[start])))'")
        default:
            var i = start
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
                    if i == start { throw Failure(offset: start, reason: "expected a value") }
                    return i
                default: i += 1
                }
            }
            return i
        }
    }
}
