import Foundation
import StromaDomain
import StromaImport

/// `stroma-bench import <folder|zip|page.json>`: reads every ClinicalTrials.gov v2 record with
/// ``RegistryStudyReader`` (parse + extraction into `RegistryStudy`, no store) and prints one
/// line of figures: records, refused records, seconds, records/s and a checksum of extracted
/// fields (compare with `scripts/bench/import_baseline.py`).
///
/// Run from `scripts/bench/import.sh`.
enum ImportBenchmarks {
    static func run(_ arguments: [String]) -> Never {
        guard let path = arguments.first else {
            FileHandle.standardError.write(Data("usage: stroma-bench import <folder|zip|page.json>\n".utf8))
            exit(2)
        }
        let start = Date()
        var records = 0, refused = 0
        var checksum = 0
        do {
            var reader = try RegistryStudyReader(url: URL(fileURLWithPath: path))
            while true {
                do {
                    guard let study = try reader.next() else { break }
                    records += 1
                    checksum &+=
                        (study.enrollmentCount ?? 0) + study.locations.count + study.armGroups.count
                        + study.interventions.count + study.primaryOutcomes.count + study.secondaryOutcomes.count
                        + study.phases.count + study.conditionMeshTerms.count + (study.briefTitle?.utf8.count ?? 0)
                } catch let error as ImportError {
                    refused += 1
                    if refused <= 3 { FileHandle.standardError.write(Data("\(error.description)\n".utf8)) }
                }
            }
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            exit(1)
        }
        let seconds = Date().timeIntervalSince(start)
        print(
            String(
                format: "swift records=%d refused=%d seconds=%.3f records_per_s=%.0f checksum=%d",
                records, refused, seconds, Double(records) / seconds, checksum))
        exit(0)
    }
}
