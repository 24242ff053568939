import StromaDomain

/// What ``MSCRecognizer`` read from one registry study: whether its intervention is MSC-based
/// and, if so, the product, source, origin, routes, dose and schedule, each with the record
/// field it came from.
///
/// A property that is `nil` (or an empty list) is *unknown*: the record did not say it in words
/// the recogniser knows. The JSON form writes unknown single values as the string `"unknown"`.
public struct MSCExtraction: Sendable, Equatable, Hashable {
    /// Whether the study tests an MSC-based product (cells, differentiated cells, conditioned
    /// medium or extracellular vesicles).
    public var isMSC: Bool
    /// The words that made the study MSC-based (nil when it is not).
    public var mscEvidence: MSCExtracted<String>?
    /// Product form id: `undifferentiated-cells`, `differentiated-cells`, `conditioned-medium`,
    /// `extracellular-vesicles`.
    public var productForm: MSCExtracted<String>?
    /// Cell-source id (`bone-marrow`, `adipose`, `umbilical-cord`, `whartons-jelly`, …).
    public var source: MSCExtracted<String>?
    /// Every distinct source mentioned in MSC texts, first-found first.
    public var sources: [MSCExtracted<String>]
    /// Origin ids (`autologous`, `allogeneic`); both when the record compares them.
    public var origins: [MSCExtracted<String>]
    /// Route ids, first-found first.
    public var routes: [MSCExtracted<String>]
    /// The first dose stated in an MSC text.
    public var dose: MSCExtracted<MSCDose>?
    /// Every dose stated in MSC texts (dose-escalation arms), first-found first.
    public var doses: [MSCExtracted<MSCDose>]
    /// Number of administrations per patient, when stated.
    public var administrations: MSCExtracted<Int>?
    /// The schedule phrase (`every 4 weeks`, `on days 0, 7 and 14`), when stated.
    public var schedule: MSCExtracted<String>?
    /// Stroma condition ids matched from conditions and MeSH terms.
    public var conditions: [MSCExtracted<String>]

    public init(
        isMSC: Bool, mscEvidence: MSCExtracted<String>? = nil,
        productForm: MSCExtracted<String>? = nil, source: MSCExtracted<String>? = nil,
        sources: [MSCExtracted<String>] = [], origins: [MSCExtracted<String>] = [],
        routes: [MSCExtracted<String>] = [], dose: MSCExtracted<MSCDose>? = nil,
        doses: [MSCExtracted<MSCDose>] = [], administrations: MSCExtracted<Int>? = nil,
        schedule: MSCExtracted<String>? = nil, conditions: [MSCExtracted<String>] = []
    ) {
        self.isMSC = isMSC
        self.mscEvidence = mscEvidence
        self.productForm = productForm
        self.source = source
        self.sources = sources
        self.origins = origins
        self.routes = routes
        self.dose = dose
        self.doses = doses
        self.administrations = administrations
        self.schedule = schedule
        self.conditions = conditions
    }

    /// A single origin id: the one stated, `nil` when none or when the record names both.
    public var origin: MSCExtracted<String>? {
        origins.count == 1 ? origins[0] : nil
    }
}
