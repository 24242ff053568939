import Foundation
import StromaDomain

/// Reads ClinicalTrials.gov API v2 study records one at a time from a single-study JSON file, a
/// page (`{"studies":[…],"nextPageToken":…}`), a folder of such files, or a ZIP of them (the bulk
/// download), keeping memory bounded by one file (or one page) at a time.
///
/// Call ``next()`` until it returns `nil`. A record that cannot be read throws an ``ImportError``
/// naming the file (or `archive.zip!/entry`), the record number, the byte offset and the field;
/// the reader has already moved past it, so calling ``next()`` again continues with the next
/// record. Retired shapes are refused with a message that says what they are (see
/// `docs/import-formats.md`): the API v1 `FullStudiesResponse` and the classic `<clinical_study>`
/// XML.
///
/// Identifier policy: when a single-study file is named like an NCT id (`NCT02278341.json`) and
/// its content carries another id, the content's id is kept and a warning is recorded on the
/// record (``RegistryStudy/warnings``).
public struct RegistryStudyReader {
    private enum Unit {
        case file(URL)
        case zipEntry(ZipArchive.Entry)
        /// Bytes already in memory (an upload, a fetched page) and the name they go by.
        case bytes(Data, name: String)
    }

    private struct Pending {
        let data: Data
        let source: String
        let elements: [Range<Int>]
        var index: Int
    }

    private let root: URL
    private var files: [URL] = []
    private var fileIndex = 0
    /// The bytes given to ``init(data:name:)``, until they are read.
    private var memory: Unit?
    private var archive: ZipArchive?
    private var pending: Pending?
    private let decoder = JSONDecoder()
    /// Reads and decodes the next files of a folder or ZIP on worker threads (set on first use).
    private var pipeline: StudyPipeline?
    /// The decoded studies of the current unit from ``pipeline``, and the next one to return.
    private var ready: StudyPipeline.Batch = []
    private var readyIndex = 0

