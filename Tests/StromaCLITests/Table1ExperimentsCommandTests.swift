import Foundation
import StromaDomain
import Testing

@testable import stroma

/// `stroma experiments --condition ischemic-stroke --format json` against the bundled knowledge
/// base returns seed 004's 17 Table-1 experiments with every column and provenance.
@Suite struct Table1ExperimentsCommandTests {
    @Test("experiments --condition ischemic-stroke returns the 17 Table-1 rows, each complete")
    func table1ThroughCLI() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("stroma-table1-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("bundled.sqlite").path
        let result = await runStroma([
            "experiments", "--condition", "ischemic-stroke", "--format", "json", "--db", db,
        ])
        #expect(result.errorText == nil, "\(result.errorText ?? "")")
        let records = try JSONDecoder().decode([Experiment].self, from: Data(result.stdout.utf8))
        #expect(records.count >= 17)
        var rows: Set<Int> = []
        for record in records {
            guard let section = record.provenance.first?.section,
                section.hasPrefix("Table 1, row "),
                let row = Int(section.dropFirst("Table 1, row ".count))
            else { continue }
            rows.insert(row)
            #expect(record.species != nil && record.model != nil, "\(record.id)")
            #expect(record.source != nil && !record.routes.isEmpty && record.site != nil)
            #expect(record.dose?.stated.isEmpty == false && record.timeAfterInjury != nil)
            #expect(record.administrationsStated != nil && record.volume != nil)
            #expect(!record.findings.isEmpty && record.publication != nil)
            #expect(record.provenance.first?.reference?.seedReferenceNumber != nil)
        }
        #expect(rows == Set(1...17))
        #expect(result.stdout.contains("\"findings_original\""))
        #expect(result.stdout.contains("\"administrations_stated\""))
    }
}
