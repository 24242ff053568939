/// Filters for ``StromaStore/experiments(_:)``.
///
/// Each field is a term name (id, label or synonym,
/// any case, Chinese too) of the kind in the comment; a broader term includes its narrower
/// terms (route `intravenous` includes `tail-vein`). Filters combine with AND; `nil` is no
/// filter.
public struct ExperimentQuery: Sendable, Equatable {
    /// Kind `condition`.
    public var condition: String?
    /// Kind `cell-source`.
    public var source: String?
    /// Kind `route`.
    public var route: String?
    /// Kind `species`.
    public var species: String?
    /// Kind `disease-phase`.
    public var phase: String?
    /// Kind `disease-model`.
    public var model: String?
    /// Kind `product-form`.
    public var productForm: String?

    public init(
        condition: String? = nil, source: String? = nil, route: String? = nil,
        species: String? = nil, phase: String? = nil, model: String? = nil,
        productForm: String? = nil
    ) {
        self.condition = condition
        self.source = source
        self.route = route
        self.species = species
        self.phase = phase
        self.model = model
        self.productForm = productForm
    }
}

/// Filters for ``StromaStore/trials(_:)``: terms as in ``ExperimentQuery``; `phase` is a
/// registry phase (see ``TrialPhase``).
public struct TrialQuery: Sendable, Equatable {
    /// Kind `condition`.
    public var condition: String?
    /// Kind `cell-source`.
    public var source: String?
    /// Kind `route`.
    public var route: String?
    /// A registry phase: `PHASE2`, `phase 2`, `2`, `II`, `early-phase-1`, `NA`….
    public var phase: String?

    public init(
        condition: String? = nil, source: String? = nil, route: String? = nil,
        phase: String? = nil
    ) {
        self.condition = condition
        self.source = source
        self.route = route
        self.phase = phase
    }
}

/// Filters for ``StromaStore/claims(_:)``.
public struct ClaimQuery: Sendable, Equatable {
    /// A term of any kind that is the claim's subject.
    public var subject: String?
    /// A mechanism (kind `mechanism`) in the subject, object or context.
    public var mechanism: String?
    /// A condition (kind `condition`) in the subject, object or context.
    public var condition: String?

    public init(subject: String? = nil, mechanism: String? = nil, condition: String? = nil) {
        self.subject = subject
        self.mechanism = mechanism
        self.condition = condition
    }
}

/// Registry trial phases and how typed phases map to them.
public enum TrialPhase {
    /// The registry spellings, in order.
    public static let all = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"]

    /// The registry spelling of a typed phase, or `nil`.
    ///
    /// Rule: upper-case, drop spaces, `-`, `_` and `/`, drop a leading `PHASE`; then `1`–`4`
    /// or `I`–`IV` → `PHASEn`, `EARLY1`/`EARLYPHASE1`/`0` → `EARLY_PHASE1`, `NA` → `NA`.
    public static func normalize(_ text: String) -> String? {
        var key = text.uppercased().filter { !" -_/".contains($0) }
        if key.hasPrefix("EARLYPHASE") { key = "EARLY" + key.dropFirst("EARLYPHASE".count) }
        if key.hasPrefix("PHASE") { key = String(key.dropFirst("PHASE".count)) }
        switch key {
        case "1", "I": return "PHASE1"
        case "2", "II": return "PHASE2"
        case "3", "III": return "PHASE3"
        case "4", "IV": return "PHASE4"
        case "EARLY1", "EARLYI", "0": return "EARLY_PHASE1"
        case "NA": return "NA"
        default: return nil
        }
    }
}
