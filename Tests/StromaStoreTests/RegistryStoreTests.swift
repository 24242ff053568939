import StromaDomain
import Testing

@testable import StromaStore

@Suite struct RegistryStoreTests {
    static func study(_ id: String, version: String?, title: String = "A trial", status: String = "RECRUITING")
        -> RegistryStudy
    {
        RegistryStudy(
            nctId: id, briefTitle: title, overallStatus: status,
            lastUpdatePostedDate: version.flatMap { PartialDate(iso: $0) }.map { .init(date: $0, type: .actual) },
            conditions: ["Spinal Cord Injuries"], phases: ["PHASE1"], enrollmentCount: 10,
            version: version, source: "/tmp/\(id).json")
    }

    static func msc(source: String?, routes: [String], conditions: [String]) -> RegistryMSCSummary {
        RegistryMSCSummary(
            isMSC: true, productForm: "cells", source: source, routes: routes, conditions: conditions,
            extraction: "{\"source\":\"\(source ?? "unknown")\"}")
    }

    @Test("re-importing the same records changes nothing")
    func idempotent() throws {
        let store = try StromaStore.inMemory()
        let items = (1...5).map {
            StromaStore.StudyUpsert(
                study: Self.study("NCT0000000\($0)", version: "2024-01-0\($0)"),
                msc: Self.msc(source: "bone-marrow", routes: ["intravenous"], conditions: ["spinal-cord-injury"]))
        }
        let first = try store.upsertStudies(items).map { try $0.get().name }
        #expect(first == Array(repeating: "new", count: 5))
        let dump = try store.registryDump()
        let counts = try store.registryCounts()
        var moved = items
        for i in moved.indices { moved[i].study.source = "/elsewhere/file.json" }
        let second = try store.upsertStudies(moved).map { try $0.get().name }
        #expect(second == Array(repeating: "unchanged", count: 5))
        #expect(try store.registryDump() == dump)
        #expect(try store.registryCounts() == counts)
        #expect(counts["registry_study"] == 5 && counts["registry_msc"] == 5 && counts["registry_study_history"] == 0)
    }

    @Test("a newer version replaces the current row and keeps the old one in history")
    func versions() throws {
        let store = try StromaStore.inMemory()
        _ = try store.upsertStudy(Self.study("NCT01909154", version: "2020-05"), msc: nil)
        let updated = try store.upsertStudy(
            Self.study("NCT01909154", version: "2023-02-01", status: "COMPLETED"), msc: nil)
        #expect(updated == .updated(reason: "version 2020-05 → 2023-02-01"))
        let stored = try #require(try store.study(id: "NCT01909154"))
        #expect(stored.study.overallStatus == "COMPLETED")
        #expect(stored.history.map(\.version) == ["2020-05"])

        // An older version arriving late is kept in history once and does not replace the row.
        let late = Self.study("NCT01909154", version: "2021-01-01", status: "ACTIVE_NOT_RECRUITING")
        #expect(try store.upsertStudy(late, msc: nil).name == "unchanged")
        #expect(try store.upsertStudy(late, msc: nil).name == "unchanged")
        let after = try #require(try store.study(id: "NCT01909154"))
        #expect(after.study.overallStatus == "COMPLETED")
        #expect(after.history.map(\.version) == ["2020-05", "2021-01-01"])
    }

