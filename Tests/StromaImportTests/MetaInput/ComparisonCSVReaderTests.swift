import Foundation
import StromaDomain
import StromaImport
import Testing

@Suite struct ComparisonCSVReaderTests {
    @Test("Reads continuous arms with BOM, CRLF, quotes, comments and case-insensitive headers")
    func continuous() throws {
        let text =
            "\u{FEFF}# synthetic test rows\r\nStudy,N1,M1,SD1,n2,m2,sd2,M_Sham,Error_Type,"
            + "Greater_Is_Worse,control_group,Route,dose_cells\r\n"
            + "\"Alpha, 2001\",10,80,25,10,120,30,0,SD,TRUE,c1,IV,1000000\r\n"
            + "\"Beta \"\"B\"\"\",6,90,3.5,12,130,4,,sem,false,c1, IA ,NA\r\n"
        let table = try ComparisonCSVReader.parse(text, fileName: "t.csv")
        #expect(table.comparisons.count == 2)
        #expect(table.moderatorColumns == ["Route", "dose_cells"])
        let first = table.comparisons[0]
        #expect(first.study == "Alpha, 2001")
        #expect(first.line == 3)
        #expect(first.greaterIsWorse == true)
        #expect(first.controlGroup == "c1")
        #expect(
            first.data
                == .continuous(
                    ContinuousArms(
                        n1: 10, m1: 80, sd1: 25, n2: 10, m2: 120,
                        sd2: 30, mSham: 0, errorType: .sd)))
        #expect(first.moderators == ["Route": .text("IV"), "dose_cells": .number(1_000_000)])
        let second = table.comparisons[1]
        #expect(second.study == "Beta \"B\"")
        #expect(second.greaterIsWorse == false)
        #expect(second.moderators == ["Route": .text("IA")])
        guard case .continuous(let arms) = second.data else { Issue.record("kind"); return }
        #expect(arms.errorType == .sem && arms.mSham == nil)
    }

    @Test("Shared controls: SEM becomes SD with the real n, then n2 is divided")
    func sharedControl() throws {
        let text =
            "study,n1,m1,sd1,n2,m2,sd2,error_type,control_group\n"
            + "A,6,85,2,12,130,3,SEM,c\nB,6,95,2,12,130,3,SEM,c\nC,8,1,1,8,2,1,SD,\n"
        let table = try ComparisonCSVReader.parse(text, fileName: "t.csv")
        let (split, notes) = Comparison.splittingSharedControls(table.comparisons)
        guard case .continuous(let a) = split[0].data, case .continuous(let c) = split[2].data else {
            Issue.record("kind")
            return
        }
        #expect(a.n2 == 6 && a.errorType == .sd)
        #expect(a.sd2 == 3 * 12.0.squareRoot())
        #expect(a.sd1 == 2 * 6.0.squareRoot())
        #expect(c.n2 == 8)
        #expect(notes == ["control group 'c' is shared by 2 comparisons: its size was divided by 2"])
    }

    @Test(
        "Other data kinds",
        arguments: [
            ("study,yi,vi\nA,0.5,0.04\n", ComparisonData.effect(yi: 0.5, vi: 0.04)),
            ("study,ai,bi,ci,di\nA,4,119,11,128\n", .twoByTwo(ai: 4, bi: 119, ci: 11, di: 128)),
            ("study,ri,ni\nA,0.3,40\n", .correlation(ri: 0.3, ni: 40)),
            ("study,xi,ni\nA,12,30\n", .proportion(xi: 12, ni: 30)),
        ])
    func kinds(text: String, expected: ComparisonData) throws {
        let table = try ComparisonCSVReader.parse(text, fileName: "k.csv")
        #expect(table.comparisons.map(\.data) == [expected])
    }

    @Test(
        "Bad input gives one precise line",
        arguments: [
            (
                "study,yi,vi,n1\nA,1,1,3\n",
                "file 'b.csv', line 1: column 'n1' does not belong to data kind yi,vi; valid columns: vi, yi"
            ),
            (
                "study,n1,m1,sd1,n2,m2\nA,1,1,1,1,1\n",
                "file 'b.csv', line 1: data kind n1,m1,sd1,n2,m2,sd2 needs column 'sd2'"
            ),
            (
                "study,n1,m1,sd1,n2,m2,sd2\nA,1,5,1,4,5,1\n",
                "file 'b.csv', line 2, column 'n1': 1 is invalid; expected a group size ≥ 2"
            ),
            (
                "study,n1,m1,SD1,n2,m2,sd2\nA,3,5,0,4,5,1\n",
                "file 'b.csv', line 2, column 'SD1': 0 is invalid; expected SD > 0"
            ),
            (
                "study,n1,m1,sd1,n2,m2,sd2\n\nA,3,5,1,4,,1\n",
                "file 'b.csv', line 3, column 'm2': missing value; expected a mean (a number)"
            ),
            (
                "study,yi,vi\nA,abc,1\n",
                "file 'b.csv', line 2, column 'yi': 'abc' is not a number; expected a number"
            ),
            (
                "study,n1,m1,sd1,n2,m2,sd2,error_type\nA,3,5,1,4,5,1,IQR\n",
                "file 'b.csv', line 2, column 'error_type': 'IQR' is not valid; expected SD or SEM"
            ),
            ("name,yi,vi\nA,1,1\n", "file 'b.csv', line 1: missing column 'study'; every row needs a study label"),
            (
                "study,route\nA,IV\n",
                "file 'b.csv', line 1: no data columns found; valid data kinds: yi,vi | n1,m1,sd1,n2,m2,sd2 | ai,bi,ci,di | ri,ni | xi,ni"
            ),
            ("study,yi,vi\nA,1\n", "file 'b.csv', line 2: 2 fields, but the header has 3 columns"),
            (
                "study,yi,vi\n\"A,1,1\n",
                "file 'b.csv', line 2: a quoted field is not closed; close it with a double quote"
            ),
        ])
    func errors(text: String, message: String) {
        #expect(throws: ImportError(message)) {
            try ComparisonCSVReader.parse(text, fileName: "b.csv")
        }
    }
}
