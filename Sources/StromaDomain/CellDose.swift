/// A cell dose as the source states it, plus what can be derived from it.
///
/// `stated` keeps the source's own words (`"1 × 10^6 cells/dose"`, `"5 μl conditioned medium"`).
/// `cells` and `basis` are the parsed count and what it is counted per; `cellsPerKg` is filled only
/// when derivable, and then `derivation` says how (for example the body weight assumed for a
/// 250 g rat). A dose that is not a cell count (conditioned medium, exosome protein) has
/// `cells == nil` and an `amount` with its `unit`.
public struct CellDose: Sendable, Codable, Equatable, Hashable {
    /// What the count is relative to.
    public enum Basis: String, Sendable, Codable, Hashable, CaseIterable {
        /// Per administration to one animal or patient.
        case perAdministration = "per-administration"
        /// Per kilogram of body weight, per administration.
        case perKilogram = "per-kg"
        /// The total over all administrations.
        case total
        /// The source does not say.
        case unspecified
    }

    /// The dose in the source's words.
    public var stated: String
    /// Parsed number of cells, when the dose is a cell count.
    public var cells: Double?
    public var basis: Basis
    /// For non-cell doses: the amount (for example 5 for "5 μl conditioned medium").
    public var amount: Double?
    /// Unit of `amount` (for example `μl`, `μg protein`).
    public var unit: String?
    /// Cells per kg body weight per administration, when derivable.
    public var cellsPerKg: Double?
    /// How `cellsPerKg` was derived, including any assumed body weight.
    public var derivation: String?

    public init(
        stated: String, cells: Double? = nil, basis: Basis = .unspecified,
        amount: Double? = nil, unit: String? = nil, cellsPerKg: Double? = nil,
        derivation: String? = nil
    ) {
        self.stated = stated
        self.cells = cells
        self.basis = basis
        self.amount = amount
        self.unit = unit
        self.cellsPerKg = cellsPerKg
        self.derivation = derivation
    }

    enum CodingKeys: String, CodingKey {
        case stated, cells, basis, amount, unit
        case cellsPerKg = "cells_per_kg"
        case derivation
    }
}
