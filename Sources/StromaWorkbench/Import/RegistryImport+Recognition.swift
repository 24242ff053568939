import Dispatch
import Foundation
import StromaDomain
import StromaImport
import StromaStore

extension RegistryImport {
    /// Each study with ``summary(of:)`` of its recognition and its stored JSON, in order, computed on up to 4
    /// threads (a study whose JSON cannot be encoded is encoded again, and fails, in the store).
    public static func upserts(of studies: [RegistryStudy], recognizer: MSCRecognizer) -> [StromaStore.StudyUpsert] {
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
    public static func summary(of x: MSCExtraction) -> RegistryMSCSummary {
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
