import Foundation
import StromaDomain
import Testing
import _StromaTestSupport
@testable import StromaImport

/// Every literature and SyRF sample file, key fields checked against values read by hand
/// (python3 ElementTree / csv and eyes on the text).
@Suite(.enabled(if: SharedData.isAvailable)) struct LiteratureReaderTests {
    @Test("pubmed1.xml: two articles with PMIDs, titles, authors, journal, pages, DOI, MeSH")
    func pubmed1() throws {
        let records = try BibliographyReader.read(SharedData.url("literature/pubmed-xml/pubmed1.xml"))
        #expect(records.map(\.pmid) == ["12091962", "9997"])
        #expect(records[0].title == "The treatment of AIDS behind the walls of correctional facilities.")
        #expect(records[0].authors == ["Olivero JM"])
        #expect(records[0].journal == "Social justice (San Francisco, Calif.)")
        #expect(records[0].volume == "17")
        #expect(records[0].issue == "1")
        #expect(records[0].year == 1990)
        #expect(records[0].pages == "113-25")
        #expect(records[0].meshTerms.count == 19)
        #expect(records[0].meshTerms.first == "AIDS Serodiagnosis")
        #expect(records[0].keywords == ["Health Care and Public Health", "Legal Approach"])
        #expect(records[0].publicationTypes == ["Journal Article", "Review"])
        #expect(records[0].language == "eng")
        #expect(records[0].doi == nil)
        #expect(records[1].doi == "10.1016/0005-2795(76)90109-4")
        #expect(records[1].authors == ["Strekas TC"])
        #expect(records[1].meshTerms.count == 13)
        #expect(records[1].abstract != nil)
        #expect(records.allSatisfy { $0.sourceFormat == .pubmedXML })
    }

    @Test("pubmed2.xml and pubmed4.xml: author counts, DOIs, structured abstract; ReferenceList ignored")
    func pubmed2and4() throws {
        let two = try PubMedXMLReader.read(SharedData.url("literature/pubmed-xml/pubmed2.xml"))
        #expect(two.map(\.pmid) == ["11748933", "11700088"])
        #expect(two.map(\.authors.count) == [8, 6])
        #expect(two[0].authors.prefix(3) == ["Taddei AR", "Barbato F", "Abelli L"])
        #expect(two.map(\.doi) == ["10.1006/cryo.2001.2328", "10.1006/jmre.2001.2429"])
        #expect(two[1].journal == "Journal of magnetic resonance (San Diego, Calif. : 1997)")
        let four = try PubMedXMLReader.read(SharedData.url("literature/pubmed-xml/pubmed4.xml"))
        #expect(four.count == 1)
        #expect(four[0].pmid == "27797938")
        #expect(four[0].authors.count == 22)
        #expect(four[0].doi == "10.1136/gutjnl-2016-312510")
        #expect(four[0].pages == "1116-1122")
        #expect(four[0].year == 2017)
        #expect(four[0].meshTerms.count == 21)
        #expect(four[0].abstract?.split(separator: "\n").count == 4)
        #expect(four[0].title?.hasPrefix("Leucocyte telomere length, genetic variants at the TERT gene") == true)
    }

    @Test("the empty title_with_html_tags.xml is refused as empty")
    func emptyXML() throws {
        let url = try SharedData.url("literature/pubmed-xml/title_with_html_tags.xml")
        let error = #expect(throws: ImportError.self) { try BibliographyReader.read(url) }
        #expect(error?.description.hasPrefix("'title_with_html_tags.xml' is empty") == true)
        let direct = #expect(throws: ImportError.self) { try PubMedXMLReader.read(url) }
        #expect(
            direct?.description == "'title_with_html_tags.xml' is empty; valid: a PubMed XML file '<PubmedArticleSet>…'"
        )
    }

    @Test("MEDLINE pubmed_result1.txt: one record, wrapped abstract joined")
    func medline1() throws {
        let records = try BibliographyReader.read(SharedData.url("literature/medline-nbib/pubmed_result1.txt"))
        #expect(records.count == 1)
        let r = records[0]
        #expect(r.sourceFormat == .medline)
        #expect(r.pmid == "12230038")
        #expect(r.title == "The Bio* toolkits--a brief overview.")
        #expect(r.authors == ["Mangalam H"])
        #expect(r.journal == "Briefings in bioinformatics")
        #expect(r.year == 2002)
        #expect(r.volume == "3")
        #expect(r.issue == "3")
        #expect(r.pages == "296-302")
        #expect(r.meshTerms.count == 7)
        #expect(
            r.abstract?.hasPrefix(
                "Bioinformatics research is often difficult to do with commercial software. The Open Source") == true)
        #expect(r.abstract?.hasSuffix("beginning biologist programmer.") == true)
        #expect(r.unknownTags.contains(.init(tag: "FAU", value: "Mangalam, Harry")))
        #expect(r.unknownTags.contains(.init(tag: "IS", value: "1467-5463 (Print)")))
    }

    @Test("MEDLINE pubmed_result2.txt: four records, continuation titles, DOIs from AID")
    func medline2() throws {
        let records = try MedlineReader.read(SharedData.url("literature/medline-nbib/pubmed_result2.txt"))
        #expect(records.map(\.pmid) == ["16403221", "16377612", "14871861", "14630660"])
        #expect(
            records[1].title == "GenomeDiagram: a python package for the visualization of large-scale genomic data.")
        #expect(records.map(\.authors.count) == [3, 4, 4, 2])
        #expect(records.map(\.year) == [2006, 2006, 2004, 2003])
        #expect(
            records.map(\.doi) == [
                "10.1186/1471-2105-7-10", "10.1093/bioinformatics/btk021", "10.1093/bioinformatics/bth078", nil,
            ])
        #expect(records.map(\.meshTerms.count) == [9, 8, 8, 9])
        #expect(records[0].publicationTypes == ["Evaluation Studies", "Journal Article"])
    }

    @Test("RIS example_full.ris: two records with titles, authors, keywords, journal, pages")
    func risFull() throws {
        let records = try BibliographyReader.read(SharedData.url("literature/ris/example_full.ris"))
        #expect(records.count == 2)
        #expect(records.map(\.title) == ["Title of reference", "The title of the reference"])
        #expect(records[0].authors == ["Marx, Karl", "Lindgren, Astrid"])
        #expect(records[0].keywords == ["Pippi", "Nordwind", "Piraten"])
        #expect(records[0].journal == "Lorem")
        #expect(records[0].year == 2014)
        #expect(records[1].year == 2006)
        #expect(records[0].volume == "9")
        #expect(records[0].pages == "e0815")
        #expect(records[0].publicationTypes == ["JOUR"])
        #expect(records[0].unknownTags.contains(.init(tag: "A2", value: "Glattauer, Daniel")))
        #expect(records[0].unknownTags.contains(.init(tag: "UR", value: "http://example_url.com")))
    }

    @Test("RIS with extraneous export lines reads the same two records")
    func risExtraneous() throws {
        let records = try RISReader.read(SharedData.url("literature/ris/example_extraneous_data.ris"))
        #expect(records.count == 2)
        #expect(records.map(\.title) == ["Title of reference", "The title of the reference"])
        #expect(records[1].keywords.first == "Pippi Langstrumpf")
    }

    @Test("RIS BOM, leading newlines, UTF-8 and empty tags")
    func risQuirks() throws {
        let bom = try RISReader.read(SharedData.url("literature/ris/example_bom.ris"))
        #expect(bom.count == 1)
        #expect(bom[0].doi == "10.1186/s40981-020-0316-0")
        let leading = try RISReader.read(SharedData.url("literature/ris/example_starting_newlines.ris"))
        #expect(leading.count == 1)
        #expect(leading[0].title == "A Mathematical Theory of Communication")
        #expect(leading[0].authors == ["Shannon,Claude E."])
        #expect(leading[0].pages == "379-423")
        #expect(leading[0].year == 1948)
        let utf = try RISReader.read(SharedData.url("literature/ris/example_utf_chars.ris"))
        #expect(utf.count == 1)
        #expect(utf[0].authors.count == 5)
        #expect(utf[0].journal == "Gynecology, Obstetrics and Perinatology")
        #expect(utf[0].abstract?.hasPrefix("Состояние рецепторного аппарата эндометрия") == true)
        #expect(utf[0].abstract?.contains("\nThe state of the receptor apparatus") == true)
        #expect(utf[0].unknownTags.contains(.init(tag: "N1", value: "Ä,Ö,Ü,ä,ö,ü,ß")))
        let empty = try RISReader.read(SharedData.url("literature/ris/example_empty_tag.ris"))
        #expect(empty.count == 1)
        #expect(empty[0].pages == nil)
        #expect(empty[0].doi == "10.1177/2325967120950040")
        #expect(empty[0].abstract?.contains("\nOutcome measures are valuable") == true)
    }

    @Test("RIS multiline: continuation lines joined, an 'ER then' line is text, not an end tag")
    func risMultiline() throws {
        let records = try RISReader.read(SharedData.url("literature/ris/example_multiline.ris"))
        #expect(records.count == 3)
        #expect(records[0].abstract == "first line, ER then second line and at the end the last line")
        #expect(records[1].abstract == "first line,\nER then second line and at the end\nthe last line")
        #expect(records[2].abstract == "first line,\nER then second line and at the end\nthe last line")
        #expect(records[0].unknownTags == [.init(tag: "N1", value: "first line\n* second line\n* last line")])
    }

    @Test("a Web of Science file named .ris is recognised and refused")
    func webOfScience() throws {
        let url = try SharedData.url("literature/ris/example_wos.ris")
        #expect(ImportFormatSniffer.sniff(url) == .webOfScience)
        let error = #expect(throws: ImportError.self) { try BibliographyReader.read(url) }
        #expect(
            error?.description
                == "'example_wos.ris' is a Web of Science tagged file ('FN Clarivate Analytics Web of Science'), not RIS; export 'RIS' (or 'Other reference software') from Web of Science, or a MEDLINE file from PubMed"
        )
    }

    @Test("SyRF import_template.csv: the one example study")
    func syrfTemplate() throws {
        let records = try BibliographyReader.read(SharedData.url("syrf/import_template.csv"))
        #expect(records.count == 1)
        #expect(records[0].title == "Study of some subject.")
        #expect(records[0].authors == ["J. S. McResearcher"])
        #expect(records[0].journal == "Journal of Examples")
        #expect(records[0].abstract == "Full abstract text")
        #expect(records[0].year == 2022)
        #expect(records[0].publicationTypes == ["Article"])
        #expect(
            records[0].unknownTags == [
                .init(tag: "AuthorAddress", value: "Department of Research, University of Research")
            ])
    }

    @Test("SyRF outcome-data export: twelve studies from 48 rows, PMIDs from PubMed URLs")
    func syrfQuantitative() throws {
        let records = try SyRFBibliographyReader.read(SharedData.url("syrf/quantitative_data_example.csv"))
        #expect(records.count == 12)
        #expect(records[0].title?.hasPrefix("Antidepressant effects of AMPA and ketamine combination") == true)
        #expect(records[0].authors == ["L. Akinfiresoye", "Y. Tizabi"])
        #expect(records[0].journal == "Psychopharmacology (Berl)")
        #expect(records[0].year == 2013)
        #expect(records[0].pmid == "23732839")
        #expect(records[1].authors == ["J. Li", "F. F. Chen", "X. D. Chen", "C. Zhou"])
        #expect(records.compactMap(\.pmid).count == 11)
    }

    @Test("the SyRF long-form annotation export is recognised and refused")
    func syrfAnnotations() throws {
        let url = try SharedData.url("syrf/annotation_long_example.csv")
        #expect(ImportFormatSniffer.sniff(url) == .syrfAnnotations)
        let error = #expect(throws: ImportError.self) { try BibliographyReader.read(url) }
        #expect(
            error?.description
                == "'annotation_long_example.csv' is a SyRF long-form annotation export (one 'Question'/'Answer' per row), not a study list; valid: a SyRF CSV with a 'Title' column"
        )
    }
}
