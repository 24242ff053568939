import Foundation
import StromaDomain

/// Reads, inflates and decodes the files of a folder or ZIP on worker threads (one per core, at
/// most 4), handing the studies back in input order.
///
/// The source is walked in order under a lock (so a ZIP's file handle and central directory are
/// used by one thread at a time); each unit becomes a ``Job`` — read the file, or inflate the
/// compressed entry, then decode its records — that a worker runs outside the lock. At most
/// ``capacity`` units are in flight or waiting (memory stays bounded by a few files or pages).
/// A unit that cannot be read or decoded becomes an `ImportError` item and reading goes on; a
/// thrown source error (a ZIP central-directory error) ends the sequence after its item. The
/// threads stop when the sequence ends or the pipeline is released.
final class StudyPipeline {
    /// The studies (or errors) of one unit, in record order.
    typealias Batch = [Result<RegistryStudy, ImportError>]
    /// Work on one unit done outside the lock with the worker's own decoder.
    typealias Job = (JSONDecoder) -> Batch

    /// Called under the lock, in order: the next unit's job, `nil` at the end; a throw ends the
    /// sequence (its error becomes the last item).
    struct Source: @unchecked Sendable {
        let next: () throws -> Job?
    }

    /// The state shared with the worker threads.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        let source: Source
        var done: [Int: Batch] = [:]
        /// The next sequence number handed to a worker.
        var issued = 0
        /// The next sequence number returned by ``take()``.
        var consumed = 0
        /// The source has ended at `issued`.
        var exhausted = false
        var cancelled = false
        init(_ source: Source) { self.source = source }
    }

    /// Workers: the active processor count, 1 to 4.
    static var defaultWorkers: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    let capacity: Int
    private let shared: Shared

    init(_ source: Source, workers: Int = StudyPipeline.defaultWorkers) {
        let shared = Shared(source)
        self.shared = shared
        capacity = 2 * workers
        let capacity = self.capacity
        for n in 0..<workers {
            let thread = Thread { Self.work(shared, capacity: capacity) }
            thread.name = "stroma-import-\(n)"
            thread.start()
        }
    }

    private static func work(_ shared: Shared, capacity: Int) {
        let decoder = JSONDecoder()
        shared.condition.lock()
        while true {
            while !shared.cancelled, !shared.exhausted, shared.issued - shared.consumed >= capacity {
                shared.condition.wait()
            }
            if shared.cancelled || shared.exhausted {
                shared.condition.unlock()
                return
            }
            let sequence = shared.issued
            let job: Job
            do {
                guard let next = try shared.source.next() else {
                    shared.exhausted = true
                    shared.condition.broadcast()
                    shared.condition.unlock()
                    return
                }
                job = next
            } catch {
                let failure = error as? ImportError ?? ImportError("\(error)")
                job = { _ in [.failure(failure)] }
                shared.exhausted = true
            }
            shared.issued += 1
            shared.condition.unlock()
            let batch = job(decoder)
            shared.condition.lock()
            shared.done[sequence] = batch
            shared.condition.broadcast()
        }
    }

    deinit {
        shared.condition.lock()
        shared.cancelled = true
        shared.condition.broadcast()
        shared.condition.unlock()
    }

    /// The next unit's studies in input order, waiting for the workers; `nil` at the end.
    func take() -> Batch? {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        while shared.done[shared.consumed] == nil, !(shared.exhausted && shared.consumed >= shared.issued) {
            shared.condition.wait()
        }
        guard let batch = shared.done.removeValue(forKey: shared.consumed) else { return nil }
        shared.consumed += 1
        shared.condition.broadcast()
        return batch
    }
}
