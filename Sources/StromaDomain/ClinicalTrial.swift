/// A registered or reported clinical trial of an MSC therapy.
///
/// Trials named in the seeds are entered from the seeds' facts (`provenance`); trials imported
/// from a registry carry the registry record's fields. Unknown values stay `nil`: never guessed.
public struct ClinicalTrial: Sendable, Codable, Equatable, Hashable, Identifiable {
    /// Stable id: the registry id when there is one (`NCT01909154`), else a slug
    /// (`sharma-2013-autism-bmmnc`).
    public var id: String
    /// Registry identifier (NCT…, ChiCTR…, EudraCT…), when known.
    public var registryId: String?
    public var title: String?
    /// Phases as the registry spells them: `PHASE1`, `PHASE2`, `PHASE3`, `PHASE4`, `EARLY_PHASE1`,
    /// `NA`; several for combined phases.
    public var phases: [String]
    /// Overall status (`RECRUITING`, `COMPLETED`, …) when known.
    public var status: String?
    public var enrollment: Int?
    /// Condition ids (kind `condition`).
    public var conditions: [String]
    /// Cell source (kind `cell-source`).
    public var source: String?
    /// Origin ids (kind `origin`), for example `autologous`.
    public var origin: [String]
    /// Product form (kind `product-form`).
    public var productForm: String?
    /// Route ids (kind `route`).
    public var routes: [String]
    public var dose: CellDose?
    public var administrations: Int?
    public var countries: [String]
    /// ISO dates, possibly partial (`2015-10`).
    public var startDate: String?
    public var completionDate: String?
    /// Follow-up in words (`"26 months"`).
    public var followUp: String?
    /// Outcome measures (kind `outcome-measure`).
    public var outcomeMeasures: [String]
    /// What the trial found or is testing, in English.
    public var findings: String?
    public var publication: String?
    public var provenance: [Provenance]

    public init(
        id: String, registryId: String? = nil, title: String? = nil, phases: [String] = [],
        status: String? = nil, enrollment: Int? = nil, conditions: [String],
        source: String? = nil, origin: [String] = [], productForm: String? = nil,
        routes: [String] = [], dose: CellDose? = nil, administrations: Int? = nil,
        countries: [String] = [], startDate: String? = nil, completionDate: String? = nil,
        followUp: String? = nil, outcomeMeasures: [String] = [], findings: String? = nil,
        publication: String? = nil, provenance: [Provenance]
    ) {
        self.id = id
        self.registryId = registryId
        self.title = title
        self.phases = phases
        self.status = status
        self.enrollment = enrollment
        self.conditions = conditions
        self.source = source
        self.origin = origin
        self.productForm = productForm
        self.routes = routes
        self.dose = dose
        self.administrations = administrations
        self.countries = countries
        self.startDate = startDate
        self.completionDate = completionDate
        self.followUp = followUp
        self.outcomeMeasures = outcomeMeasures
        self.findings = findings
        self.publication = publication
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id
        case registryId = "registry_id"
        case title, phases, status, enrollment, conditions, source, origin
        case productForm = "product_form"
        case routes, dose, administrations, countries
        case startDate = "start_date"
        case completionDate = "completion_date"
        case followUp = "follow_up"
        case outcomeMeasures = "outcome_measures"
        case findings, publication, provenance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        registryId = try c.decodeIfPresent(String.self, forKey: .registryId)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        phases = try c.decodeIfPresent([String].self, forKey: .phases) ?? []
        status = try c.decodeIfPresent(String.self, forKey: .status)
        enrollment = try c.decodeIfPresent(Int.self, forKey: .enrollment)
        conditions = try c.decode([String].self, forKey: .conditions)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        origin = try c.decodeIfPresent([String].self, forKey: .origin) ?? []
        productForm = try c.decodeIfPresent(String.self, forKey: .productForm)
        routes = try c.decodeIfPresent([String].self, forKey: .routes) ?? []
        dose = try c.decodeIfPresent(CellDose.self, forKey: .dose)
        administrations = try c.decodeIfPresent(Int.self, forKey: .administrations)
        countries = try c.decodeIfPresent([String].self, forKey: .countries) ?? []
        startDate = try c.decodeIfPresent(String.self, forKey: .startDate)
        completionDate = try c.decodeIfPresent(String.self, forKey: .completionDate)
        followUp = try c.decodeIfPresent(String.self, forKey: .followUp)
        outcomeMeasures = try c.decodeIfPresent([String].self, forKey: .outcomeMeasures) ?? []
        findings = try c.decodeIfPresent(String.self, forKey: .findings)
        publication = try c.decodeIfPresent(String.self, forKey: .publication)
        provenance = try c.decode([Provenance].self, forKey: .provenance)
    }

    /// Every vocabulary reference the record makes.
    public var termReferences: [TermReference] {
        var refs = conditions.map { TermReference(.condition, $0) }
        if let source { refs.append(TermReference(.cellSource, source)) }
        refs += origin.map { TermReference(.origin, $0) }
        if let productForm { refs.append(TermReference(.productForm, productForm)) }
        refs += routes.map { TermReference(.route, $0) }
        refs += outcomeMeasures.map { TermReference(.outcomeMeasure, $0) }
        return refs
    }
}
