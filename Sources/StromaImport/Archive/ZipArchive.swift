import CZlib
import Foundation

/// A read-only ZIP archive (PKWARE APPNOTE 6.3): walks the central directory one entry at a time
/// and inflates entries (stored or deflate) with the system zlib, so a bulk download of hundreds of
/// thousands of study files is read with memory bounded by the central directory plus one entry.
///
/// ZIP64 archives (more than 65,535 entries, as ClinicalTrials.gov's bulk download has) are read.
/// Encrypted entries and methods other than 0 (stored) and 8 (deflate) are refused.
final class ZipArchive {
    /// One central-directory entry.
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    /// Largest entry inflated (guards against corrupt sizes and ZIP bombs).
    static let maximumEntrySize: UInt64 = 512 << 20

    let path: String
    let entryCount: Int
    private let handle: FileHandle
    private let fileSize: UInt64
    private let directory: Data
    private var cursor = 0
    private var read = 0

    init(url: URL) throws {
        path = url.path
        let name = url.lastPathComponent
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ImportError("cannot open '\(name)': \(error.localizedDescription)")
        }
        fileSize = (try? handle.seekToEnd()) ?? 0
        let tailLength = min(fileSize, 22 + 65_535 + 20)
        let tail = try Self.read(handle, at: fileSize - tailLength, count: Int(tailLength), name: name)
        guard let eocd = Self.lastSignature(0x0605_4B50, in: tail, minimumLength: 22) else {
            throw ImportError("'\(name)' is not a ZIP archive: no end-of-central-directory record; valid: a .zip file")
        }
        var count = UInt64(tail.le16(eocd + 10))
        var size = UInt64(tail.le32(eocd + 12))
        var offset = UInt64(tail.le32(eocd + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, eocd >= 20,
            tail.le32(eocd - 20) == 0x0706_4B50
        {
            let zip64Offset = tail.le64(eocd - 20 + 8)
            let record = try Self.read(handle, at: zip64Offset, count: 56, name: name)
            guard record.le32(0) == 0x0606_4B50 else {
                throw ImportError(
                    "'\(name)' is corrupt: ZIP64 end-of-central-directory record missing at byte offset \(zip64Offset)")
            }
            count = record.le64(32)
            size = record.le64(40)
            offset = record.le64(48)
        }
        guard offset <= fileSize, size <= fileSize - offset, size <= 1 << 31, count <= UInt64(Int32.max) else {
            throw ImportError(
                "'\(name)' is corrupt: central directory (byte offset \(offset), \(size) bytes) lies outside the file")
        }
        entryCount = Int(count)
        directory = try Self.read(handle, at: offset, count: Int(size), name: name)
    }

    deinit { try? handle.close() }

    /// The next central-directory entry, or `nil` at the end.
    func nextEntry() throws -> Entry? {
        guard read < entryCount else { return nil }
        let d = directory
        let at = cursor
        guard at + 46 <= d.count, d.le32(at) == 0x0201_4B50 else {
            throw ImportError(
                "'\(fileName)' is corrupt: central directory entry \(read + 1) malformed at directory byte \(at)")
        }
        let nameLength = Int(d.le16(at + 28)), extraLength = Int(d.le16(at + 30))
        let commentLength = Int(d.le16(at + 32))
        guard at + 46 + nameLength + extraLength + commentLength <= d.count else {
            throw ImportError("'\(fileName)' is corrupt: central directory entry \(read + 1) runs past the directory")
        }
        let name = String(decoding: d[(d.startIndex + at + 46)..<(d.startIndex + at + 46 + nameLength)], as: UTF8.self)
        var compressed = UInt64(d.le32(at + 20)), uncompressed = UInt64(d.le32(at + 24))
        var local = UInt64(d.le32(at + 42))
        // ZIP64 extended information (tag 0x0001): only the fields that overflowed are present.
        var e = at + 46 + nameLength
        let extraEnd = e + extraLength
        while e + 4 <= extraEnd {
            let tag = d.le16(e), length = Int(d.le16(e + 2))
            if tag == 0x0001 {
                var f = e + 4
                if uncompressed == 0xFFFF_FFFF, f + 8 <= extraEnd { uncompressed = d.le64(f); f += 8 }
                if compressed == 0xFFFF_FFFF, f + 8 <= extraEnd { compressed = d.le64(f); f += 8 }
                if local == 0xFFFF_FFFF, f + 8 <= extraEnd { local = d.le64(f) }
            }
            e += 4 + length
        }
        cursor = at + 46 + nameLength + extraLength + commentLength
        read += 1
        return Entry(
            name: name, method: d.le16(at + 10), flags: d.le16(at + 8), crc32: d.le32(at + 16),
            compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: local)
    }

    /// The uncompressed bytes of `entry`, checked against its CRC-32.
    func contents(of entry: Entry) throws -> Data {
        try Self.expand(try storedData(of: entry), entry: entry, archiveName: fileName)
    }

    /// The bytes of `entry` as stored (compressed); ``expand(_:entry:archiveName:)`` inflates
    /// and checks them, and needs no archive, so it can run on another thread.
    func storedData(of entry: Entry) throws -> Data {
        let where_ = "'\(fileName)' entry '\(entry.name)'"
        guard entry.flags & 1 == 0 else { throw ImportError("\(where_) is encrypted; valid: unencrypted entries") }
        guard entry.uncompressedSize <= Self.maximumEntrySize else {
            throw ImportError(
                "\(where_) declares \(entry.uncompressedSize) bytes; valid: at most \(Self.maximumEntrySize)")
        }
        guard entry.localHeaderOffset <= fileSize, entry.compressedSize <= fileSize else {
            throw ImportError("\(where_) is corrupt: offsets lie outside the file")
        }
        let header = try Self.read(handle, at: entry.localHeaderOffset, count: 30, name: fileName)
        guard header.le32(0) == 0x0403_4B50 else {
            throw ImportError("\(where_) is corrupt: no local header at byte offset \(entry.localHeaderOffset)")
        }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(header.le16(26)) + UInt64(header.le16(28))
        guard dataOffset <= fileSize, entry.compressedSize <= fileSize - dataOffset else {
            throw ImportError(
                "\(where_) is corrupt: data (byte offset \(dataOffset), \(entry.compressedSize) bytes) runs past the file end"
            )
        }
        return try Self.read(handle, at: dataOffset, count: Int(entry.compressedSize), name: fileName)
    }

    /// Inflates (method 8) or keeps (method 0) the stored bytes of `entry` and checks the size
    /// and CRC-32.
    static func expand(_ compressed: Data, entry: Entry, archiveName: String) throws -> Data {
        let where_ = "'\(archiveName)' entry '\(entry.name)'"
        let output: Data
        switch entry.method {
        case 0:
            output = compressed
        case 8:
            output = try Self.inflate(compressed, expected: Int(entry.uncompressedSize), context: where_)
        default:
            throw ImportError("\(where_) uses compression method \(entry.method); valid: 0 (stored) or 8 (deflate)")
        }
        guard output.count == Int(entry.uncompressedSize) else {
            throw ImportError(
                "\(where_) is corrupt: \(output.count) bytes inflated, \(entry.uncompressedSize) declared")
        }
        let crc = output.withUnsafeBytes { buffer -> UInt32 in
            guard let base = buffer.bindMemory(to: Bytef.self).baseAddress else { return 0 }
            return UInt32(CZlib.crc32(0, base, uInt(buffer.count)))
        }
        guard crc == entry.crc32 else {
            throw ImportError(
                "\(where_) is corrupt: CRC-32 \(String(crc, radix: 16)) does not match \(String(entry.crc32, radix: 16))"
            )
        }
        return output
    }

    private var fileName: String { (path as NSString).lastPathComponent }

    /// Raw-deflate decompression of `input` into exactly `expected` bytes.
    static func inflate(_ input: Data, expected: Int, context: String) throws -> Data {
        if expected == 0 { return Data() }
        // Inflated straight into an uninitialised buffer that the returned Data then owns.
        guard let out = malloc(expected)?.bindMemory(to: Bytef.self, capacity: expected) else {
            throw ImportError("\(context): cannot allocate \(expected) bytes to inflate into")
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            free(out)
            throw ImportError("\(context): zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        let status: Int32 = input.withUnsafeBytes { inBuffer in
            stream.next_in = UnsafeMutablePointer(
                mutating: inBuffer.bindMemory(to: Bytef.self).baseAddress ?? UnsafePointer(bitPattern: 1)!)
            stream.avail_in = uInt(inBuffer.count)
            stream.next_out = out
            stream.avail_out = uInt(expected)
            return CZlib.inflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else {
            free(out)
            let detail = status == Z_BUF_ERROR ? "more data than declared or truncated input" : "zlib status \(status)"
            throw ImportError("\(context) is corrupt: deflate data does not inflate (\(detail))")
        }
        return Data(bytesNoCopy: out, count: Int(stream.total_out), deallocator: .free)
    }

    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int, name: String) throws -> Data {
        do {
            try handle.seek(toOffset: offset)
            let data = try handle.read(upToCount: count) ?? Data()
            guard data.count == count else {
                throw ImportError(
                    "'\(name)' is truncated: wanted \(count) bytes at byte offset \(offset), found \(data.count)")
            }
            return data
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError("cannot read '\(name)' at byte offset \(offset): \(error.localizedDescription)")
        }
    }

    private static func lastSignature(_ signature: UInt32, in data: Data, minimumLength: Int) -> Int? {
        guard data.count >= minimumLength else { return nil }
        var i = data.count - minimumLength
        while i >= 0 {
            if data.le32(i) == signature { return i }
            i -= 1
        }
        return nil
    }
}

fileprivate extension Data {
    /// Little-endian integers at a byte offset relative to `startIndex` (caller checks bounds).
    func le16(_ offset: Int) -> UInt16 {
        let i = startIndex + offset
        return UInt16(self[i]) | UInt16(self[i + 1]) << 8
    }

    func le32(_ offset: Int) -> UInt32 {
        UInt32(le16(offset)) | UInt32(le16(offset + 2)) << 16
    }

    func le64(_ offset: Int) -> UInt64 {
        UInt64(le32(offset)) | UInt64(le32(offset + 4)) << 32
    }
}
