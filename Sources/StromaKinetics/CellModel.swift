import Foundation

/// The whole-body MSC model as data: a list of states and first-order transfers.
///
/// Every transfer moves cells (or label) from one state to another at `rate · x_from`, or at
/// `rate · H(t) · x_from` when `driven` (H = ``HomingDrive``). Cell death moves viable cells to
/// the dead-cell label of the same organ; CSF lymphatic and nasal clearance move cells to
/// `CLR` (cleared). The sum of all states is therefore the administered dose at all times.
/// The same value drives the solver (``CellModel/matrices()``) and the SBML export.
/// Structure and equations: model notes §2 (`docs/kinetics-model.md`).
public struct CellModel: Sendable {
    /// A state of the model (SBML species).
    public struct State: Sendable, Equatable {
        public enum Kind: String, Sendable, Codable { case viable, label, cleared }
        /// Identifier (`V`, `T_LU`, `L_LI`, `CLR`, …), valid as an SBML id.
        public var id: String
        public var kind: Kind
        /// Organ compartment the state belongs to (SBML compartment id).
        public var compartment: String
        public var description: String
    }

    /// A first-order transfer `from → to` with rate constant `rate` (1/h).
    public struct Transfer: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var rate: Double
        /// Whether the rate is multiplied by the homing drive H(t).
        public var driven: Bool
        /// The formula of `rate` in the notes' parameter names, for example `CO*E_LU/V_ven`.
        public var formula: String
    }

    public var states: [State]
    public var transfers: [Transfer]
    public var drive: HomingDrive
    public var physiology: Physiology

    /// Index of a state by id (precondition: the id exists).
    public func index(_ id: String) -> Int {
        guard let i = states.firstIndex(where: { $0.id == id }) else {
            preconditionFailure("no state \(id)")
        }
        return i
    }

    /// Dense constant (A0) and driven (A1) rate matrices, row-major n×n:
    /// dx/dt = (A0 + H(t)·A1) x.
    ///
    /// Columns sum to zero (mass is conserved).
    public func matrices() -> (constant: Matrix, driven: Matrix) {
        let n = states.count
        var a0 = Matrix(n: n)
        var a1 = Matrix(n: n)
        for t in transfers {
            if t.driven {
                a1[t.to, t.from] += t.rate
                a1[t.from, t.from] -= t.rate
            } else {
                a0[t.to, t.from] += t.rate
                a0[t.from, t.from] -= t.rate
            }
        }
        return (a0, a1)
    }
}
