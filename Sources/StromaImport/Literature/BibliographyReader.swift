import Foundation
import StromaDomain

/// Reads any supported literature file, choosing the reader with ``ImportFormatSniffer``:
/// PubMed XML, MEDLINE, RIS, SyRF study CSV.
///
/// Other formats are refused with a message naming
/// what the file is.
public enum BibliographyReader {
    public static func read(_ url: URL) throws -> [BibliographicRecord] {
        let format = ImportFormatSniffer.sniff(url)
        switch format {
        case .pubmedXML: return try PubMedXMLReader.read(url)
        case .medline: return try MedlineReader.read(url)
        case .ris, .webOfScience: return try RISReader.read(url)
        case .syrfBibliographic, .syrfAnnotations: return try SyRFBibliographyReader.read(url)
        default:
            if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size == 0 {
                throw ImportError(
                    "'\(url.lastPathComponent)' is empty; valid: PubMed XML, MEDLINE (.nbib), RIS or a SyRF study CSV")
            }
            throw ImportError(
                "'\(url.lastPathComponent)' is \(format.summary); valid: PubMed XML, MEDLINE (.nbib), RIS or a SyRF study CSV"
            )
        }
    }
}
