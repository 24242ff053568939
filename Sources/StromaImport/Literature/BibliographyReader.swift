import Foundation
import StromaDomain

/// Reads any supported literature file, choosing the reader with ``ImportFormatSniffer``:
/// PubMed XML, MEDLINE, RIS, SyRF study CSV.
///
/// Other formats are refused with a message naming
/// what the file is.
public enum BibliographyReader {

    public static func read(_ url: URL) throws -> [BibliographicRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError("cannot read '\(url.path)': \(error.localizedDescription)")
        }
        return try read(data: data, name: url.lastPathComponent)
    }

    /// Reads the records in `data`, the contents of a file called `name` (an upload).
    public static func read(data: Data, name: String) throws -> [BibliographicRecord] {
        let format = ImportFormatSniffer.sniff(data: data, fileName: name)
        switch format {
        case .pubmedXML: return try PubMedXMLReader.read(data: data, source: name)
        case .medline: return try MedlineReader.read(text: LiteratureText.decode(data), source: name)
        case .ris, .webOfScience: return try RISReader.read(text: LiteratureText.decode(data), source: name)
        case .syrfBibliographic, .syrfAnnotations:
            return try SyRFBibliographyReader.read(text: LiteratureText.decode(data), source: name)
        default:
            if data.isEmpty {
                throw ImportError(
                    "'\(name)' is empty; valid: PubMed XML, MEDLINE (.nbib), RIS or a SyRF study CSV")
            }
            throw ImportError(
                "'\(name)' is \(format.summary); valid: PubMed XML, MEDLINE (.nbib), RIS or a SyRF study CSV"
            )
        }
    }
}
