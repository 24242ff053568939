import Foundation
import Testing
import _StromaTestSupport
@testable import StromaImport

@Suite(.enabled(if: SharedData.isAvailable)) struct ImportFormatSnifferTests {
    static let cases: [(String, ImportFormat)] = [
        ("clinicaltrials/v2-json/NCT02210780.json", .clinicalTrialsV2Study),
        ("clinicaltrials/v2-json/NCT03453554.json", .clinicalTrialsV2Study),
        ("clinicaltrials/v2-json/NCT00023673.json", .clinicalTrialsV1),
        ("clinicaltrials/legacy-xml/NCT01841593.xml", .clinicalTrialsLegacyXML),
        ("clinicaltrials/v2-json", .folder),
        ("literature/pubmed-xml/pubmed4.xml", .pubmedXML),
        ("literature/pubmed-xml/title_with_html_tags.xml", .unknown),
        ("literature/medline-nbib/pubmed_result1.txt", .medline),
        ("literature/medline-nbib/pubmed_result2.txt", .medline),
        ("literature/ris/example_full.ris", .ris),
        ("literature/ris/example_bom.ris", .ris),
        ("literature/ris/example_extraneous_data.ris", .ris),
        ("literature/ris/example_starting_newlines.ris", .ris),
        ("literature/ris/example_wos.ris", .webOfScience),
        ("syrf/import_template.csv", .syrfBibliographic),
        ("syrf/quantitative_data_example.csv", .syrfBibliographic),
        ("syrf/annotation_long_example.csv", .syrfAnnotations),
        ("msc-characterisation/cidmap_trials.csv", .unknown),
    ]

    @Test("each sample file is named correctly", arguments: cases)
    func sniff(_ path: String, _ format: ImportFormat) throws {
        #expect(ImportFormatSniffer.sniff(try SharedData.url(path)) == format)
    }

    @Test("a v2 page is recognised from its first key")
    func pageFromBytes() {
        #expect(ImportFormatSniffer.sniff(data: Data(#"  {"studies":[]}"#.utf8)) == .clinicalTrialsV2Page)
        #expect(ImportFormatSniffer.sniff(data: Data(#"{"totalCount":0,"studies":[]}"#.utf8)) == .clinicalTrialsV2Page)
        #expect(ImportFormatSniffer.sniff(data: Data(#"{"other":1}"#.utf8)) == .otherJSON)
    }
}
