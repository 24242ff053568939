import Foundation
import StromaDomain
import StromaImport
import StromaStore

/// One row of `stroma trials`: a curated knowledge-base trial or an imported registry study, marked by where it
/// comes from.
///
/// JSON: the ``ClinicalTrial`` keys (`id`, `registry_id`, `title`, `phases`, `status`, `enrollment`,
/// `conditions`, `source`, `origin`, `product_form`, `routes`, `dose`, …, `provenance`) plus `record_source`:
/// `knowledge` (curated from the seeds, cited), `registry` (imported with `stroma import ctgov` or `fetch ctgov`;
/// condition, source, origin, product form, routes, dose and administrations as the MSC recogniser read them) or
/// `both` (a curated trial whose registry record is imported too; the curated facts are shown).
public struct ListedTrial: Codable, Sendable, Equatable {
    /// Where a listed trial comes from.
    public enum RecordSource: String, Codable, Sendable, CaseIterable {
        case knowledge, registry, both
    }

    public var recordSource: RecordSource
    public var trial: ClinicalTrial

    public init(recordSource: RecordSource, trial: ClinicalTrial) {
        self.recordSource = recordSource
        self.trial = trial
    }

    enum CodingKeys: String, CodingKey {
        case recordSource = "record_source"
    }

    public init(from decoder: any Decoder) throws {
        trial = try ClinicalTrial(from: decoder)
        recordSource = try decoder.container(keyedBy: CodingKeys.self).decode(RecordSource.self, forKey: .recordSource)
    }

    public func encode(to encoder: any Encoder) throws {
        try trial.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(recordSource, forKey: .recordSource)
    }

    /// An imported registry study as a trial: the record's fields and what the recogniser read from it, with the
    /// registry record as its provenance.
    public init(registry stored: StromaStore.StoredStudy) {
        let s = stored.study
        let x =
            stored.mscExtraction.flatMap { try? JSONDecoder().decode(MSCExtraction.self, from: Data($0.utf8)) }
            ?? MSCRecognizer().recognize(s)
        let dose = x.dose.map { d in
            CellDose(
                stated: d.value.stated, cells: d.value.cells,
                basis: d.value.basis, amount: d.value.amount,
                unit: d.value.unit)
        }
        let origins = x.origins.isEmpty ? (x.origin.map { [$0.value] } ?? []) : x.origins.map(\.value)
        trial = ClinicalTrial(
            id: s.nctId, registryId: s.nctId, title: s.briefTitle ?? s.officialTitle, phases: s.phases,
            status: s.overallStatus, enrollment: s.enrollmentCount, conditions: x.conditions.map(\.value),
            source: x.source?.value, origin: origins, productForm: x.productForm?.value, routes: x.routes.map(\.value),
            dose: dose, administrations: x.administrations?.value, countries: s.countries,
            startDate: s.startDate?.date.description, completionDate: s.completionDate?.date.description,
            provenance: [
                Provenance(
                    reference: Citation(registryId: s.nctId, url: "https://clinicaltrials.gov/study/\(s.nctId)"),
                    note: "imported registry record, version \(s.version ?? "unknown")"
                        + (stored.sourcePath.map { ", from \($0)" } ?? "") + "; MSC fields read by the recogniser")
            ])
        recordSource = .registry
    }
}
