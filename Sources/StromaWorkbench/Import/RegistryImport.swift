import Foundation
import StromaDomain
import StromaImport
import StromaStore

/// Imports ClinicalTrials.gov API v2 studies into the store: streams records from the reader in batches,
/// recognises MSC trials on the way (the records of a batch on all cores before the batch is written) and counts
/// what happened in an ``ImportSummary``.
///
/// Each batch is one transaction with one savepoint per record (see ``StromaStore/upsertStudies(_:)``): a failed
/// record is rolled back alone and reported; a killed process loses at most the uncommitted batch, never part of
/// a record. A record whose file name names another NCT id is stored under its content's id with a warning, which
/// the summary lists and the store keeps (``StromaStore/importWarnings(of:)``).
///
/// Use ``run(_:store:batchSize:progress:)`` for a list of inputs, or ``add(_:)`` and ``finish()`` to feed inputs
/// one by one (`fetch` does, page by page).
public struct RegistryImport {
    public let store: StromaStore
    public let batchSize: Int
    public let recognizer: MSCRecognizer
    public private(set) var summary = ImportSummary()
    private let progress: ImportProgressHandler?
    private let label: String
    private var pending: [RegistryStudy] = []

    public init(
        store: StromaStore, batchSize: Int = 500, label: String = "import ctgov",
        recognizer: MSCRecognizer = MSCRecognizer(), progress: ImportProgressHandler? = nil
    ) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.label = label
        self.recognizer = recognizer
        self.progress = progress
    }

    /// Imports every input and returns the summary; throws ``WorkbenchError`` (`store`) only when the store
    /// cannot be written at all — unreadable files and records are failures in the summary.
    public static func run(
        _ inputs: [ImportInput], store: StromaStore, batchSize: Int = 500, progress: ImportProgressHandler? = nil
    ) throws -> ImportSummary {
        var run = RegistryImport(store: store, batchSize: batchSize, progress: progress)
        for input in inputs { try run.add(input) }
        return try run.finish()
    }

    /// Reads every study of `input` (file, page, folder or ZIP; or uploaded bytes); unreadable records are
    /// counted as failed with the reader's message.
    public mutating func add(_ input: ImportInput) throws {
        switch input {
        case .path(let path):
            try add(reader: { try RegistryStudyReader(url: URL(fileURLWithPath: path)) }, name: path)
        case .bytes(let data, let name):
            if ImportFormatSniffer.sniff(data: data, fileName: name) == .zip {
                // The ZIP reader seeks in a file: an uploaded archive is read from a temporary copy.
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "stroma-upload-\(UUID().uuidString)")
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    let file = folder.appendingPathComponent((name as NSString).lastPathComponent)
                    try data.write(to: file)
                    defer { try? FileManager.default.removeItem(at: folder) }
                    try add(reader: { try RegistryStudyReader(url: file) }, name: name)
                } catch let error as WorkbenchError {
                    throw error
                } catch {
                    throw WorkbenchError(
                        .fileAccess, "cannot keep the uploaded archive '\(name)': \(error.localizedDescription)",
                        file: name)
                }
            } else {
                try add(reader: { try RegistryStudyReader(data: data, name: name) }, name: name)
            }
        }
    }

    private mutating func add(reader open: () throws -> RegistryStudyReader, name: String) throws {
        var reader: RegistryStudyReader
        do {
            reader = try open()
        } catch {
            summary.fail(name, String(describing: error))
            return
        }
        let file = (name as NSString).lastPathComponent
        while true {
            do {
                guard let study = try reader.next() else { break }
                try add(study)
            } catch let error as ImportError {
                summary.read += 1
                summary.fail(file, error.description)
            }
        }
    }

    /// Queues one study; writes the batch when it is full.
    public mutating func add(_ study: RegistryStudy) throws {
        summary.read += 1
        pending.append(study)
        progress?(ImportProgressUpdate(label: label, records: summary.read))
        if pending.count >= batchSize { try flush() }
    }

    /// Writes the queued studies.
    public mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let items = Self.upserts(of: pending, recognizer: recognizer)
        let results: [Result<RegistryUpsertOutcome, StoreError>]
        do {
            results = try store.upsertStudies(items)
        } catch {
            throw WorkbenchError(.store, String(describing: error))
        }
        for (item, result) in zip(items, results) {
            switch result {
            case .success(let outcome):
                summary.add(outcome, record: item.study.nctId)
                for warning in item.study.warnings { summary.warn(item.study.nctId, warning) }
            case .failure(let error): summary.fail(item.study.nctId, error.description)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes what is queued and returns the summary.
    public mutating func finish() throws -> ImportSummary {
        try flush()
        return summary
    }
}
