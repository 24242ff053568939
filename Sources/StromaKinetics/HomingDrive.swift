import Foundation

/// The SDF-1/CXCL12 homing drive from the lesion as a function of time since injury.
///
/// τ = t + t_admin (hours since injury), `S(τ) = (τ/t_peak)^n · exp(n(1 − τ/t_peak))` for τ > 0
/// (S = 1 at t_peak, 0 before injury), and `H = 1 + H_max · S/(S50 + S)`. H multiplies the
/// lesion transmigration (ktm0), CSF-to-lesion (k_csf_les0) and parenchymal migration (k_mig0)
/// rates. Defaults H_max 4, S50 0.5, t_peak 48 h, n 2 are assumptions (model notes §2.4, §3.2).
public struct HomingDrive: Sendable, Equatable {
    public var hMax: Double
    public var s50: Double
    public var tPeak: Double
    public var n: Double
    /// Hours from injury to t = 0 of the simulation (first administration).
    public var tAdmin: Double

    public init(hMax: Double, s50: Double, tPeak: Double, n: Double, tAdmin: Double) {
        self.hMax = hMax
        self.s50 = s50
        self.tPeak = tPeak
        self.n = n
        self.tAdmin = tAdmin
    }

    /// S(τ) at simulation time t.
    public func signal(at t: Double) -> Double {
        let tau = t + tAdmin
        guard tau > 0 else { return 0 }
        let x = tau / tPeak
        return Foundation.pow(x, n) * Foundation.exp(n * (1 - x))
    }

    /// H(t) = 1 + H_max · S/(S50 + S).
    public func value(at t: Double) -> Double {
        let s = signal(at: t)
        return 1 + hMax * s / (s50 + s)
    }
}
