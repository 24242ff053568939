/// One animal (or in-vitro) experiment: what was given, to what, how, when, and what happened.
///
/// Term-valued fields hold vocabulary ids of the kind named in the comment; every id must
/// resolve (the knowledge base validator checks it). Free-text fields keep the source's meaning
/// in English; `findingsOriginal` keeps the seed's own words.
public struct Experiment: Sendable, Codable, Equatable, Hashable, Identifiable {
    /// Stable id, for example `seed004-table1-row03`.
    public var id: String
    /// Conditions studied (kind `condition`).
    public var conditions: [String]
    /// Disease phase at administration (kind `disease-phase`), for example `stroke-subacute`.
    public var phase: String?
    /// Host species (kind `species`).
    public var species: String?
    /// Disease model (kind `disease-model`), for example `mcao-transient`.
    public var model: String?
    /// The model in the source's words (`"MCAO rat model"`).
    public var modelStated: String?
    /// Cell source (kind `cell-source`).
    public var source: String?
    /// Origin terms (kind `origin`): donor species and relation, for example `human`, `xenogeneic`.
    public var origin: [String]
    /// Product form (kind `product-form`), for example `undifferentiated-cells`, `conditioned-medium`.
    public var productForm: String?
    /// Routes (kind `route`); several when arms compared routes.
    public var routes: [String]
    /// Injection site in words, for example `"right striatum"`, `"tail vein"`.
    public var site: String?
    public var dose: CellDose?
    /// Number of administrations, when a single number is stated.
    public var administrations: Int?
    /// Administrations as stated (`"1 or 3"`).
    public var administrationsStated: String?
    /// Interval between administrations in words.
    public var interval: String?
    /// Volume per administration as stated (`"200 μl"`).
    public var volume: String?
    /// Vehicle (`"PBS"`, `"DMEM"`, `"saline"`).
    public var vehicle: String?
    public var timeAfterInjury: TimeAfterInjury?
    /// What was found, in English.
    public var findings: String
    /// The seed's own words for the findings, when the record comes from a seed.
    public var findingsOriginal: String?
    /// Mechanisms invoked (kind `mechanism`).
    public var mechanisms: [String]
    /// Molecules measured or implicated (kind `molecule`).
    public var molecules: [String]
    /// Pathways implicated (kind `pathway`).
    public var pathways: [String]
    /// Outcome measures used (kind `outcome-measure`).
    public var outcomeMeasures: [String]
    /// Quantitative outcomes as treated-vs-control pairs, when reported so.
    public var outcomes: [OutcomeResult]
    /// The groups of animals, when the record distinguishes them (multi-arm rows, user evidence).
    public var arms: [ExperimentArm]
    /// Per-arm outcome summaries (arm × outcome × time point); see ``pairedOutcomes``.
    public var measurements: [OutcomeMeasurement]
    /// Results the source gives only relative to a comparator (percent change, proportion).
    public var relativeResults: [RelativeResult]
    /// Fields whose values were derived, each with its assumption.
    public var derived: [DerivedValue]
    /// The publication reporting the experiment (``Publication/id``).
    public var publication: String?
    public var provenance: [Provenance]

