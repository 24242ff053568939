import Foundation
import StromaImport
import StromaStore
import StromaWorkbench
import Testing
import _StromaTestSupport

/// The import workflows as a server calls them: uploaded bytes or paths, progress through a callback, the summary
/// as a value, failures and warnings as data.
@Suite("Import workflows")
struct ImportWorkflowTests {
    @Test(
        "an uploaded study's bytes import like its file, with progress reported and nothing printed",
        .enabled(if: SharedData.isAvailable))
    func uploadedBytes() throws {
        let db = try WorkbenchStore()
        defer { db.cleanUp() }
        let data = try Data(contentsOf: SharedData.url("clinicaltrials/v2-json/NCT03418623.json"))
        var updates: [ImportProgressUpdate] = []
        let summary = try RegistryImport.run(
            [.bytes(data, name: "NCT03418623.json")], store: db.store, progress: { updates.append($0) })
        #expect(summary.read == 1 && summary.new == 1 && summary.failed == 0 && summary.warnings.isEmpty)
        #expect(summary.exitStatus == 0)
        #expect(updates.last == ImportProgressUpdate(label: "import ctgov", records: 1))
        let stored = try #require(try db.store.study(id: "NCT03418623"))
        #expect(stored.sourcePath == "NCT03418623.json")
        // The same bytes again: unchanged.
        let again = try RegistryImport.run([.bytes(data, name: "NCT03418623.json")], store: db.store)
        #expect(again.unchanged == 1 && again.new == 0)
    }

    @Test(
        "a file named for another NCT id is stored under its content's id with the warning kept",
        .enabled(if: SharedData.isAvailable))
    func identifierMismatch() throws {
        let db = try WorkbenchStore()
        defer { db.cleanUp() }
        // shared/data README: NCT02278341.json holds NCT02552212.
        let path = try SharedData.url("clinicaltrials/v2-json/NCT02278341.json").path
        let summary = try RegistryImport.run([.path(path)], store: db.store)
        #expect(summary.new == 1)
        let warning = try #require(summary.warnings.first)
        #expect(warning.record == "NCT02552212")
        #expect(warning.reason.contains("'NCT02278341'"))
        #expect(try db.store.importWarnings(of: "NCT02552212").map(\.message) == [warning.reason])
        let detail = try #require(try TrialLookup.details(["NCT02552212"], in: db.store).first)
        #expect(detail.warnings == [warning.reason])
        // The file's id is not a stored record; the error says where it went.
        do {
            _ = try TrialLookup.details(["nct02278341"], in: db.store)
            Issue.record("NCT02278341 was found")
        } catch let error as WorkbenchError {
            #expect(error.code == .notFound && error.record == "NCT02278341")
            #expect(error.message.contains("holds NCT02552212"))
        }
        // Re-importing keeps one warning.
        _ = try RegistryImport.run([.path(path)], store: db.store)
        #expect(try db.store.importWarnings(of: "NCT02552212").count == 1)
    }

    @Test("exit statuses: 0 nothing failed, 1 everything failed, 3 some failed", .enabled(if: SharedData.isAvailable))
    func exitStatuses() throws {
        let db = try WorkbenchStore()
        defer { db.cleanUp() }
        let good = try SharedData.url("clinicaltrials/v2-json/NCT03418623.json").path
        let retired = try SharedData.url("clinicaltrials/v2-json/NCT00023673.json").path
        let missing = db.folder.appendingPathComponent("absent.json").path
        #expect(try RegistryImport.run([.path(good)], store: db.store).exitStatus == 0)
        let none = try RegistryImport.run([.path(retired), .path(missing)], store: db.store)
        #expect(none.exitStatus == 1 && none.failed == 2 && none.stored == 0)
        #expect(none.failures.last?.reason.contains("does not exist") == true)
        #expect(try RegistryImport.run([.path(good), .path(missing)], store: db.store).exitStatus == 3)

        let pubmed = try SharedData.url("literature/pubmed-xml/pubmed1.xml").path
        let ris = try SharedData.url("literature/ris/example_full.ris").path
        #expect(try LiteratureImport.run([.path(pubmed)], kind: .pubmed, store: db.store).exitStatus == 0)
        #expect(try LiteratureImport.run([.path(missing)], kind: .pubmed, store: db.store).exitStatus == 1)
        let mixed = try LiteratureImport.run([.path(pubmed), .path(ris)], kind: .pubmed, store: db.store)
        #expect(mixed.exitStatus == 3)
        #expect(mixed.failures.first?.reason.contains("`stroma import pubmed` reads") == true)
        #expect(try LiteratureImport.run([.path(missing)], kind: .syrf, store: db.store).exitStatus == 1)
        #expect(try LiteratureImport.run([.path(missing)], kind: .ris, store: db.store).exitStatus == 1)
    }

    @Test("uploaded literature bytes import as their file does", .enabled(if: SharedData.isAvailable))
    func literatureBytes() throws {
        let db = try WorkbenchStore()
        defer { db.cleanUp() }
        let url = try SharedData.url("literature/ris/example_full.ris")
        let fromPath = try LiteratureImport.run([.path(url.path)], kind: .ris, store: db.store)
        let fromBytes = try LiteratureImport.run(
            [.bytes(try Data(contentsOf: url), name: "example_full.ris")], kind: .ris, store: db.store)
        #expect(fromPath.read > 0 && fromBytes.read == fromPath.read)
        #expect(fromBytes.unchanged == fromPath.new + fromPath.updated + fromPath.unchanged)
    }

    @Test("the summary's JSON keys")
    func summaryKeys() throws {
        var summary = ImportSummary()
        summary.fail("a.json", "broken")
        let object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any])
        #expect(
            Set(object.keys)
                == ["read", "new", "updated", "unchanged", "failed", "failures", "updates", "warnings"])
        #expect(summary.exitStatus == ImportSummary.allFailed)
    }

    @Test("a fetch request is checked before anything is downloaded")
    func fetchValidation() async throws {
        let db = try WorkbenchStore()
        defer { db.cleanUp() }
        for (request, option) in [
            (RegistryFetch.Request(), "query"), (RegistryFetch.Request(term: "msc", pageSize: 0), "page-size"),
            (RegistryFetch.Request(term: "msc", maxPages: 0), "max-pages"),
        ] {
            do {
                _ = try await RegistryFetch.run(request, store: db.store)
                Issue.record("accepted \(request)")
            } catch let error as WorkbenchError {
                #expect(error.code == .invalidInput && error.option == option)
            }
        }
    }
}
