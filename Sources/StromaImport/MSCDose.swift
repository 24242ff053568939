import StromaDomain

/// A dose read from a registry text: a cell count, or an amount of a cell-free product.
///
/// Cell counts are normalised to plain numbers of cells (`"1 x 10(6)/kg"` → `1e6`, basis
/// `per-kg`; `"100 million cells"` → `1e8`). A range (`"1-2 × 10^6 cells/kg"`) keeps both ends
/// in `cells` and `cellsHigh`. Cell-free products (conditioned medium, extracellular vesicles)
/// keep `amount` and `unit` (`100`, `µg`; `1e10`, `particles`).
public struct MSCDose: Sendable, Codable, Equatable, Hashable {
    /// The dose in the record's words.
    public var stated: String
    /// Number of cells (the lower end of a range).
    public var cells: Double?
    /// The upper end of a range, when the record gives one.
    public var cellsHigh: Double?
    /// What the count is relative to.
    public var basis: CellDose.Basis
    /// For non-cell doses: the amount.
    public var amount: Double?
    /// For non-cell doses: the unit (`µg`, `mg`, `mL`, `particles`).
    public var unit: String?

    public init(
        stated: String, cells: Double? = nil, cellsHigh: Double? = nil,
        basis: CellDose.Basis = .unspecified, amount: Double? = nil, unit: String? = nil
    ) {
        self.stated = stated
        self.cells = cells
        self.cellsHigh = cellsHigh
        self.basis = basis
        self.amount = amount
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey {
        case stated, cells
        case cellsHigh = "cells_high"
        case basis, amount, unit
    }

    /// The domain ``CellDose``: a range keeps `cells == nil` (the stated words say both ends);
    /// `cellsPerKg` is filled only when the basis is per kilogram.
    public var cellDose: CellDose {
        let single = cellsHigh == nil ? cells : nil
        return CellDose(
            stated: stated, cells: single, basis: basis, amount: amount, unit: unit,
            cellsPerKg: basis == .perKilogram ? single : nil,
            derivation: basis == .perKilogram && single != nil ? "stated per kg in the registry" : nil
        )
    }
}
