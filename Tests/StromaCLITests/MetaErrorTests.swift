import Foundation
import Testing
import _StromaTestSupport

/// Bad input through `stroma meta`: one line on stderr naming the row and column, non-zero exit.
@Suite struct MetaErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        /// The input file's text; `nil` uses the synthetic example.
        var csv: String?
        var arguments: [String]
        /// The whole stderr text, with `FILE` standing for the input's file name.
        var message: String
        var testDescription: String { id }
    }

    static let example = "examples/synthetic_msc_stroke.csv"
    static let continuous = "study,n1,m1,sd1,n2,m2,sd2\nA,5,5,1,5,4,1\n"

    static let cases: [Case] = [
        Case(
            id: "unknown measure", arguments: ["--measure", "XYZ"],
            message:
                "Error: --measure: unknown measure 'XYZ'; valid: SMD, SMD-revman, SMDH, MD, ROM, NMD, RR, OR, RD, ZCOR, PLO, PFT, yivi"
        ),
        Case(
            id: "unknown method", arguments: ["--measure", "SMD", "--method", "QQ"],
            message: "Error: --method: unknown method 'QQ'; valid: EE, DL, HE, HS, SJ, ML, REML, EB, PM"),
        Case(
            id: "unknown test", arguments: ["--measure", "SMD", "--test", "f"],
            message: "Error: --test: unknown test 'f'; valid: z, t, knha"),
        Case(
            id: "level out of range", arguments: ["--measure", "SMD", "--level", "0.95"],
            message: "Error: --level: must be between 50 and 100 (percent), got 0.95"),
        Case(
            id: "measure needs other columns", arguments: ["--measure", "RR"],
            message:
                "Error: file 'synthetic_msc_stroke.csv', line 5: measure 'RR' needs columns ai,bi,ci,di; the file has n1,m1,sd1,n2,m2,sd2"
        ),
        Case(
            id: "unknown --by column", arguments: ["--measure", "SMD", "--by", "dose"],
            message:
                "Error: --by: unknown column 'dose'; valid: route, source, species, hours_after_injury, dose_cells, dose_per_kg, log10_dose_per_kg"
        ),
        Case(
            id: "unknown --mods column", arguments: ["--measure", "SMD", "--mods", "route,weight"],
            message:
                "Error: --mods: unknown column 'weight'; valid: route, source, species, hours_after_injury, dose_cells, dose_per_kg, log10_dose_per_kg"
        ),
        Case(
            id: "missing file", arguments: ["--input", "no/such.csv", "--measure", "SMD"],
            message: "Error: file 'no/such.csv' does not exist"),
        Case(
            id: "bubble needs a moderator", arguments: ["--measure", "SMD", "--bubble", "/tmp/x.svg"],
            message: "Error: --bubble needs exactly one continuous moderator in '--mods'"),
        Case(
            id: "n < 2", csv: "study,n1,m1,sd1,n2,m2,sd2\nA,1,5,1,4,5,1\n", arguments: ["--measure", "SMD"],
            message: "Error: file 'FILE', line 2, column 'n1': 1 is invalid; expected a group size ≥ 2"),
        Case(
            id: "SD = 0", csv: continuous + "B,5,5,1,5,4,0\n", arguments: ["--measure", "SMD"],
            message: "Error: file 'FILE', line 3, column 'sd2': 0 is invalid; expected SD > 0"),
        Case(
            id: "negative SD", csv: continuous + "B,5,5,-2,5,4,1\n", arguments: ["--measure", "MD"],
            message: "Error: file 'FILE', line 3, column 'sd1': -2 is invalid; expected SD > 0"),
        Case(
            id: "ROM with a non-positive mean", csv: continuous + "B,5,5,1,5,-4,1\n", arguments: ["--measure", "ROM"],
            message: "Error: file 'FILE', line 3 ('B'), column 'm2': must be > 0 for ROM, got -4"),
        Case(
            id: "vi = 0", csv: "study,yi,vi\nA,0.5,0.1\nB,0.3,0\n", arguments: ["--measure", "yivi"],
            message: "Error: file 'FILE', line 3, column 'vi': 0 is invalid; expected a sampling variance > 0"),
        Case(
            id: "missing cell", csv: continuous + "B,5,,1,5,4,1\n", arguments: ["--measure", "SMD"],
            message: "Error: file 'FILE', line 3, column 'm1': missing value; expected a mean (a number)"),
        Case(
            id: "text in a number column", csv: continuous + "B,5,5,1,five,4,1\n", arguments: ["--measure", "SMD"],
            message: "Error: file 'FILE', line 3, column 'n2': 'five' is not a number; expected a group size ≥ 2"),
        Case(
            id: "missing column", csv: "study,n1,m1,sd1,n2,m2\nA,5,5,1,5,4\n", arguments: ["--measure", "SMD"],
            message: "Error: file 'FILE', line 1: data kind n1,m1,sd1,n2,m2,sd2 needs column 'sd2'"),
        Case(
            id: "yivi on raw data", csv: continuous, arguments: ["--measure", "yivi"],
            message:
                "Error: file 'FILE', line 2: measure 'yivi' needs columns yi,vi; the file has n1,m1,sd1,n2,m2,sd2; choose a measure for that data kind"
        ),
    ]

    @Test("Bad input gives one line on stderr and a non-zero exit", arguments: cases)
    func errors(_ c: Case) throws {
        var arguments = ["meta"]
        var fileName = ""
        var file: URL?
        if let csv = c.csv {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
            try csv.write(to: url, atomically: true, encoding: .utf8)
            file = url
            fileName = url.lastPathComponent
            arguments += ["--input", url.path]
        } else if !c.arguments.contains("--input") {
            arguments += ["--input", Self.example]
        }
        defer { if let file { try? FileManager.default.removeItem(at: file) } }
        let output = try StromaBinary.run(arguments + c.arguments)
        #expect(output.status != 0)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == c.message.replacingOccurrences(of: "FILE", with: fileName) + "\n")
    }
}
