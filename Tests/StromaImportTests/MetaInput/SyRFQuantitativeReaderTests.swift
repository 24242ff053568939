import Foundation
import StromaDomain
import StromaImport
import Testing
import _StromaTestSupport

/// Reads the real SyRF export (emma-wilson/syrf_userguide, CC-BY-4.0) from shared data.
///
/// Expected values were read by hand from `syrf/quantitative_data_example.csv` (line numbers
/// are file lines, header = line 1).
@Suite(.enabled(if: SharedData.isAvailable)) struct SyRFQuantitativeReaderTests {
    static func table() throws -> ComparisonTable {
        try SyRFQuantitativeReader.read(contentsOf: SharedData.url("syrf/quantitative_data_example.csv"))
    }

    static func arms(_ comparison: Comparison) -> ContinuousArms? {
        if case .continuous(let arms) = comparison.data { return arms }
        return nil
    }

    @Test("Pairs 22 comparisons; drops the unpaired and the ambiguous ones with warnings")
    func counts() throws {
        let table = try Self.table()
        #expect(table.comparisons.count == 22)
        #expect(
            table.comparisons.map { $0.line! } == [
                3, 4, 6, 7, 9, 13, 14, 18, 19, 20, 23, 24,
                25, 27, 29, 30, 32, 33, 35, 39, 43, 45,
            ])
        #expect(
            table.warnings.contains {
                $0.hasPrefix("line 17: treated cohort 'SNI/FST Immobility/Ket'")
                    && $0.hasSuffix(
                        "has no model-control cohort (IsDiseaseModelControl FALSE, IsTreatmentControl TRUE); dropped")
            })
        #expect(
            table.warnings.contains { $0.hasPrefix("line 46:") && $0.contains("(lines 47, 49); pairing is ambiguous") })
        #expect(
            table.warnings.contains { $0.hasPrefix("study 'a3a7af08-") && $0.contains("annotated by 2 investigators") })
    }

    @Test("Line 3 (Ketamine 0.5) against the saline control of line 2, shared with line 4")
    func sharedControl() throws {
        let table = try Self.table()
        let first = table.comparisons[0]
        #expect(first.study == "Akinfiresoye 2013: FST/Ket 0.5 · FST Immobility")
        #expect(first.greaterIsWorse == true)
        #expect(
            Self.arms(first)
                == ContinuousArms(
                    n1: 8, m1: 16.57, sd1: 2.06, n2: 8, m2: 22.45,
                    sd2: 1.92, mSham: nil, errorType: .sd))
        #expect(first.controlGroup == table.comparisons[1].controlGroup)
        #expect(first.moderators["time"] == .number(20))
        #expect(first.moderators["outcome"] == .text("FST Immobility"))
        #expect(first.moderators["Random allocation to group (treatment/control)"] == .text("Not Reported"))
        #expect(first.moderators["year"] == .number(2013))
        let split = Comparison.splittingSharedControls(table.comparisons).comparisons
        #expect(Self.arms(split[0])?.n2 == 4)
        // Lines 18–20 share the control of line 21 (another experiment): 10/3 animals each.
        let line18 = split.first { $0.line == 18 }!
        #expect(Self.arms(line18)?.n2 == 10.0 / 3)
        #expect(Self.arms(line18)?.m2 == 175)
        // FST Swimming: greater is better.
        #expect(table.comparisons[2].greaterIsWorse == false)
    }

    @Test("Sham cohort gives the NMD normal value; fallback pairing across experiments")
    func shamAndFallback() throws {
        let table = try Self.table()
        let line13 = table.comparisons.first { $0.line == 13 }!
        #expect(
            Self.arms(line13)
                == ContinuousArms(
                    n1: 24, m1: 3.78, sd1: 1.89, n2: 24, m2: 170.78,
                    sd2: 35.52, mSham: 71.02, errorType: .sd))
        let line14 = table.comparisons.first { $0.line == 14 }!
        #expect(Self.arms(line14) == ContinuousArms(n1: 10, m1: 5, sd1: 4, n2: 10, m2: 175, sd2: 30))
        #expect(line14.moderators["investigator"] == .text("Emily Bennett 2"))
        #expect(
            table.warnings.contains(
                "line 14: experiment has no model control; paired with the control on line 15 (same study, outcome and time)"
            ))
    }

    @Test("Errors in a SyRF file name line and column")
    func errors() throws {
        let url = try SharedData.url("syrf/quantitative_data_example.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: ",FST/Ket 0.5,8,FALSE", with: ",FST/Ket 0.5,1,FALSE")
        #expect(
            throws: ImportError(
                "file 'x.csv', line 3, column 'NumberOfAnimals': 1 is invalid; expected a number of animals ≥ 2")
        ) {
            try SyRFQuantitativeReader.parse(lines.joined(separator: "\n"), fileName: "x.csv")
        }
        lines = text.components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: ",1.92,SD", with: ",1.92,IQR")
        #expect(
            throws: ImportError("file 'x.csv', line 2, column 'ErrorType': 'IQR' is not supported; expected SD or SEM")
        ) {
            try SyRFQuantitativeReader.parse(lines.joined(separator: "\n"), fileName: "x.csv")
        }
        #expect(
            throws: ImportError("file 'x.csv', line 1: missing column 'ExperimentId'; not a SyRF quantitative export")
        ) {
            try SyRFQuantitativeReader.parse("study,yi,vi\nA,1,1\n", fileName: "x.csv")
        }
    }
}
