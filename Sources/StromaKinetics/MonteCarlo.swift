import Foundation

/// Monte Carlo over parameters and virtual subjects with percentile bands.
///
/// Each sample draws every parameter whose distribution is not `fixed` (lognormal: median =
/// default, σ = ln(high/low)/3.92, truncated to [low, high]; uniform on [low, high]). Body
/// weight `BW` and lesion size `f_les` are the virtual-subject variables. Sample i uses its own
/// xoshiro256** stream seeded with `seed` and i, so results do not depend on the number of
/// threads. Samples run in parallel with `DispatchQueue.concurrentPerform`; workers take blocks of
/// 16 samples from a shared counter (so a core slowed by other load does not hold up the run),
/// and the percentile bands are computed in parallel over the quantities.
public struct MonteCarlo: Sendable {
    public var samples: Int
    public var seed: UInt64
    public var threads: Int
    /// Largest integrator step for the samples (h).
    ///
    /// Default 4 h (the single-run default is 2 h;
    /// with the default output grid both become 2^k/12 h: 8/3 and 4/3 h): on every species ×
    /// route, 14 days with two doses, the Monte Carlo steps differ from a fine run (h_max 1/8 h)
    /// by at most 3.1e-6 relative where a state exceeds 1e-6 of the dose (human IA;
    /// StepSizeTests), far below the spread of the bands.
    public var maxStep: Double

    public init(
        samples: Int, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        maxStep: Double = 4
    ) {
        self.samples = samples
        self.seed = seed
        self.threads = max(1, threads)
        self.maxStep = maxStep
    }

    /// Percentile bands of one quantity over time.
    public struct Band: Sendable, Encodable {
        public var quantity: String
        public var p05: [Double]
        public var p50: [Double]
        public var p95: [Double]
    }

    public struct Result: Sendable, Encodable {
        public var samples: Int
        public var seed: UInt64
        public var failed: Int
        public var times: [Double]
        public var bands: [Band]

        enum CodingKeys: String, CodingKey {
            case samples, seed, failed, bands
            case times = "time_h"
        }

        public func band(_ quantity: String) -> Band? { bands.first { $0.quantity == quantity } }
    }

    /// Draws one parameter set.
    public static func draw(_ base: ParameterSet, rng: inout Xoshiro256) -> ParameterSet {
        var p = base
        for parameter in base.parameters where parameter.distribution != .fixed {
            guard let lo = parameter.low, let hi = parameter.high, hi > lo else { continue }
            let v: Double
            switch parameter.distribution {
            case .uniform:
                v = lo + (hi - lo) * rng.uniform()
            case .lognormal:
                let sigma = Foundation.log(hi / max(lo, 1e-300)) / 3.92
                let median = max(parameter.value, 1e-300)
                v = min(hi, max(lo, median * Foundation.exp(sigma * rng.normal())))
            case .fixed:
                continue
            }
            try? p.set(parameter.name, to: v, source: "Monte Carlo draw")
        }
        return p
    }

    /// Quantities recorded per sample: `<organ>_viable_pct` and `<organ>_label_pct` for every
    /// organ group, plus `lesion_cells`.
    public func run(_ scenario: Scenario, parameters: ParameterSet) throws -> Result {
        try scenario.validate()
        guard samples >= 1 else {
            throw KineticsError("number of samples '\(samples)' is invalid; it must be ≥ 1")
        }
        guard maxStep.isFinite, maxStep > 0 else {
            throw KineticsError("Monte Carlo step '\(maxStep) h' is invalid; it must be > 0 hours")
        }
        let base = try Simulation.run(scenario, parameters: parameters, derived: false)
        let names = base.organs.flatMap { ["\($0.organ)_viable_pct", "\($0.organ)_label_pct"] } + ["lesion_cells"]
        let nt = base.times.count
        let nq = names.count
        let store = SampleStore(count: samples * nq * nt)
        let seed = self.seed
        let total = samples
        let integrator = ExponentialIntegrator(maxStep: maxStep)
        let counter = BlockCounter(total: total, block: 16)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let block = counter.next() {
                for i in block {
                    var rng = Xoshiro256(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(i))
                    let p = MonteCarlo.draw(parameters, rng: &rng)
                    guard let r = try? Simulation.run(scenario, parameters: p, integrator: integrator, derived: false)
                    else {
                        store.fail()
                        store.fill(sample: i, nq: nq, nt: nt, value: .nan)
                        continue
                    }
                    var values = [Double](repeating: 0, count: nq * nt)
                    var q = 0
                    for organ in r.organs {
                        for k in 0..<nt {
                            values[q * nt + k] = organ.viablePercent[k]
                            values[(q + 1) * nt + k] = organ.labelPercent[k]
                        }
                        q += 2
                    }
                    let lesion = r.organ("lesion")!.viable
                    for k in 0..<nt { values[q * nt + k] = lesion[k] }
                    store.write(sample: i, values: values)
                }
            }
        }
        let bandStore = BandStore(count: nq)
        let all = store.values
        DispatchQueue.concurrentPerform(iterations: nq) { q in
            var p05 = [Double](), p50 = [Double](), p95 = [Double]()
            var column = [Double]()
            column.reserveCapacity(total)
            for k in 0..<nt {
                column.removeAll(keepingCapacity: true)
                for i in 0..<total {
                    let v = all[i * nq * nt + q * nt + k]
                    if !v.isNaN { column.append(v) }
                }
                column.sort()
                p05.append(Self.quantile(column, 0.05))
                p50.append(Self.quantile(column, 0.5))
                p95.append(Self.quantile(column, 0.95))
            }
            bandStore.set(q, Band(quantity: names[q], p05: p05, p50: p50, p95: p95))
        }
        let bands = bandStore.bands.map { $0! }
        return Result(samples: samples, seed: seed, failed: store.failures, times: base.times, bands: bands)
    }

    /// Linear-interpolation quantile (type 7) of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

/// Hands out consecutive blocks of sample indices to the workers.
final class BlockCounter: @unchecked Sendable {
    private var next0 = 0
    private let total: Int
    private let block: Int
    private let lock = NSLock()

    init(total: Int, block: Int) {
        self.total = total
        self.block = block
    }

    func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next0 < total else { return nil }
        let r = next0..<min(total, next0 + block)
        next0 = r.upperBound
        return r
    }
}

/// Thread-safe storage of the bands, one slot per quantity.
final class BandStore: @unchecked Sendable {
    private(set) var bands: [MonteCarlo.Band?]
    private let lock = NSLock()

    init(count: Int) { bands = [MonteCarlo.Band?](repeating: nil, count: count) }

    func set(_ q: Int, _ band: MonteCarlo.Band) {
        lock.lock()
        bands[q] = band
        lock.unlock()
    }
}

/// Thread-safe sample storage; each sample writes its own disjoint slice.
final class SampleStore: @unchecked Sendable {
    var values: [Double]
    private(set) var failures = 0
    private let lock = NSLock()

    init(count: Int) { values = [Double](repeating: .nan, count: count) }

    func write(sample: Int, values v: [Double]) {
        lock.lock()
        let base = sample * v.count
        for j in 0..<v.count { values[base + j] = v[j] }
        lock.unlock()
    }

    func fill(sample: Int, nq: Int, nt: Int, value: Double) {
        write(sample: sample, values: [Double](repeating: value, count: nq * nt))
    }

    func fail() {
        lock.lock()
        failures += 1
        lock.unlock()
    }
}