    @Test("the same paper from PubMed and RIS is merged into one record")
    func mergeLiterature() throws {
        let store = try StromaStore.inMemory()
        let pubmed = BibliographicRecord(
            sourceFormat: .pubmedXML, pmid: "39896446", doi: "10.1016/j.reth.2024.12.017",
            title: "Beyond conventional therapies: MSCs in the battle against nerve injury.",
            authors: ["Song S", "Li C"], journal: "Regen Ther", year: 2025, meshTerms: ["Mesenchymal Stem Cells"])
        let ris = BibliographicRecord(
            sourceFormat: .ris, doi: "https://doi.org/10.1016/J.RETH.2024.12.017",
            title: "Beyond conventional therapies: MSCs in the battle against nerve injury",
            authors: ["Song, S.", "Li, C."], journal: "Regenerative Therapy", year: 2025, volume: "28",
            pages: "280-291",
            keywords: ["nerve injury"])
        let outcomes = try store.upsertBibliographicRecords([ris, pubmed]).map { try $0.get().name }
        #expect(outcomes == ["new", "updated"])
        let counts = try store.registryCounts()
        #expect(counts["bibliographic_record"] == 1)
        #expect(counts["bibliographic_source"] == 2)
        let (merged, formats) = try #require(try store.bibliographicRecord(pmid: "39896446"))
        #expect(formats == ["pubmed-xml", "ris"])
        #expect(merged.journal == "Regen Ther")  // PubMed ranks above RIS
        #expect(merged.volume == "28")  // only RIS has it
        #expect(merged.keywords == ["nerve injury"])
        // Re-importing both is a no-op.
        let dump = try store.registryDump()
        #expect(
            try store.upsertBibliographicRecords([pubmed, ris]).map { try $0.get().name } == ["unchanged", "unchanged"])
        #expect(try store.registryDump() == dump)
    }

    @Test("a failing record is rolled back alone; the rest of the batch is written")
    func failureIsolation() throws {
        let store = try StromaStore.inMemory()
        let a = BibliographicRecord(sourceFormat: .pubmedXML, pmid: "1", doi: "10.1/a", title: "A")
        let b = BibliographicRecord(sourceFormat: .ris, pmid: "2", doi: "10.1/a", title: "A again")
        let c = BibliographicRecord(sourceFormat: .ris, title: nil)
        let d = BibliographicRecord(sourceFormat: .medline, pmid: "3", title: "C")
        let results = try store.upsertBibliographicRecords([a, b, c, d])
        #expect((try? results[0].get()) == .new)
        #expect((try? results[1].get()) == nil)
        #expect((try? results[2].get()) == nil)
        #expect((try? results[3].get()) == .new)
        let counts = try store.registryCounts()
        #expect(counts["bibliographic_record"] == 2 && counts["bibliographic_source"] == 2)
    }

    @Test("landscape counts studies and enrollment by condition, phase, source, route and status")
    func landscape() throws {
        let store = try StromaStore.inMemory()
        var s1 = Self.study("NCT00000001", version: "2024-03-01"); s1.enrollmentCount = 20
        s1.firstPostedDate = .init(date: PartialDate(iso: "2024-03-01")!)
        var s2 = Self.study("NCT00000002", version: "2022-01-01"); s2.enrollmentCount = 30
        s2.firstPostedDate = .init(date: PartialDate(iso: "2021-06-01")!)
        var s3 = Self.study("NCT00000003", version: "2022-01-01"); s3.enrollmentCount = nil
        s3.firstPostedDate = .init(date: PartialDate(iso: "2020-01-01")!)
        var s4 = Self.study("NCT00000004", version: "2024-06-01")
        s4.firstPostedDate = .init(date: PartialDate(iso: "2019-01-01")!)
        _ = try store.upsertStudies([
            .init(
                study: s1,
                msc: Self.msc(
                    source: "bone-marrow", routes: ["intravenous", "intrathecal"], conditions: ["spinal-cord-injury"])),
            .init(
                study: s2,
                msc: Self.msc(source: "bone-marrow", routes: ["intravenous"], conditions: ["spinal-cord-injury"])),
            .init(study: s3, msc: Self.msc(source: nil, routes: [], conditions: ["spinal-cord-injury", "stroke"])),
            .init(study: s4, msc: RegistryMSCSummary(isMSC: false, extraction: "{}")),
        ])
        let l = try store.registryLandscape(since: PartialDate(iso: "2024-01"))
        #expect(l.studyCount == 3)
        let iv = try #require(l.cells.first { $0.route == "intravenous" })
        #expect(iv.studies == 2 && iv.enrollment == 50 && iv.source == "bone-marrow")
        #expect(l.cells.first { $0.route == "intrathecal" }?.studies == 1)
        let unknown = l.cells.filter { $0.source == "unknown" }
        #expect(unknown.count == 2 && unknown.allSatisfy { $0.missingEnrollment == 1 && $0.route == "unknown" })
        #expect(l.changes.map(\.registryId) == ["NCT00000001"])
        #expect(l.changes.first?.change == "new")
        let stroke = try store.registryLandscape(condition: "stroke")
        #expect(stroke.studyCount == 1 && stroke.cells.count == 1)
    }
}
