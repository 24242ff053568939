import Foundation
import StromaDomain
import StromaImport
import StromaStore

/// Streams records from the readers into the store in batches, recognising MSC trials on the way.
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
    private var pending: [StromaStore.StudyUpsert] = []

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
        pending.append(.init(study: study, msc: Self.summary(of: recognizer.recognize(study))))
        progress.update(summary.read, "import")
        if pending.count >= batchSize { try flush() }
    }

    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let results = try store.upsertStudies(pending)
        for (item, result) in zip(pending, results) {
            switch result {
            case .success(let outcome): summary.add(outcome, record: item.study.nctId)
            case .failure(let error): summary.fail(item.study.nctId, error.description)
            }
        }
        pending.removeAll(keepingCapacity: true)
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
