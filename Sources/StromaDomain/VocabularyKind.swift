/// The controlled vocabularies of Stroma's knowledge base.
///
/// Each kind is a separate list of ``VocabularyTerm`` values with stable ids (lower-case,
/// hyphenated slugs such as `ischemic-stroke` or `umbilical-cord`). Ids are unique within a kind;
/// the raw value is the JSON and database spelling and never changes once shipped.
public enum VocabularyKind: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case condition
    case diseasePhase = "disease-phase"
    case cellSource = "cell-source"
    case origin
    case productForm = "product-form"
    case route
    case species
    case diseaseModel = "disease-model"
    case mechanism
    case molecule
    case pathway
    case outcomeMeasure = "outcome-measure"

    /// The plural English name used in command names and headings, for example `cell-sources`.
    public var pluralName: String {
        switch self {
        case .condition: "conditions"
        case .diseasePhase: "disease-phases"
        case .cellSource: "cell-sources"
        case .origin: "origins"
        case .productForm: "product-forms"
        case .route: "routes"
        case .species: "species"
        case .diseaseModel: "disease-models"
        case .mechanism: "mechanisms"
        case .molecule: "molecules"
        case .pathway: "pathways"
        case .outcomeMeasure: "outcome-measures"
        }
    }

    /// Parses a kind from its raw value or its plural name (`route`, `routes`, `cell-sources`).
    public init?(name: String) {
        let lowered = name.lowercased()
        if let kind = VocabularyKind(rawValue: lowered) {
            self = kind
            return
        }
        guard let kind = VocabularyKind.allCases.first(where: { $0.pluralName == lowered }) else {
            return nil
        }
        self = kind
    }

    public static func < (lhs: VocabularyKind, rhs: VocabularyKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
