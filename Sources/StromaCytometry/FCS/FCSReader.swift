import Foundation

/// Reads FCS 2.0, 3.0, 3.1 and 3.2 list-mode files (Spidlen et al., Cytometry A 2010;77:97, the FCS 3.1
/// standard; FCS 3.2, 2020).
///
/// Offsets policy (documented in docs/qc.md): FCS 2.0 files use the HEADER's DATA offsets; 3.x files use
/// `$BEGINDATA`/`$ENDDATA` from TEXT, and when the HEADER gives other non-zero offsets the reader keeps TEXT's
/// and says so in ``FCSFile/warnings`` (the HEADER holds zeros legitimately for files over 99,999,999 bytes). A
/// DATA segment one byte longer than whole events (a common writer bug) is read with a warning; any other length
/// that is not whole events, offsets past the end of the file, a truncated HEADER or TEXT, `$MODE` other than
/// `L`, ASCII data and byte orders other than little- or big-endian are refused with one line naming the
/// keyword. Integer values are masked to the bits of `$PnR` rounded up to a power of two, as the standard says.
public enum FCSReader {
    /// Reads the file at `path`.
    public static func read(path: String) throws -> FCSFile {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CytometryError(file: path, "cannot be read (no such file, or not readable)")
        }
        return try read(data: data, source: name)
    }

    /// Reads an FCS file held in memory; `source` names it in messages.
    public static func read(data: Data, source: String) throws -> FCSFile {
        let bytes = [UInt8](data)
        let header = try readHeader(bytes, source: source)
        let textRange = header.offsets[0]...header.offsets[1]
        guard header.offsets[0] >= 58, header.offsets[1] >= header.offsets[0], header.offsets[1] < bytes.count else {
            throw CytometryError(
                file: source,
                "the HEADER puts TEXT at bytes \(header.offsets[0])–\(header.offsets[1]), outside the file's \(bytes.count) bytes (truncated or not an FCS file)"
            )
        }
        let keywords = try FCSTextParser.parse(
            Array(bytes[textRange]), source: source, emptyValues: header.version == "2.0")
        var warnings: [String] = []
        let channels = try readChannels(keywords, source: source)
        let dataRange = try dataOffsets(
            header: header, keywords: keywords, fileSize: bytes.count, source: source, warnings: &warnings)
        let mode = keywords.value("$MODE")?.uppercased() ?? "L"
        guard mode == "L" else {
            throw CytometryError(
                file: source,
                "keyword '$MODE' is '\(mode)'; only list mode 'L' is supported (histogram modes C and U are retired)")
        }
        let littleEndian = try byteOrder(keywords, source: source)
        let layout = EventLayout(channels: channels)
        var dataBytes = dataRange.count
        if dataBytes % layout.bytesPerEvent == 1 {
            warnings.append(
                "the DATA end offset \(dataRange.upperBound) is one byte past whole events; the last byte was ignored")
            dataBytes -= 1
        }
        guard dataBytes % layout.bytesPerEvent == 0 else {
            throw CytometryError(
                file: source,
                "the DATA segment has \(dataBytes) bytes, not a whole number of \(layout.bytesPerEvent)-byte events for '$PAR' \(channels.count)"
            )
        }
        let eventsInData = dataBytes / layout.bytesPerEvent
        var eventCount = eventsInData
        if let total = keywords.value("$TOT").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            if total > eventsInData {
                throw CytometryError(
                    file: source,
                    "keyword '$TOT' says \(total) events but the DATA segment holds \(eventsInData) (truncated file?)")
            }
            if total < eventsInData {
                warnings.append(
                    "keyword '$TOT' says \(total) events; the DATA segment holds \(eventsInData); \(total) were read")
                eventCount = total
            }
        }
        let values = layout.decode(
            bytes, from: dataRange.lowerBound, events: eventCount, littleEndian: littleEndian)
        return FCSFile(
            source: source, version: header.version, headerOffsets: header.offsets,
            dataOffsets: dataRange.lowerBound...(dataRange.lowerBound + dataBytes - 1), keywords: keywords,
            channels: channels, eventCount: eventCount, rawValues: values, warnings: warnings)
    }

    // MARK: - HEADER

    struct Header {
        var version: String
        var offsets: [Int]
    }

    static func readHeader(_ bytes: [UInt8], source: String) throws -> Header {
        guard bytes.count >= 58 else {
            throw CytometryError(
                file: source,
                "is \(bytes.count) bytes long, shorter than an FCS HEADER (58 bytes): not an FCS file or truncated")
        }
        let magic = String(decoding: bytes[0..<6], as: UTF8.self)
        guard magic.hasPrefix("FCS") else {
            throw CytometryError(file: source, "does not start with 'FCS' followed by a version: not an FCS file")
        }
        let version = String(magic.dropFirst(3))
        guard ["2.0", "3.0", "3.1", "3.2"].contains(version) else {
            throw CytometryError(
                file: source, "is FCS version '\(version)'; versions 2.0, 3.0, 3.1 and 3.2 can be read")
        }
        var offsets: [Int] = []
        for field in 0..<6 {
            let start = 10 + field * 8
            let text = String(decoding: bytes[start..<(start + 8)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.isEmpty && field >= 4 {
                offsets.append(0)
                continue
            }
            guard let value = Int(text) else {
                throw CytometryError(
                    file: source,
                    "HEADER offset field \(field + 1) (bytes \(start)–\(start + 7)) is '\(text)', not a number")
            }
            offsets.append(value)
        }
        return Header(version: version, offsets: offsets)
    }

    // MARK: - Channels and offsets

    static func readChannels(_ keywords: FCSKeywords, source: String) throws -> [FCSChannel] {
        guard let parText = keywords.value("$PAR"), let count = Int(parText.trimmingCharacters(in: .whitespaces)),
            count > 0
        else {
            throw CytometryError(file: source, "keyword '$PAR' is missing or not a positive whole number")
        }
        let dataType = (keywords.value("$DATATYPE") ?? "").uppercased()
        var channels: [FCSChannel] = []
        for number in 1...count {
            func required(_ suffix: String) throws -> String {
                guard let value = keywords.value("$P\(number)\(suffix)") else {
                    throw CytometryError(file: source, "keyword '$P\(number)\(suffix)' is missing ($PAR is \(count))")
                }
                return value.trimmingCharacters(in: .whitespaces)
            }
            let name = try required("N")
            let bitsText = try required("B")
            let rangeText = try required("R")
            guard let range = Double(rangeText), range > 0 else {
                throw CytometryError(file: source, "keyword '$P\(number)R' is '\(rangeText)', not a positive number")
            }
            let type = (keywords.value("$P\(number)DATATYPE") ?? dataType).uppercased()
            let storage: FCSChannel.Storage
            switch type {
            case "I": storage = .integer
            case "F": storage = .float32
            case "D": storage = .float64
            case "A":
                throw CytometryError(
                    file: source, "keyword '$DATATYPE' is 'A' (ASCII data), which is not supported; I, F and D are")
            default:
                throw CytometryError(file: source, "keyword '$DATATYPE' is '\(type)'; valid values are I, F, D")
            }
            guard let bits = Int(bitsText) else {
                throw CytometryError(file: source, "keyword '$P\(number)B' is '\(bitsText)', not a whole number")
            }
            let validBits: Set<Int> =
                switch storage {
                case .integer: [8, 16, 32, 64]
                case .float32: [32]
                case .float64: [64]
                }
            guard validBits.contains(bits) else {
                throw CytometryError(
                    file: source,
                    "keyword '$P\(number)B' is \(bits) for \(storage.rawValue) data; valid widths are \(validBits.sorted().map(String.init).joined(separator: ", "))"
                )
            }
            var decades = 0.0
            var logZero = 0.0
            if let amplification = keywords.value("$P\(number)E") {
                let parts = amplification.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, let first = parts[0], let second = parts[1] else {
                    throw CytometryError(
                        file: source, "keyword '$P\(number)E' is '\(amplification)'; expected two numbers 'f1,f2'")
                }
                decades = first
                logZero = (second == 0 && first != 0) ? 1 : second
            }
            let gain = keywords.value("$P\(number)G").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? 1
            channels.append(
                FCSChannel(
                    number: number, name: name, label: keywords.value("$P\(number)S") ?? "", bits: bits, range: range,
                    decades: decades, logZero: logZero, gain: gain, storage: storage))
        }
        return channels
    }

    static func dataOffsets(
        header: Header, keywords: FCSKeywords, fileSize: Int, source: String, warnings: inout [String]
    ) throws -> ClosedRange<Int> {
        var begin = header.offsets[2]
        var end = header.offsets[3]
        if header.version != "2.0",
            let textBegin = keywords.value("$BEGINDATA").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            let textEnd = keywords.value("$ENDDATA").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            textBegin > 0 || textEnd > 0
        {
            if (begin != 0 || end != 0) && (begin != textBegin || end != textEnd) {
                warnings.append(
                    "the HEADER puts DATA at bytes \(begin)–\(end) but '$BEGINDATA'/'$ENDDATA' say \(textBegin)–\(textEnd); the TEXT offsets were used"
                )
            }
            begin = textBegin
            end = textEnd
        }
        guard begin > 0, end >= begin else {
            throw CytometryError(file: source, "has no DATA segment (DATA offsets \(begin)–\(end))")
        }
        guard end < fileSize else {
            throw CytometryError(
                file: source,
                "the DATA segment ends at byte \(end), past the end of the file (\(fileSize) bytes): truncated, or a header-only file"
            )
        }
        return begin...end
    }

    static func byteOrder(_ keywords: FCSKeywords, source: String) throws -> Bool {
        let order = (keywords.value("$BYTEORD") ?? "").replacingOccurrences(of: " ", with: "")
        switch order {
        case "1,2,3,4", "1,2", "1", "1,2,3,4,5,6,7,8": return true
        case "4,3,2,1", "2,1", "8,7,6,5,4,3,2,1": return false
        default:
            throw CytometryError(
                file: source,
                "keyword '$BYTEORD' is '\(order)'; valid values are 1,2,3,4 (little-endian) and 4,3,2,1 (big-endian)")
        }
    }
}
