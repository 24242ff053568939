import Foundation

/// Says which format a file is, from its first bytes (64 KiB at most) and its name.
///
/// Rules, in order: `PK\u{3}\u{4}` → ZIP; `<` → XML by root element (`PubmedArticleSet`,
/// `clinical_study`); `{` → JSON by first key (`studies`/`nextPageToken`/`totalCount` → v2 page,
/// `FullStudiesResponse`/`StudyFieldsResponse` → v1, `protocolSection` and other v2 sections →
/// v2 study); `FN `/`PT ` first tag → Web of Science; a `TY  - ` line → RIS; `PMID- ` → MEDLINE;
/// a CSV header with `Title` and `Authors` → SyRF study list; with `Question` and `Answer` →
/// SyRF annotations.
public enum ImportFormatSniffer {
    /// The format of the file or folder at `url`; `.unknown` when it cannot be read.
    public static func sniff(_ url: URL) -> ImportFormat {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .unknown }
        if isDirectory.boolValue { return .folder }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .unknown }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        return sniff(data: head, fileName: url.lastPathComponent)
    }

    /// The format of bytes that begin a file called `fileName`.
    public static func sniff(data: Data, fileName: String = "") -> ImportFormat {
        let bytes = [UInt8](data.prefix(65_536))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .zip
        }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return .unknown }
        switch bytes[start] {
        case UInt8(ascii: "<"):
            return sniffXML(String(decoding: bytes[start...], as: UTF8.self))
        case UInt8(ascii: "{"):
            return sniffJSON(bytes, from: start)
        default:
            return sniffText(String(decoding: bytes[start...], as: UTF8.self))
        }
    }

    static func isZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
    }

    private static func sniffXML(_ text: String) -> ImportFormat {
        // The root element: the first '<' not opening a declaration, comment or doctype.
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { return .otherXML }
                rest = after[after.index(after: close)...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            switch name {
            case "PubmedArticleSet", "PubmedArticle": return .pubmedXML
            case "clinical_study": return .clinicalTrialsLegacyXML
            default: return .otherXML
            }
        }
        return .otherXML
    }

    private static func sniffJSON(_ bytes: [UInt8], from start: Int) -> ImportFormat {
        var i = start + 1
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return .otherJSON }
        var j = i + 1
        while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += 1 }
        let key = String(decoding: bytes[(i + 1)..<min(j, bytes.count)], as: UTF8.self)
        switch key {
        case "studies", "nextPageToken", "totalCount": return .clinicalTrialsV2Page
        case "FullStudiesResponse", "StudyFieldsResponse", "FullStudy": return .clinicalTrialsV1
        case "protocolSection", "resultsSection", "annotationSection", "documentSection", "derivedSection",
            "hasResults":
            return .clinicalTrialsV2Study
        default: return .otherJSON
        }
    }

    private static func sniffText(_ text: String) -> ImportFormat {
        var lines: [Substring] = []
        for line in text.split(
            omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            lines.append(line)
            if lines.count >= 200 { break }
        }
        guard let first = lines.first else { return .unknown }
        if first.hasPrefix("FN ") || (first.hasPrefix("PT ") && !first.hasPrefix("PT  -")) { return .webOfScience }
        if first.hasPrefix("PMID-") || first.hasPrefix("PMID -") { return .medline }
        if lines.contains(where: { RISReader.isRecordStart($0) }) { return .ris }
        if lines.contains(where: { $0.hasPrefix("PMID- ") }) { return .medline }
        let header = Set(SyRFCSV.parseLine(String(first)).map { $0.trimmingCharacters(in: .whitespaces) })
        if header.contains("Title"), header.contains("Authors") { return .syrfBibliographic }
        if header.contains("Question"), header.contains("Answer"), header.contains("StudyId") {
            return .syrfAnnotations
        }
        return .unknown
    }
}
