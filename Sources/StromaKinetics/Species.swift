/// Species with a bundled physiology parameter set.
public enum Species: String, Sendable, Codable, CaseIterable {
    case mouse
    case rat
    case human

    /// FDA body-surface-area conversion factor Km (kg/m²): mouse 3, rat 6, human 37
    /// (FDA 2005, "Estimating the Maximum Safe Starting Dose…", Table 1) [R].
    public var km: Double {
        switch self {
        case .mouse: 3
        case .rat: 6
        case .human: 37
        }
    }

    /// Parses a species name; the error names the value and the valid ones.
    public static func parse(_ text: String) throws -> Species {
        guard let s = Species(rawValue: text.lowercased()) else {
            throw KineticsError("unknown species '\(text)'; valid: mouse, rat, human")
        }
        return s
    }

    /// The immune context used when none is given: xenogeneic human MSCs in immunodeficient
    /// rodents (the common preclinical design), allogeneic MSCs in humans.
    public var defaultContext: ImmuneContext {
        self == .human ? .allogeneic : .xenogeneic
    }
}

/// Immune context of the recipient, which sets the death rates of administered cells.
public enum ImmuneContext: String, Sendable, Codable, CaseIterable {
    /// Human MSCs in immunodeficient rodents (NOD/scid, nude).
    case xenogeneic
    /// Syngeneic MSCs in immunocompetent rodents.
    case syngeneic
    /// Allogeneic MSCs in humans.
    case allogeneic

    public static func parse(_ text: String) throws -> ImmuneContext {
        guard let c = ImmuneContext(rawValue: text.lowercased()) else {
            throw KineticsError(
                "unknown immune context '\(text)'; valid: xenogeneic, syngeneic, allogeneic")
        }
        return c
    }
}

/// Route of administration.
public enum AdministrationRoute: String, Sendable, Codable, CaseIterable {
    /// Intravenous (bolus or infusion).
    case iv = "IV"
    /// Intra-arterial (internal carotid / MCA), first pass into the ipsilateral hemisphere.
    case ia = "IA"
    /// Intracerebral (intraparenchymal, into or beside the lesion).
    case ic = "IC"
    /// Intracerebroventricular.
    case icv = "ICV"
    /// Intrathecal (lumbar).
    case it = "IT"
    /// Intranasal.
    case `in` = "IN"

    public static func parse(_ text: String) throws -> AdministrationRoute {
        guard let r = AdministrationRoute(rawValue: text.uppercased()) else {
            throw KineticsError("unknown route '\(text)'; valid: IV, IA, IC, ICV, IT, IN")
        }
        return r
    }
}
