import Foundation
import StromaStatistics

/// `stroma-bench meta --data DIR`: times the meta-analysis engine on the CSV files that
/// `scripts/bench/meta.sh` writes (columns `yi,vi`), with the same tasks and sampling scheme as
/// `scripts/bench/meta_metafor.R`, and prints one tab-separated line per task:
/// `task, median seconds per call, samples, calls per sample, check value`.
enum MetaBench {
    /// One benchmark task: the data file and the work timed (returns a value to check both sides agree).
    struct Task: Sendable {
        var name: String
        var file: String
        var work: @Sendable ([Double], [Double]) throws -> Double
    }

    static let tasks: [Task] = [
        Task(name: "reml_k20", file: "k20.csv") { yi, vi in try MetaAnalysis.fit(yi: yi, vi: vi).tau2 },
        Task(name: "reml_k1000", file: "k1000.csv") { yi, vi in try MetaAnalysis.fit(yi: yi, vi: vi).tau2 },
        Task(name: "reml_k10000", file: "k10000.csv") { yi, vi in try MetaAnalysis.fit(yi: yi, vi: vi).tau2 },
        Task(name: "permutation_1000_k20", file: "k20.csv") { yi, vi in
            try MetaAnalysis.fit(yi: yi, vi: vi).permutationTest(iterations: 1000).coefficientPValues[0]
        },
        Task(name: "leave1out_k100", file: "k100.csv") { yi, vi in
            try MetaAnalysis.fit(yi: yi, vi: vi).leaveOneOut()[0].estimate
        },
        Task(name: "influence_k100", file: "k100.csv") { yi, vi in
            try MetaAnalysis.fit(yi: yi, vi: vi).influence()[0].cooksDistance
        },
    ]

    static func run(arguments: [String]) throws {
        guard let index = arguments.firstIndex(of: "--data"), index + 1 < arguments.count else {
            throw BenchError("usage: stroma-bench meta --data DIR (see scripts/bench/meta.sh)")
        }
        let directory = URL(fileURLWithPath: arguments[index + 1])
        print(["task", "median_s", "samples", "calls", "check"].joined(separator: "\t"))
        for task in tasks {
            let (yi, vi) = try read(directory.appendingPathComponent(task.file))
            var check = 0.0
            let timing = try measure { check = try task.work(yi, vi) }
            print(
                [task.name, "\(timing.median)", "\(timing.samples)", "\(timing.calls)", "\(check)"]
                    .joined(separator: "\t"))
        }
    }

    /// The sampling scheme shared with the R script: one warm-up call of duration t; calls per sample
    /// n = ⌈0.02 s / t⌉; samples = clamp(⌊2 s / (n t)⌋, 3, 21); the median of per-call times (a warm-up
    /// call over 30 s is the only sample).
    static func measure(_ body: () throws -> Void) throws -> (median: Double, samples: Int, calls: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let once = max(1e-9, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        if once > 30 { return (once, 1, 1) }
        let calls = max(1, Int((0.02 / once).rounded(.up)))
        let samples = min(21, max(3, Int(2.0 / (Double(calls) * once))))
        var times: [Double] = []
        for _ in 0..<samples {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<calls { try body() }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 / Double(calls))
        }
        times.sort()
        return (times[times.count / 2], samples, calls)
    }

    /// Reads `yi,vi` columns (header first).
    static func read(_ url: URL) throws -> ([Double], [Double]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var yi: [Double] = []
        var vi: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count >= 2, let y = Double(fields[0]), let v = Double(fields[1]) else {
                throw BenchError("file '\(url.lastPathComponent)': bad line '\(line)'")
            }
            yi.append(y)
            vi.append(v)
        }
        return (yi, vi)
    }
}

/// A one-line benchmark error.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
