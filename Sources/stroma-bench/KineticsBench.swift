import Foundation
import StromaKinetics

/// `stroma-bench kinetics OUTDIR [--reps N] [--samples N] [--threads N]`: times one 7-day
/// simulation (rat, xenogeneic, IV 1×10⁶ cells, default output grid) and a Monte Carlo run, and
/// writes the same scenario as SBML (`OUTDIR/rat-iv-7d.xml`), its output times
/// (`OUTDIR/times.txt`) and Stroma's state trajectories (`OUTDIR/stroma-states.csv`) so that
/// scripts/bench/kinetics_roadrunner.py can time libRoadRunner on the same model and compare.
///
/// Prints `key,value` lines (seconds are medians).
enum KineticsBench {
    static func runIfRequested() {
        let args = Array(CommandLine.arguments.dropFirst())
        guard args.first == "kinetics" else { return }
        do {
            try run(Array(args.dropFirst()))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("stroma-bench kinetics: \(error)\n".utf8))
            exit(1)
        }
    }

    static func option(_ args: [String], _ name: String, _ fallback: Int) -> Int {
        guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
        return v
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU seconds of `clock` (thread or process), less disturbed by other load than wall time.
    static func cpu(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func run(_ args: [String]) throws {
        guard let dir = args.first, !dir.hasPrefix("--") else {
            throw KineticsError("usage: stroma-bench kinetics OUTDIR [--reps N] [--samples N] [--threads N]")
        }
        let reps = option(args, "--reps", 50)
        let samples = option(args, "--samples", 10_000)
        let threads = option(args, "--threads", 2)
        let mcReps = option(args, "--mc-reps", 3)
        // Integrator of the timed single run (defaults: the library's); for accuracy studies.
        var integrator = ExponentialIntegrator()
        if let i = args.firstIndex(of: "--max-step"), i + 1 < args.count, let h = Double(args[i + 1]) {
            integrator.maxStep = h
        }
        integrator.levels = option(args, "--levels", integrator.levels)
        let out = URL(fileURLWithPath: dir)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let scenario = Scenario(species: .rat, route: .iv, dose: 1e6, until: 168)
        let parameters = try Simulation.parameters(for: scenario)
        let sbml = try SBMLExport.document(scenario: scenario, parameters: parameters)
        try sbml.write(to: out.appendingPathComponent("rat-iv-7d.xml"), atomically: true, encoding: .utf8)
        // Stroma's trajectories of the timed single run (cells only, default integrator), for the
        // accuracy comparison against a tight libRoadRunner reference.
        let reference = try Simulation.run(
            scenario, parameters: parameters, integrator: integrator, derived: false)
        try reference.times.map { String($0) }.joined(separator: ",")
            .write(to: out.appendingPathComponent("times.txt"), atomically: true, encoding: .utf8)
        let ids = reference.stateValues.keys.sorted()
        var csv = "time," + ids.map(SBMLExport.sbmlID).joined(separator: ",") + "\n"
        for (k, t) in reference.times.enumerated() {
            csv += "\(t)," + ids.map { String(reference.stateValues[$0]![k]) }.joined(separator: ",") + "\n"
        }
        try csv.write(to: out.appendingPathComponent("stroma-states.csv"), atomically: true, encoding: .utf8)

        var full: [Double] = [], cells: [Double] = [], cellsCPU: [Double] = []
        for _ in 0..<3 { _ = try Simulation.run(scenario, parameters: parameters) }
        for _ in 0..<reps {
            full.append(try time { _ = try Simulation.run(scenario, parameters: parameters) })
            let c0 = cpu(CLOCK_THREAD_CPUTIME_ID)
            cells.append(
                try time {
                    _ = try Simulation.run(scenario, parameters: parameters, integrator: integrator, derived: false)
                })
            cellsCPU.append(cpu(CLOCK_THREAD_CPUTIME_ID) - c0)
        }
        print("stroma_single_7d_full_seconds,\(median(full))")
        print("stroma_single_7d_cells_only_seconds,\(median(cells))")
        print("stroma_single_7d_cells_only_cpu_seconds,\(median(cellsCPU))")
        // Breakdown of one Monte Carlo sample: model construction, and the run with 4 h steps.
        var build: [Double] = [], sample: [Double] = []
        let coarse = ExponentialIntegrator(maxStep: 4)
        for _ in 0..<reps {
            var c0 = cpu(CLOCK_THREAD_CPUTIME_ID)
            _ = try CellModel.build(parameters: parameters, tAdmin: scenario.afterInjury).matrices()
            build.append(cpu(CLOCK_THREAD_CPUTIME_ID) - c0)
            c0 = cpu(CLOCK_THREAD_CPUTIME_ID)
            _ = try Simulation.run(scenario, parameters: parameters, integrator: coarse, derived: false)
            sample.append(cpu(CLOCK_THREAD_CPUTIME_ID) - c0)
        }
        print("stroma_model_build_cpu_seconds,\(median(build))")
        print("stroma_sample_run_4h_steps_cpu_seconds,\(median(sample))")
        print("stroma_single_steps,\(reference.stepsTaken)")
        print("stroma_mass_balance_relative_error,\(reference.massBalanceError)")
        var mc: [Double] = [], mcCPU: [Double] = []
        var failed = 0
        for _ in 0..<mcReps {
            let c0 = cpu(CLOCK_PROCESS_CPUTIME_ID)
            defer { mcCPU.append(cpu(CLOCK_PROCESS_CPUTIME_ID) - c0) }
            mc.append(
                try time {
                    let r = try MonteCarlo(samples: samples, seed: 1, threads: threads).run(
                        scenario, parameters: parameters)
                    failed = r.failed
                })
        }
        print("stroma_monte_carlo_samples,\(samples)")
        print("stroma_monte_carlo_threads,\(threads)")
        print("stroma_monte_carlo_failed,\(failed)")
        print("stroma_monte_carlo_seconds,\(median(mc))")
        print("stroma_monte_carlo_cpu_seconds,\(median(mcCPU))")
    }
}