    /// Opens a file, folder or `.zip`; throws if it does not exist or is not a ZIP when named so.
    public init(url: URL) throws {
        root = url
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError("'\(url.path)' does not exist; valid: a study .json file, a folder of them, or a .zip")
        }
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw ImportError("cannot list '\(url.path)': \(error.localizedDescription)")
            }
            files = names.filter { Self.isStudyFileName($0) }.sorted().map { url.appendingPathComponent($0) }
        } else if url.pathExtension.lowercased() == "zip" || ImportFormatSniffer.isZip(url) {
            archive = try ZipArchive(url: url)
        } else {
            files = [url]
        }
    }

    /// Reads the records in `data`, a single study or a page, as if read from a file called `name` (the name is
    /// the records' source and, when it looks like an NCT id, is checked against the content's id).
    ///
    /// A ZIP is
    /// refused: give its path to ``init(url:)``.
    public init(data: Data, name: String) throws {
        root = URL(fileURLWithPath: name)
        if ImportFormatSniffer.sniff(data: data, fileName: name) == .zip {
            throw ImportError("'\(name)' is a ZIP archive; valid here: a v2 study or a page (read a ZIP from its path)")
        }
        memory = .bytes(data, name: name)
    }

    /// Reads every record at `url` into memory (for small inputs and tests).
    public static func readAll(_ url: URL) throws -> [RegistryStudy] {
        var reader = try RegistryStudyReader(url: url)
        var studies: [RegistryStudy] = []
        while let study = try reader.next() { studies.append(study) }
        return studies
    }

    /// The next study, or `nil` when everything has been read.
    public mutating func next() throws -> RegistryStudy? {
        while true {
            if var page = pending {
                if page.index < page.elements.count {
                    let range = page.elements[page.index]
                    page.index += 1
                    pending = page
                    return try decodeStudy(
                        page.data[range], source: page.source, record: page.index, offset: range.lowerBound,
                        fileStem: nil)
                }
                pending = nil
            }
            if files.count > 1 || archive != nil {
                if pipeline == nil { pipeline = makePipeline() }
                if readyIndex < ready.count {
                    readyIndex += 1
                    return try ready[readyIndex - 1].get()
                }
                ready = []
                readyIndex = 0
                guard let batch = pipeline!.take() else { return nil }
                ready = batch
                continue
            }
            guard let unit = try nextUnit() else { return nil }
            let (data, source, stem) = try load(unit)
            if let study = try open(data, source: source, fileStem: stem) { return study }
        }
    }

    // MARK: - Units

    private mutating func nextUnit() throws -> Unit? {
        if let unit = memory {
            memory = nil
            return unit
        }
        if let archive {
            while let entry = try archive.nextEntry() {
                if !entry.isDirectory, Self.isStudyFileName(entry.name) { return .zipEntry(entry) }
            }
            return nil
        }
        guard fileIndex < files.count else { return nil }
        defer { fileIndex += 1 }
        return .file(files[fileIndex])
    }

    /// A pipeline over this reader's remaining files or ZIP entries (the archive is used only
    /// under the pipeline's lock from now on): files are read, and ZIP entries inflated, by the
    /// workers.
    private func makePipeline() -> StudyPipeline {
        var copy = self
        copy.pipeline = nil
        let box = ReaderBox(copy)
        let archiveName = root.lastPathComponent
        return StudyPipeline(
            StudyPipeline.Source(next: {
                guard let unit = try box.reader.nextUnit() else { return nil }
                switch unit {
                case .file, .bytes:
                    return { decoder in
                        Self.batch(decoder: decoder) { try box.reader.load(unit) }
                    }
                case .zipEntry(let entry):
                    let source = "\(archiveName)!/\(entry.name)"
                    let stem = ((entry.name as NSString).lastPathComponent as NSString).deletingPathExtension
                    let stored: Data
                    do {
                        stored = try box.reader.archive!.storedData(of: entry)
                    } catch {
                        let failure = error as? ImportError ?? ImportError("\(error)")
                        return { _ in [.failure(failure)] }
                    }
                    return { decoder in
                        Self.batch(decoder: decoder) {
                            (try ZipArchive.expand(stored, entry: entry, archiveName: archiveName), source, stem)
                        }
                    }
                }
            }))
    }

    /// Loads one unit with `load` and decodes all its records (a file-level error is one item).
    private static func batch(
        decoder: JSONDecoder, _ load: () throws -> (Data, String, String)
    ) -> StudyPipeline.Batch {
        do {
            let (data, source, stem) = try load()
            guard let elements = try classify(data, source: source, fileStem: stem) else {
                return [
                    result {
                        try decodeStudy(
                            data[...], decoder: decoder, source: source, record: 1, offset: 0, fileStem: stem)
                    }
                ]
            }
            return elements.enumerated().map { n, range in
                result {
                    try decodeStudy(
                        data[range], decoder: decoder, source: source, record: n + 1, offset: range.lowerBound,
                        fileStem: nil)
                }
            }
        } catch {
            return [.failure(error as? ImportError ?? ImportError("\(error)"))]
        }
    }

    private static func result(_ body: () throws -> RegistryStudy) -> Result<RegistryStudy, ImportError> {
        do {
            return .success(try body())
        } catch {
            return .failure(error as? ImportError ?? ImportError("\(error)"))
        }
    }

    /// The reader copy the pipeline walks.
    private final class ReaderBox: @unchecked Sendable {
        var reader: RegistryStudyReader
        init(_ reader: RegistryStudyReader) { self.reader = reader }
    }

    private func load(_ unit: Unit) throws -> (Data, String, String) {
        switch unit {
        case .file(let url):
            do {
                return (try Data(contentsOf: url), url.lastPathComponent, url.deletingPathExtension().lastPathComponent)
            } catch {
                throw ImportError("cannot read '\(url.path)': \(error.localizedDescription)")
            }
        case .zipEntry(let entry):
            let source = "\(root.lastPathComponent)!/\(entry.name)"
            let stem = ((entry.name as NSString).lastPathComponent as NSString).deletingPathExtension
            return (try archive!.contents(of: entry), source, stem)
        case .bytes(let data, let name):
            return (
                data, (name as NSString).lastPathComponent,
                ((name as NSString).lastPathComponent as NSString).deletingPathExtension
            )
        }
    }

    /// Classifies one file's bytes: returns the study of a single-study file, or queues a page.
    private mutating func open(_ data: Data, source: String, fileStem: String) throws -> RegistryStudy? {
        guard let elements = try Self.classify(data, source: source, fileStem: fileStem) else {
            return try decodeStudy(data[...], source: source, record: 1, offset: 0, fileStem: fileStem)
        }
        pending = Pending(data: data, source: source, elements: elements, index: 0)
        return nil
    }

    /// `nil` for a single-study file, the element ranges (indices of `data`) of a page, or an
    /// `ImportError` saying what else the file is.
    private static func classify(_ data: Data, source: String, fileStem: String) throws -> [Range<Int>]? {
        switch ImportFormatSniffer.sniff(data: data, fileName: source) {
        case .clinicalTrialsV2Study:
            return nil
        case .clinicalTrialsV2Page:
            let elements: [Range<Int>] = try data.withUnsafeBytes {
                (buffer: UnsafeRawBufferPointer) throws -> [Range<Int>] in
                do {
                    let members = try CTJSONScanner.topLevelMembers(buffer)
                    guard let studies = members.first(where: { $0.key == "studies" }) else { return [] }
                    return try CTJSONScanner.arrayElements(buffer, in: studies.value)
                } catch let error as CTJSONScanner.Failure {
                    throw ImportError("'\(source)' is not valid JSON at byte offset \(error.offset): \(error.reason)")
                }
            }
            return elements.map { ($0.lowerBound + data.startIndex)..<($0.upperBound + data.startIndex) }
        case .clinicalTrialsV1:
            throw ImportError(
                "'\(source)' is a retired ClinicalTrials.gov API v1 'FullStudiesResponse'; download the v2 JSON from https://clinicaltrials.gov/api/v2/studies/\(Self.nctId(inV1: data) ?? fileStem)"
            )
        case .clinicalTrialsLegacyXML:
            throw ImportError(
                "'\(source)' is the retired ClinicalTrials.gov classic XML ('<clinical_study>'); download the v2 JSON from https://clinicaltrials.gov/api/v2/studies/\(fileStem)"
            )
        case let other:
            throw ImportError(
                "'\(source)' is \(other.summary), not a ClinicalTrials.gov API v2 study; valid: a v2 study object or a page {\"studies\":[…]}"
            )
        }
    }

    /// Decodes a study with ``CTFastReader`` and, for anything it does not accept, with
    /// `JSONDecoder` (which reads it or names the field and position of the problem).
    ///
    /// Both give
    /// the same ``CTWireStudy`` (tested on every sample).
    static func wire(_ bytes: Data, decoder: JSONDecoder, fastPath: Bool = true) throws -> CTWireStudy {
        if fastPath, let fast = bytes.withUnsafeBytes({ try? CTWireStudy.fast(bytes: $0) }) {
            return fast
        }
        return try decoder.decode(CTWireStudy.self, from: bytes)
    }

    private func decodeStudy(
        _ bytes: Data, source: String, record: Int, offset: Int, fileStem: String?
    ) throws -> RegistryStudy {
        try Self.decodeStudy(
            bytes, decoder: decoder, source: source, record: record, offset: offset, fileStem: fileStem)
    }

    private static func decodeStudy(
        _ bytes: Data, decoder: JSONDecoder, source: String, record: Int, offset: Int, fileStem: String?
    ) throws -> RegistryStudy {
        let place = "'\(source)' record \(record) (byte offset \(offset))"
        let wire: CTWireStudy
        do {
            wire = try Self.wire(bytes, decoder: decoder)
        } catch let error as DecodingError {
            throw ImportError("\(place): \(Self.describe(error))")
        } catch {
            throw ImportError("\(place): \(error)")
        }
        guard var study = wire.registryStudy(source: source) else {
            throw ImportError(
                "\(place) has no 'protocolSection.identificationModule.nctId'; valid: a v2 study with an NCT id")
        }
        if let fileStem, Self.looksLikeNCT(fileStem), fileStem.uppercased() != study.nctId.uppercased() {
            study.warnings.append(
                "file name says '\(fileStem)' but the record is '\(study.nctId)'; the record's id was kept")
        }
        return study
    }

    // MARK: - Helpers

    static func isStudyFileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        let base = (lower as NSString).lastPathComponent
        guard !base.hasPrefix("."), !base.hasPrefix("__macosx") else { return false }
        return lower.hasSuffix(".json") || lower.hasSuffix(".xml")
    }

    static func looksLikeNCT(_ text: String) -> Bool {
        let u = text.utf8
        return u.count == 11 && text.uppercased().hasPrefix("NCT")
            && u.dropFirst(3).allSatisfy { (48...57).contains($0) }
    }

    private static func nctId(inV1 data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard let range = head.range(of: #"NCT[0-9]{8}"#, options: .regularExpression) else { return nil }
        return String(head[range])
    }

    /// One line naming the JSON path and what went wrong.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        func oneLine(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }
        switch error {
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' has the wrong type; valid: \(type)"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' is null; valid: \(type)"
        case .keyNotFound(let key, let context):
            return "field '\(path(context.codingPath + [key]))' is missing"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\(oneLine(String(describing: $0))))" } ?? ""
            let field = context.codingPath.isEmpty ? "" : "field '\(path(context.codingPath))': "
            return "\(field)invalid JSON: \(oneLine(context.debugDescription))\(underlying)"
        @unknown default:
            return oneLine(String(describing: error))
        }
    }
}
