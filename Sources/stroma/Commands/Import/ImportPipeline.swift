import Dispatch
import Foundation
import StromaDomain
import StromaImport
import StromaStore

/// Streams records from the readers into the store in batches, recognising MSC trials on the way
/// (the records of a batch are recognised on all cores before the batch is written).
///
/// Each batch is one transaction with one savepoint per record (see
/// ``StromaStore/upsertStudies(_:)``): a failed record is rolled back alone and reported; a
/// killed process loses at most the uncommitted batch, never part of a record.
struct ImportPipeline {
    var store: StromaStore
    var batchSize: Int
    var recognizer = MSCRecognizer()
    var summary = ImportSummary()
    var progress = ImportProgress()
    private var pending: [RegistryStudy] = []

    init(store: StromaStore, batchSize: Int) {
        self.store = store
        self.batchSize = max(1, batchSize)
    }

    /// Reads every study at `url` (file, page, folder or ZIP); unreadable records are counted as
    /// failed with the reader's message.
    mutating func importStudies(at url: URL) throws {
        var reader: RegistryStudyReader
        do {
            reader = try RegistryStudyReader(url: url)
        } catch {
            summary.fail(url.path, String(describing: error))
            return
        }
        while true {
            do {
                guard let study = try reader.next() else { break }
                try add(study)
            } catch let error as ImportError {
                summary.read += 1
                summary.fail(url.lastPathComponent, error.description)
            }
        }
    }

    mutating func add(_ study: RegistryStudy) throws {
        summary.read += 1
        pending.append(study)
        progress.update(summary.read, "import")
        if pending.count >= batchSize { try flush() }
    }

    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let items = Self.upserts(of: pending, recognizer: recognizer)
        let results = try store.upsertStudies(items)
        for (item, result) in zip(items, results) {
            switch result {
            case .success(let outcome): summary.add(outcome, record: item.study.nctId)
            case .failure(let error): summary.fail(item.study.nctId, error.description)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Each study with ``summary(of:)`` of its recognition and its stored JSON, in order, computed
    /// on up to 4 threads (a study whose JSON cannot be encoded is encoded again, and fails, in
    /// the store).
    static func upserts(of studies: [RegistryStudy], recognizer: MSCRecognizer) -> [StromaStore.StudyUpsert] {
        let slots = Slots(count: studies.count)
        let workers = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount), studies.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < studies.count {
                slots.buffer[i] = StromaStore.StudyUpsert(
                    study: studies[i], msc: summary(of: recognizer.recognize(studies[i])),
                    recordJSON: try? StromaStore.recordJSON(studies[i]))
                i += workers
            }
        }
        return slots.buffer.map { $0! }
    }

    /// Result slots written by index from several threads (each index by one thread only).
    private final class Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<StromaStore.StudyUpsert?>
        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }
        deinit {
            _ = buffer.deinitialize()
            buffer.deallocate()
        }
    }

    /// The store's summary of an extraction (the whole extraction kept as JSON).
    static func summary(of x: MSCExtraction) -> RegistryMSCSummary {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(x)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return RegistryMSCSummary(
            isMSC: x.isMSC, productForm: x.productForm?.value, source: x.source?.value,
            origin: x.origin?.value, routes: x.routes.map(\.value), conditions: x.conditions.map(\.value),
            doseCells: x.dose?.value.cells, doseBasis: x.dose?.value.cells == nil ? nil : x.dose?.value.basis.rawValue,
            administrations: x.administrations?.value, extraction: json)
    }
}