    public init(
        id: String, conditions: [String], phase: String? = nil, species: String? = nil,
        model: String? = nil, modelStated: String? = nil, source: String? = nil,
        origin: [String] = [], productForm: String? = nil, routes: [String] = [],
        site: String? = nil, dose: CellDose? = nil, administrations: Int? = nil,
        administrationsStated: String? = nil, interval: String? = nil, volume: String? = nil,
        vehicle: String? = nil, timeAfterInjury: TimeAfterInjury? = nil, findings: String,
        findingsOriginal: String? = nil, mechanisms: [String] = [], molecules: [String] = [],
        pathways: [String] = [], outcomeMeasures: [String] = [], outcomes: [OutcomeResult] = [],
        arms: [ExperimentArm] = [], measurements: [OutcomeMeasurement] = [],
        relativeResults: [RelativeResult] = [], derived: [DerivedValue] = [],
        publication: String? = nil, provenance: [Provenance]
    ) {
        self.id = id
        self.conditions = conditions
        self.phase = phase
        self.species = species
        self.model = model
        self.modelStated = modelStated
        self.source = source
        self.origin = origin
        self.productForm = productForm
        self.routes = routes
        self.site = site
        self.dose = dose
        self.administrations = administrations
        self.administrationsStated = administrationsStated
        self.interval = interval
        self.volume = volume
        self.vehicle = vehicle
        self.timeAfterInjury = timeAfterInjury
        self.findings = findings
        self.findingsOriginal = findingsOriginal
        self.mechanisms = mechanisms
        self.molecules = molecules
        self.pathways = pathways
        self.outcomeMeasures = outcomeMeasures
        self.outcomes = outcomes
        self.arms = arms
        self.measurements = measurements
        self.relativeResults = relativeResults
        self.derived = derived
        self.publication = publication
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id, conditions, phase, species, model
        case modelStated = "model_stated"
        case source, origin
        case productForm = "product_form"
        case routes, site, dose, administrations
        case administrationsStated = "administrations_stated"
        case interval, volume, vehicle
        case timeAfterInjury = "time_after_injury"
        case findings
        case findingsOriginal = "findings_original"
        case mechanisms, molecules, pathways
        case outcomeMeasures = "outcome_measures"
        case outcomes, arms, measurements
        case relativeResults = "relative_results"
        case derived, publication, provenance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        conditions = try c.decode([String].self, forKey: .conditions)
        phase = try c.decodeIfPresent(String.self, forKey: .phase)
        species = try c.decodeIfPresent(String.self, forKey: .species)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        modelStated = try c.decodeIfPresent(String.self, forKey: .modelStated)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        origin = try c.decodeIfPresent([String].self, forKey: .origin) ?? []
        productForm = try c.decodeIfPresent(String.self, forKey: .productForm)
        routes = try c.decodeIfPresent([String].self, forKey: .routes) ?? []
        site = try c.decodeIfPresent(String.self, forKey: .site)
        dose = try c.decodeIfPresent(CellDose.self, forKey: .dose)
        administrations = try c.decodeIfPresent(Int.self, forKey: .administrations)
        administrationsStated = try c.decodeIfPresent(String.self, forKey: .administrationsStated)
        interval = try c.decodeIfPresent(String.self, forKey: .interval)
        volume = try c.decodeIfPresent(String.self, forKey: .volume)
        vehicle = try c.decodeIfPresent(String.self, forKey: .vehicle)
        timeAfterInjury = try c.decodeIfPresent(TimeAfterInjury.self, forKey: .timeAfterInjury)
        findings = try c.decode(String.self, forKey: .findings)
        findingsOriginal = try c.decodeIfPresent(String.self, forKey: .findingsOriginal)
        mechanisms = try c.decodeIfPresent([String].self, forKey: .mechanisms) ?? []
        molecules = try c.decodeIfPresent([String].self, forKey: .molecules) ?? []
        pathways = try c.decodeIfPresent([String].self, forKey: .pathways) ?? []
        outcomeMeasures = try c.decodeIfPresent([String].self, forKey: .outcomeMeasures) ?? []
        outcomes = try c.decodeIfPresent([OutcomeResult].self, forKey: .outcomes) ?? []
        arms = try c.decodeIfPresent([ExperimentArm].self, forKey: .arms) ?? []
        measurements = try c.decodeIfPresent([OutcomeMeasurement].self, forKey: .measurements) ?? []
        relativeResults = try c.decodeIfPresent([RelativeResult].self, forKey: .relativeResults) ?? []
        derived = try c.decodeIfPresent([DerivedValue].self, forKey: .derived) ?? []
        publication = try c.decodeIfPresent(String.self, forKey: .publication)
        provenance = try c.decode([Provenance].self, forKey: .provenance)
    }

    /// Every vocabulary reference the record makes, for validation and indexing.
    public var termReferences: [TermReference] {
        var refs = conditions.map { TermReference(.condition, $0) }
        if let phase { refs.append(TermReference(.diseasePhase, phase)) }
        if let species { refs.append(TermReference(.species, species)) }
        if let model { refs.append(TermReference(.diseaseModel, model)) }
        if let source { refs.append(TermReference(.cellSource, source)) }
        refs += origin.map { TermReference(.origin, $0) }
        if let productForm { refs.append(TermReference(.productForm, productForm)) }
        refs += routes.map { TermReference(.route, $0) }
        refs += mechanisms.map { TermReference(.mechanism, $0) }
        refs += molecules.map { TermReference(.molecule, $0) }
        refs += pathways.map { TermReference(.pathway, $0) }
        refs += outcomeMeasures.map { TermReference(.outcomeMeasure, $0) }
        refs += outcomes.map { TermReference(.outcomeMeasure, $0.measure) }
        for arm in arms {
            if let source = arm.source { refs.append(TermReference(.cellSource, source)) }
            if let form = arm.productForm { refs.append(TermReference(.productForm, form)) }
            if let route = arm.route { refs.append(TermReference(.route, route)) }
        }
        refs += measurements.map { TermReference(.outcomeMeasure, $0.measure) }
        refs += relativeResults.compactMap { $0.measure.map { TermReference(.outcomeMeasure, $0) } }
        return refs
    }
}
