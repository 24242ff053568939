/// The file formats the readers recognise, as ``ImportFormatSniffer`` names them.
public enum ImportFormat: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// ClinicalTrials.gov API v2: one study object (`protocolSection` …).
    case clinicalTrialsV2Study = "clinicaltrials-v2-study"
    /// ClinicalTrials.gov API v2: a page `{"studies":[…],"nextPageToken":…}`.
    case clinicalTrialsV2Page = "clinicaltrials-v2-page"
    /// The retired API v1 (`FullStudiesResponse`, PascalCase): refused.
    case clinicalTrialsV1 = "clinicaltrials-v1"
    /// The retired classic XML (`<clinical_study>`): refused.
    case clinicalTrialsLegacyXML = "clinicaltrials-legacy-xml"
    /// A ZIP archive (e.g. the ClinicalTrials.gov bulk download).
    case zip
    /// A folder (of study files).
    case folder
    /// PubMed efetch `PubmedArticleSet` XML.
    case pubmedXML = "pubmed-xml"
    /// MEDLINE tagged text (`.nbib`).
    case medline
    /// RIS.
    case ris
    /// Web of Science tagged text (`FN`/`PT`/`AU` … `ER`): recognised, refused.
    case webOfScience = "web-of-science"
    /// SyRF study list (bibliographic columns `Title`, `Authors`, `PublicationName` …).
    case syrfBibliographic = "syrf-bibliographic"
    /// SyRF long-form annotation export (`Question`, `Answer` per row; no bibliographic fields).
    case syrfAnnotations = "syrf-annotations"
    /// Other JSON.
    case otherJSON = "json"
    /// Other XML.
    case otherXML = "xml"
    /// Anything else.
    case unknown

    /// A few words for messages ("a PubMed XML file").
    public var summary: String {
        switch self {
        case .clinicalTrialsV2Study: "a ClinicalTrials.gov API v2 study"
        case .clinicalTrialsV2Page: "a ClinicalTrials.gov API v2 page of studies"
        case .clinicalTrialsV1: "a retired ClinicalTrials.gov API v1 'FullStudiesResponse'"
        case .clinicalTrialsLegacyXML: "a retired ClinicalTrials.gov classic XML record"
        case .zip: "a ZIP archive"
        case .folder: "a folder"
        case .pubmedXML: "a PubMed 'PubmedArticleSet' XML file"
        case .medline: "a MEDLINE (.nbib) file"
        case .ris: "a RIS file"
        case .webOfScience: "a Web of Science tagged file"
        case .syrfBibliographic: "a SyRF study list (CSV)"
        case .syrfAnnotations: "a SyRF long-form annotation export (CSV)"
        case .otherJSON: "JSON of an unknown shape"
        case .otherXML: "XML of an unknown vocabulary"
        case .unknown: "a file of unknown format"
        }
    }
}
