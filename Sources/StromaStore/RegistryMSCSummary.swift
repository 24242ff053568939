/// The MSC extraction of one registry study as the store keeps it: the values the landscape
/// groups by, plus the whole extraction as JSON (`extraction`, written by the importer, which
/// owns its shape; see docs/msc-recognition.md).
public struct RegistryMSCSummary: Sendable, Equatable, Hashable {
    public var isMSC: Bool
    public var productForm: String?
    public var source: String?
    public var origin: String?
    public var routes: [String]
    /// Stroma condition ids.
    public var conditions: [String]
    public var doseCells: Double?
    public var doseBasis: String?
    public var administrations: Int?
    /// The full extraction, JSON.
    public var extraction: String

    public init(
        isMSC: Bool, productForm: String? = nil, source: String? = nil, origin: String? = nil,
        routes: [String] = [], conditions: [String] = [], doseCells: Double? = nil,
        doseBasis: String? = nil, administrations: Int? = nil, extraction: String
    ) {
        self.isMSC = isMSC
        self.productForm = productForm
        self.source = source
        self.origin = origin
        self.routes = routes
        self.conditions = conditions
        self.doseCells = doseCells
        self.doseBasis = doseBasis
        self.administrations = administrations
        self.extraction = extraction
    }
}
