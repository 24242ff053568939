import Foundation

/// A pull reader over the bytes of one JSON value, for decoding ``CTWireStudy`` without building
/// the whole document: members the study does not keep (`resultsSection`, `documentSection`,
/// unused modules and keys) are skipped structurally, and only kept values become Swift values.
///
/// It is a fast path only. Anything it does not accept exactly as `JSONDecoder` would — a wrong
/// type, a malformed number or literal, invalid UTF-8, a control character in a string, trailing
/// bytes — throws ``Fallback``, and the caller decodes the same bytes with `JSONDecoder`, which
/// either reads them or reports the precise error. Skipped values are checked for balanced
/// brackets and terminated strings only.
struct CTFastReader {
    /// "Decode these bytes with JSONDecoder instead.".
    struct Fallback: Error {}

    /// Where a container's members are read.
    struct Container {
        var first = true
    }

    let b: UnsafeRawBufferPointer
    var i: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        b = bytes
        i = CTJSONScanner.skipBOM(bytes)
    }

    @inline(__always) mutating func space() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    /// Requires that only whitespace is left.
    mutating func end() throws(Fallback) {
        space()
        guard i == b.count else { throw Fallback() }
    }

    /// Consumes `null` if it comes next.
    mutating func null() throws(Fallback) -> Bool {
        space()
        guard i < b.count, b[i] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws(Fallback) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw Fallback() }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw Fallback() }
        i += n
    }

    // MARK: Containers

    /// Opens an object (`nil` for `null`).
    mutating func object() throws(Fallback) -> Container? {
        if try null() { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "{") else { throw Fallback() }
        i += 1
        return Container()
    }

    /// The next key of the object, or `nil` after its closing brace.
    mutating func key(_ c: inout Container) throws(Fallback) -> String? {
        space()
        guard i < b.count else { throw Fallback() }
        if b[i] == UInt8(ascii: "}") {
            i += 1
            return nil
        }
        if !c.first {
            guard b[i] == UInt8(ascii: ",") else { throw Fallback() }
            i += 1
            space()
        }
        c.first = false
        guard let key = try string() else { throw Fallback() }
        space()
        guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Fallback() }
        i += 1
        return key
    }

    /// Opens an array (`nil` for `null`).
    mutating func array() throws(Fallback) -> Container? {
        if try null() { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "[") else { throw Fallback() }
        i += 1
        return Container()
    }

    /// Whether another element follows (positioned at it), or `false` after the closing bracket.
    mutating func element(_ c: inout Container) throws(Fallback) -> Bool {
        space()
        guard i < b.count else { throw Fallback() }
        if b[i] == UInt8(ascii: "]") {
            i += 1
            return false
        }
        if !c.first {
            guard b[i] == UInt8(ascii: ",") else { throw Fallback() }
            i += 1
        }
        c.first = false
        return true
    }

    /// Skips any value (structural check only).
    mutating func skip() throws(Fallback) {
        space()
        do {
            i = try CTJSONScanner.skipValue(b, i)
        } catch {
            throw Fallback()
        }
    }

    // MARK: Scalars

    /// A string, or `nil` for `null`.
    mutating func string() throws(Fallback) -> String? {
        if try null() { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "\""), let base = b.baseAddress else { throw Fallback() }
        let start = i + 1
        var k = start
        var escaped = false
        var ascii = true
        while true {
            guard k < b.count else { throw Fallback() }
            let byte = b[k]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw Fallback() }
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                k += 2
                continue
            }
            k += 1
        }
        i = k + 1
        let raw = UnsafeRawBufferPointer(start: base + start, count: k - start)
        if !escaped {
            // ASCII needs no validation; other text is validated (invalid UTF-8 → JSONDecoder).
            if ascii { return String(decoding: raw, as: UTF8.self) }
            guard let text = String(validating: raw, as: UTF8.self) else { throw Fallback() }
            return text
        }
        return try unescape(raw)
    }

    private func unescape(_ raw: UnsafeRawBufferPointer) throws(Fallback) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = 0
        func hex4(_ at: Int) throws(Fallback) -> UInt32 {
            guard at + 4 <= raw.count else { throw Fallback() }
            var v: UInt32 = 0
            for j in at..<(at + 4) {
                let c = raw[j]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: throw Fallback()
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while k < raw.count {
            let c = raw[k]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                k += 1
                continue
            }
            guard k + 1 < raw.count else { throw Fallback() }
            switch raw[k + 1] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(k + 2)
                k += 6
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard k + 1 < raw.count, raw[k] == UInt8(ascii: "\\"), raw[k + 1] == UInt8(ascii: "u") else {
                        throw Fallback()
                    }
                    let low = try hex4(k + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw Fallback() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Fallback()
                }
                guard let u = Unicode.Scalar(scalar) else { throw Fallback() }
                out.append(contentsOf: Array(String(Character(u)).utf8))
                continue
            default: throw Fallback()
            }
            k += 2
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw Fallback() }
        return text
    }

    /// `true`, `false`, or `nil` for `null`.
    mutating func bool() throws(Fallback) -> Bool? {
        if try null() { return nil }
        guard i < b.count else { throw Fallback() }
        if b[i] == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// An integer written as a number (`194`) or a string of digits (`"194"`), or `nil` for
    /// `null` (``CTFlexibleInt``).
    mutating func flexibleInt() throws(Fallback) -> Int? {
        if try null() { return nil }
        guard i < b.count else { throw Fallback() }
        if b[i] == UInt8(ascii: "\"") {
            guard let text = try string(), let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw Fallback()
            }
            return n
        }
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        // Fractions and exponents go to JSONDecoder, which decides what is a whole number.
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            throw Fallback()
        }
        guard let base = b.baseAddress, i > start,
            let n = Int(String(decoding: UnsafeRawBufferPointer(start: base + start, count: i - start), as: UTF8.self))
        else { throw Fallback() }
        return n
    }

    /// An array of strings, or `nil` for `null`.
    mutating func strings() throws(Fallback) -> [String]? {
        guard var c = try array() else { return nil }
        var out: [String] = []
        while try element(&c) {
            guard let s = try string() else { throw Fallback() }
            out.append(s)
        }
        return out
    }

    /// An array of `T`, or `nil` for `null`.
    mutating func list<T: CTFastDecodable>(_: T.Type) throws(Fallback) -> [T]? {
        guard var c = try array() else { return nil }
        var out: [T] = []
        while try element(&c) {
            guard let value = try T.fast(&self) else { throw Fallback() }
            out.append(value)
        }
        return out
    }
}

/// A ``CTWireStudy`` part that ``CTFastReader`` can read.
protocol CTFastDecodable {
    /// Reads the value at the reader's position (`nil` for `null`).
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self?
}
