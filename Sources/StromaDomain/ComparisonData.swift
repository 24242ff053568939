/// The raw numbers of one comparison, by data kind.
///
/// | case | columns | measures it supports |
/// |---|---|---|
/// | `effect` | `yi, vi` | any (already computed) |
/// | `continuous` | `n1, m1, sd1, n2, m2, sd2` (+ `m_sham`, `error_type`) | MD, SMD, SMDH, ROM, NMD |
/// | `twoByTwo` | `ai, bi, ci, di` | RR, OR, RD |
/// | `correlation` | `ri, ni` | ZCOR |
/// | `proportion` | `xi, ni` | PLO, PFT |
public enum ComparisonData: Sendable, Hashable, Codable {
    /// A precomputed effect size `yi` with sampling variance `vi`.
    case effect(yi: Double, vi: Double)
    /// Group sizes, means and dispersions of a treated (1) and control (2) group.
    case continuous(ContinuousArms)
    /// A 2×2 table: events `ai` / non-events `bi` in group 1, `ci` / `di` in group 2.
    case twoByTwo(ai: Double, bi: Double, ci: Double, di: Double)
    /// A correlation `ri` from `ni` subjects.
    case correlation(ri: Double, ni: Double)
    /// `xi` events out of `ni` subjects (single group).
    case proportion(xi: Double, ni: Double)

    /// The data kind's name as used in messages and documentation.
    public var kindName: String {
        switch self {
        case .effect: "yi,vi"
        case .continuous: "n1,m1,sd1,n2,m2,sd2"
        case .twoByTwo: "ai,bi,ci,di"
        case .correlation: "ri,ni"
        case .proportion: "xi,ni"
        }
    }
}

/// Summary data of two groups with continuous outcomes.
///
/// `n1`/`n2` are `Double` because a shared control group is split between comparisons
/// (n₂′ = n₂/g), which can give fractional sizes. `sd1`/`sd2` are standard deviations when
/// `errorType == .sd` and standard errors of the mean when `.sem` (SD = SEM·√n, with the
/// group's real size). `mSham` is the sham (normal) group mean used by the normalised mean
/// difference (NMD).
public struct ContinuousArms: Sendable, Hashable, Codable {
    public var n1: Double
    public var m1: Double
    public var sd1: Double
    public var n2: Double
    public var m2: Double
    public var sd2: Double
    public var mSham: Double?
    public var errorType: DispersionType

    public init(
        n1: Double, m1: Double, sd1: Double, n2: Double, m2: Double, sd2: Double,
        mSham: Double? = nil, errorType: DispersionType = .sd
    ) {
        self.n1 = n1
        self.m1 = m1
        self.sd1 = sd1
        self.n2 = n2
        self.m2 = m2
        self.sd2 = sd2
        self.mSham = mSham
        self.errorType = errorType
    }

    /// The same arms with dispersions as standard deviations (SD = SEM·√n when given as SEM).
    public var withStandardDeviations: ContinuousArms {
        guard errorType == .sem else { return self }
        var copy = self
        copy.sd1 = sd1 * n1.squareRoot()
        copy.sd2 = sd2 * n2.squareRoot()
        copy.errorType = .sd
        return copy
    }
}

/// How the dispersion of a group mean was reported.
public enum DispersionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Standard deviation.
    case sd = "SD"
    /// Standard error of the mean.
    case sem = "SEM"
}
