import Foundation

/// Reads (and, for a ZIP, inflates) the next files of a folder or archive on a background thread
/// while the caller decodes the current one, keeping at most ``capacity`` files in memory.
///
/// Items come out in order. A file that cannot be read is an `ImportError` item and reading goes
/// on; a ZIP central-directory error ends the sequence after its item (the directory cannot be
/// walked past it). The thread stops when the sequence ends or the handle is released.
final class UnitPrefetcher {
    typealias Item = Result<(data: Data, source: String, stem: String), ImportError>

    /// The state shared with the producer thread.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var items: [Item] = []
        var head = 0
        var finished = false
        var cancelled = false
    }

    /// What the producer thread calls: `nil` when done; a thrown `ImportError` becomes an item.
    struct Producer: @unchecked Sendable {
        /// Returns the next loaded file, `nil` at the end; `stop` is set when a thrown error must
        /// end the sequence.
        let next: () throws -> (data: Data, source: String, stem: String)?
        let stopsAfterError: (any Error) -> Bool
    }

    static let capacity = 4
    private let shared = Shared()

    init(_ producer: Producer) {
        let shared = self.shared
        let thread = Thread {
            while true {
                let item: Item?
                var stop = false
                do {
                    item = try producer.next().map { .success($0) }
                } catch {
                    item = .failure(error as? ImportError ?? ImportError("\(error)"))
                    stop = producer.stopsAfterError(error)
                }
                shared.condition.lock()
                while shared.items.count - shared.head >= Self.capacity, !shared.cancelled {
                    shared.condition.wait()
                }
                if shared.cancelled || item == nil {
                    shared.finished = true
                    shared.condition.broadcast()
                    shared.condition.unlock()
                    return
                }
                shared.items.append(item!)
                if stop { shared.finished = true }
                shared.condition.broadcast()
                shared.condition.unlock()
                if stop { return }
            }
        }
        thread.name = "stroma-import-prefetch"
        thread.start()
    }

    deinit {
        shared.condition.lock()
        shared.cancelled = true
        shared.condition.broadcast()
        shared.condition.unlock()
    }

    /// The next item in order, waiting for the thread; `nil` at the end.
    func take() -> Item? {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        while shared.head == shared.items.count, !shared.finished {
            shared.condition.wait()
        }
        guard shared.head < shared.items.count else { return nil }
        let item = shared.items[shared.head]
        shared.head += 1
        if shared.head > 64 {
            shared.items.removeFirst(shared.head)
            shared.head = 0
        }
        shared.condition.broadcast()
        return item
    }
}
