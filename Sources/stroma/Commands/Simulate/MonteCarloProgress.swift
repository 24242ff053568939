import Foundation
import StromaKinetics

/// Elapsed-time progress on stderr while a Monte Carlo run works, only when stderr is a terminal.
///
/// The library reports no per-sample progress, so the line shows the sample count, the threads
/// and the elapsed seconds, refreshed twice a second and erased at the end.
enum MonteCarloProgress {
    static func run<T>(samples: Int, seed: UInt64, _ body: () throws -> T) rethrows -> T {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        guard isatty(STDERR_FILENO) == 1, samples >= 200 else { return try body() }
        let start = Date()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
        timer.setEventHandler {
            let elapsed = Date().timeIntervalSince(start)
            let line = String(
                format: "\rMonte Carlo: %d samples (seed %llu) on %d cores… %.1f s", samples, seed, threads, elapsed)
            FileHandle.standardError.write(Data(line.utf8))
        }
        timer.resume()
        defer {
            timer.cancel()
            let elapsed = Date().timeIntervalSince(start)
            let line = String(format: "\r\u{1B}[2KMonte Carlo: %d samples in %.1f s\n", samples, elapsed)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return try body()
    }
}
