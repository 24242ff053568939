import Foundation
import StromaDomain

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads PubMed efetch XML (`<PubmedArticleSet>` of `<PubmedArticle>`, also
/// `<PubmedBookArticle>`), streaming with `XMLParser` (no DOM), external entities not resolved.
///
/// Mapped: `MedlineCitation/PMID`, `ArticleTitle` (inline markup flattened to text),
/// `Abstract/AbstractText` (joined with newlines, `Label: ` prefixed), `AuthorList/Author`
/// (`LastName Initials`, or `CollectiveName`), `Journal/Title`, `JournalIssue/Volume`, `Issue`,
/// `PubDate/Year` (or the year in `MedlineDate`), `Pagination/MedlinePgn` (or `StartPage-EndPage`),
/// `Language`, `PublicationType`, `MeshHeading/DescriptorName`, `Keyword`, the DOI from
/// `ArticleIdList/ArticleId[@IdType="doi"]` or `ELocationID[@EIdType="doi"]`. Other article ids
/// are kept as unknown tags `ArticleId:<type>`. Citations inside `ReferenceList` and
/// `CommentsCorrectionsList` are not mistaken for the article's own fields.
/// DTD: https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd
public enum PubMedXMLReader {
    public static func read(_ url: URL) throws -> [BibliographicRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError("cannot read '\(url.path)': \(error.localizedDescription)")
        }
        return try read(data: data, source: url.lastPathComponent)
    }

    public static func read(data: Data, source: String) throws -> [BibliographicRecord] {
        guard !data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw ImportError("'\(source)' is empty; valid: a PubMed XML file '<PubmedArticleSet>…'")
        }
        // FoundationXML traps on invalid UTF-8 in names and attributes: refuse such bytes first.
        if let offset = LiteratureText.firstInvalidUTF8(data) {
            throw ImportError("'\(source)' byte offset \(offset): invalid UTF-8; valid: PubMed XML in UTF-8")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let delegate = PubMedXMLCollector(source: source)
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        if let root = delegate.rootName, !delegate.sawRoot {
            throw ImportError("'\(source)' has root element '<\(root)>'; valid: '<PubmedArticleSet>'")
        }
        guard ok else {
            let reason =
                (parser.parserError as NSError?).map { "\($0.localizedDescription) (code \($0.code))" }
                ?? "malformed XML"
            throw ImportError(
                "'\(source)' line \(parser.lineNumber), column \(parser.columnNumber): \(reason); valid: well-formed PubMed XML"
            )
        }
        return delegate.records
    }
}

/// The `XMLParserDelegate` that collects ``BibliographicRecord``s.
final class PubMedXMLCollector: NSObject, XMLParserDelegate {
    let source: String
    var records: [BibliographicRecord] = []
    var failure: ImportError?
    var sawRoot = false
    var rootName: String?

    private var path: [String] = []
    private var current: BibliographicRecord?
    private var articleDepth = 0
    private var text = ""
    private var capturing = 0
    private var attributes: [String: String] = [:]
    private var author: (last: String?, initials: String?, fore: String?, collective: String?) = (nil, nil, nil, nil)
    private var startPage: String?, endPage: String?
    private var abstractLabel: String?
    private var abstractParts: [String] = []
    private var ignoredDepth = 0

