import Dispatch
import Foundation

/// Result of ``MetaAnalysisResult/permutationTest(iterations:exact:seed:)`` (metafor `permutest.rma.uni`).
public struct PermutationTestResult: Sendable, Codable, Equatable {
    /// Number of permutations evaluated (all of them when exact).
    public var iterations: Int
    /// Whether every distinct permutation was enumerated (deterministic p-values).
    public var exact: Bool
    /// Seed of the random generator (nil when exact).
    public var seed: UInt64?
    /// Observed z (or t) statistics, one per coefficient.
    public var observedStatistics: [Double]
    /// Two-sided permutation p-values per coefficient: share with |z*| ≥ |z| − √ε.
    public var coefficientPValues: [Double]
    /// Permutation p-value of the omnibus QM (moderators; intercept-only: the intercept's test).
    public var omnibusPValue: Double
    /// Permutations whose refit failed and were skipped (metafor `na.rm`).
    public var failedFits: Int
    /// "sign-flip" (intercept-only) or "row-permutation" (moderators).
    public var scheme: String
}

extension MetaAnalysisResult {
    /// Permutation test: sign flips of yᵢ for intercept-only models (2^k patterns), permutation of the
    /// rows of X otherwise (k!/∏ nⱼ! distinct patterns).
    ///
    /// Runs exactly when `exact` or when the
    /// number of distinct patterns ≤ `iterations` (as metafor); otherwise random with the first
    /// permutation the observed data. τ² is re-estimated for every permutation. Work is split over
    /// the available cores with per-chunk generators derived from `seed` (deterministic).
    public func permutationTest(iterations: Int = 1000, exact: Bool = false, seed: UInt64 = 20_240_601) throws
        -> PermutationTestResult
    {
        let engine = RMAEngine(y: yi, v: vi, design: design)
        guard let observed = engine.quickFit(options: options, tau2: tau2) else {
            throw StatisticsError("permutation test: the observed model cannot be refitted")
        }
        let comptol = Double.ulpOfOne.squareRoot()
        let interceptOnly = p == 1
        // Decide exact versus random.
        var exactCount = Double.infinity
        var rowTypes: [Int] = []
        if interceptOnly {
            exactCount = Foundation.pow(2, Double(k))
        } else {
            var seen: [[Double]] = []
            for i in 0..<k {
                let row = Array(design.values[(i * p)..<((i + 1) * p)])
                if let j = seen.firstIndex(of: row) {
                    rowTypes.append(j)
                } else {
                    seen.append(row); rowTypes.append(seen.count - 1)
                }
            }
            var counts = [Int](repeating: 0, count: seen.count)
            for t in rowTypes { counts[t] += 1 }
            var logCount = SpecialFunctions.logGamma(Double(k + 1))
            for c in counts { logCount -= SpecialFunctions.logGamma(Double(c + 1)) }
            exactCount = logCount < 40 ? Foundation.exp(logCount).rounded() : .infinity
        }
        let runExact = exact || exactCount <= Double(iterations)
        if runExact && exactCount > 5e7 {
            throw StatisticsError("permutation test: exact enumeration needs \(exactCount) refits; use 'exact: false'")
        }
        let total = runExact ? Int(exactCount) : iterations
        let chunks = Swift.min(8, Swift.max(1, total))
        let perChunk = (total + chunks - 1) / chunks
        let typesSorted = rowTypes.sorted()
        let tally = PermutationTally(p: p)
        let rowTypesFixed = rowTypes
        let opts = options
        let obsZ = observed.zval.map { Swift.abs($0) - comptol }
        let obsQM = observed.qm - comptol
        let y0 = yi, v0 = vi, x0 = design.values, pp = p, kk = k
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * perChunk
            let end = Swift.min(total, start + perChunk)
            if start >= end { return }
            var rng = SplitMix64(seed: seed &+ UInt64(chunk) &* 0x9E37_79B9_7F4A_7C15)
            var ySigned = y0
            var xPerm = x0
            var localExceed = [Int](repeating: 0, count: pp)
            var localQM = 0, localValid = 0, localFailed = 0
            var multiset = typesSorted
            var typeRowsTemplate: [[Int]] = []
            if !interceptOnly {
                let nTypes = (rowTypesFixed.max() ?? 0) + 1
                typeRowsTemplate = [[Int]](repeating: [], count: nTypes)
                for (i, t) in rowTypesFixed.enumerated() { typeRowsTemplate[t].append(i) }
                if runExact { for _ in 0..<start { _ = Self.nextPermutation(&multiset) } }
            }
            for index in start..<end {
                if interceptOnly {
                    if runExact {
                        // metafor's expand.grid order: study 1 flips fastest; bit = 0 → +1.
                        for i in 0..<kk { ySigned[i] = (index >> i) & 1 == 0 ? y0[i] : -y0[i] }
                    } else if index == 0 {
                        ySigned = y0
                    } else {
                        for i in 0..<kk { ySigned[i] = rng.next() & 1 == 0 ? y0[i] : -y0[i] }
                    }
                    let e = RMAEngine(y: ySigned, v: v0, x: x0, p: 1)
                    guard let fit = e.quickFit(options: opts) else { localFailed += 1; continue }
                    localValid += 1
                    if Swift.abs(fit.zval[0]) >= obsZ[0] { localExceed[0] += 1 }
                    if fit.qm >= obsQM { localQM += 1 }
                } else {
                    var order: [Int]
                    if runExact {
                        var used = [Int](repeating: 0, count: typeRowsTemplate.count)
                        order = multiset.map { t in
                            defer { used[t] += 1 }; return typeRowsTemplate[t][used[t]]
                        }
                        _ = Self.nextPermutation(&multiset)
                    } else if index == 0 {
                        order = Array(0..<kk)
                    } else {
                        order = Array(0..<kk)
                        for i in stride(from: kk - 1, to: 0, by: -1) {
                            let j = Int(rng.next() % UInt64(i + 1))
                            order.swapAt(i, j)
                        }
                    }
                    for i in 0..<kk { for j in 0..<pp { xPerm[i * pp + j] = x0[order[i] * pp + j] } }
                    let e = RMAEngine(y: y0, v: v0, x: xPerm, p: pp)
                    guard let fit = e.quickFit(options: opts) else { localFailed += 1; continue }
                    localValid += 1
                    for j in 0..<pp where Swift.abs(fit.zval[j]) >= obsZ[j] { localExceed[j] += 1 }
                    if fit.qm >= obsQM { localQM += 1 }
                }
            }
            tally.add(exceed: localExceed, qm: localQM, valid: localValid, failed: localFailed)
        }
        let (exceedCoefficient, exceedQM, valid, failed) = tally.snapshot()
        let denominator = Double(Swift.max(valid, 1))
        return PermutationTestResult(
            iterations: total, exact: runExact, seed: runExact ? nil : seed,
            observedStatistics: observed.zval,
            coefficientPValues: exceedCoefficient.map { Swift.min(1, Double($0) / denominator) },
            omnibusPValue: Double(exceedQM) / denominator, failedFits: failed,
            scheme: interceptOnly ? "sign-flip" : "row-permutation")
    }

    /// Next lexicographic permutation of a multiset (distinct permutations only); false after the last.
    static func nextPermutation(_ a: inout [Int]) -> Bool {
        guard a.count > 1 else { return false }
        var i = a.count - 2
        while i >= 0 && a[i] >= a[i + 1] { i -= 1 }
        if i < 0 { a.reverse(); return false }
        var j = a.count - 1
        while a[j] <= a[i] { j -= 1 }
        a.swapAt(i, j)
        a[(i + 1)...].reverse()
        return true
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, seedable; adequate for permutation sampling.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Thread-safe accumulator of permutation counts across chunks.
private final class PermutationTally: @unchecked Sendable {
    private let lock = NSLock()
    private var exceed: [Int]
    private var qm = 0, valid = 0, failed = 0

    init(p: Int) { exceed = [Int](repeating: 0, count: p) }

    func add(exceed local: [Int], qm localQM: Int, valid localValid: Int, failed localFailed: Int) {
        lock.lock()
        defer { lock.unlock() }
        for j in 0..<exceed.count { exceed[j] += local[j] }
        qm += localQM
        valid += localValid
        failed += localFailed
    }

    func snapshot() -> ([Int], Int, Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        return (exceed, qm, valid, failed)
    }
}