    init(source: String) { self.source = source }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let isRoot = path.isEmpty
        path.append(name)
        if isRoot {
            rootName = name
            if name == "PubmedArticleSet" || name == "PubmedArticle" {
                sawRoot = true
            } else {
                parser.abortParsing()
                return
            }
        }
        if name == "PubmedArticle" || name == "PubmedBookArticle" {
            current = BibliographicRecord(
                sourceFormat: .pubmedXML, source: "\(source) record \(records.count + 1) (line \(parser.lineNumber))")
            articleDepth = path.count
            startPage = nil
            endPage = nil
            abstractParts = []
            return
        }
        guard current != nil else { return }
        if ["ReferenceList", "CommentsCorrectionsList", "CommentsCorrections"].contains(name) { ignoredDepth += 1 }
        guard ignoredDepth == 0 else { return }
        switch name {
        case "Author":
            author = (nil, nil, nil, nil)
        case "AbstractText":
            abstractLabel = attributeDict["Label"]
        default: break
        }
        if capturing == 0, Self.captured.contains(name) {
            text = ""
            attributes = attributeDict
        }
        if Self.captured.contains(name) { capturing += 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing > 0 { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capturing > 0 { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { if !path.isEmpty { path.removeLast() } }
        guard var r = current else { return }
        if name == "PubmedArticle" || name == "PubmedBookArticle", path.count == articleDepth {
            if r.pages == nil, let startPage { r.pages = endPage.map { "\(startPage)-\($0)" } ?? startPage }
            if !abstractParts.isEmpty { r.abstract = abstractParts.joined(separator: "\n") }
            if r.pmid == nil { r.warnings.append("record has no 'MedlineCitation/PMID'") }
            records.append(r)
            current = nil
            return
        }
        if ["ReferenceList", "CommentsCorrectionsList", "CommentsCorrections"].contains(name) {
            ignoredDepth = max(0, ignoredDepth - 1)
            return
        }
        guard ignoredDepth == 0 else { return }
        if Self.captured.contains(name), capturing > 0 { capturing -= 1 }
        guard capturing == 0 || !Self.captured.contains(name) else { return }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        switch name {
        case "PMID" where parent == "MedlineCitation" || parent == "BookDocument":
            if r.pmid == nil { r.pmid = value }
        case "ArticleTitle": r.title = value
        case "BookTitle": if r.title == nil { r.title = value }
        case "AbstractText":
            if !value.isEmpty { abstractParts.append(abstractLabel.map { "\($0): \(value)" } ?? value) }
        case "LastName": author.last = value
        case "ForeName": author.fore = value
        case "Initials": author.initials = value
        case "CollectiveName": author.collective = value
        case "Title" where parent == "Journal": r.journal = value
        case "Volume" where parent == "JournalIssue": r.volume = value
        case "Issue" where parent == "JournalIssue": r.issue = value
        case "Year" where parent == "PubDate", "MedlineDate" where parent == "PubDate":
            if r.year == nil { r.year = LiteratureText.year(in: value) }
        case "MedlinePgn": if !value.isEmpty { r.pages = value }
        case "StartPage": startPage = value
        case "EndPage": endPage = value
        case "Language": if r.language == nil { r.language = value }
        case "PublicationType": r.publicationTypes.append(value)
        case "DescriptorName": r.meshTerms.append(value)
        case "Keyword": r.keywords.append(value)
        case "ELocationID":
            if attributes["EIdType"] == "doi", r.doi == nil { r.doi = value }
        case "ArticleId" where parent == "ArticleIdList":
            let type = attributes["IdType"] ?? "unknown"
            if type == "doi" {
                r.doi = value
            } else if type != "pubmed" {
                r.unknownTags.append(.init(tag: "ArticleId:\(type)", value: value))
            }
        default: break
        }
        current = r
        if name == "Author" {
            let a = author
            if let collective = a.collective {
                current?.authors.append(collective)
            } else if let last = a.last {
                current?.authors.append([last, a.initials ?? a.fore].compactMap { $0 }.joined(separator: " "))
            }
        }
    }

    /// Elements whose text is collected (descendant markup such as `<i>` is flattened).
    private static let captured: Set<String> = [
        "PMID", "ArticleTitle", "BookTitle", "AbstractText", "LastName", "ForeName", "Initials",
        "CollectiveName", "Title", "Volume", "Issue", "Year", "MedlineDate", "MedlinePgn", "StartPage",
        "EndPage", "Language", "PublicationType", "DescriptorName", "Keyword", "ELocationID", "ArticleId",
    ]
}
