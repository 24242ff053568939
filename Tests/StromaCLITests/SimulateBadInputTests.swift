import Foundation
import Testing

@Suite("stroma simulate / dose / model: bad input gives one line naming the value and the valid range")
struct SimulateBadInputTests {
    static let base = ["--species", "rat", "--route", "IV", "--dose", "1e6"]

    @Test(
        "simulate: one-line errors, non-zero exit, nothing on stdout",
        arguments: [
            (
                ["--species", "rat", "--route", "IV", "--dose", "-1e6"],
                "Error: --dose '-1e6' is invalid; it must be a number of cells > 0, e.g. 1e6"
            ),
            (
                ["--species", "rat", "--route", "IV", "--dose", "0"],
                "Error: --dose '0' is invalid; it must be a number of cells > 0, e.g. 1e6"
            ),
            (
                ["--species", "rat", "--route", "IV", "--dose", "many"],
                "Error: cannot read --dose 'many'; expected a number of cells > 0, e.g. 1e6"
            ),
            (
                ["--species", "rat", "--route", "XY", "--dose", "1e6"],
                "Error: unknown route 'XY'; valid: IV, IA, IC, ICV, IT, IN"
            ),
            (
                ["--species", "dog", "--route", "IV", "--dose", "1e6"],
                "Error: unknown species 'dog'; valid: mouse, rat, human"
            ),
            (
                base + ["--context", "autologous"],
                "Error: unknown immune context 'autologous'; valid: xenogeneic, syngeneic, allogeneic"
            ),
            (base + ["--set", "kd_LU=-1"], "Error: parameter 'kd_LU' = -1.0 is out of range; it must be a rate ≥ 0"),
            (
                base + ["--set", "f_debSP=1.5"],
                "Error: parameter 'f_debSP' = 1.5 is out of range; it must be a fraction in [0, 1]"
            ),
            (base + ["--set", "kd_LU"], "Error: cannot read 'kd_LU'; expected NAME=VALUE, e.g. kd_LU=0.05"),
            (
                base + ["--until", "7x"],
                "Error: cannot read --until '7x'; expected a number ≥ 0 with a unit s, min, h, d, w, mo or y (e.g. 24h, 30min, 7d, 3mo)"
            ),
            (base + ["--until", "0"], "Error: --until '0' is invalid; it must be a duration > 0, e.g. 7d"),
            (
                base + ["--after-injury", "soon"],
                "Error: cannot read --after-injury 'soon'; expected a number ≥ 0 with a unit s, min, h, d, w, mo or y (e.g. 24h, 30min, 7d, 3mo)"
            ),
            (
                base + ["--every", "-3mo", "--doses", "4"],
                "Error: cannot read --every '-3mo'; expected a number ≥ 0 with a unit s, min, h, d, w, mo or y (e.g. 24h, 30min, 7d, 3mo)"
            ),
            (
                base + ["--doses", "4"],
                "Error: --doses 4 needs --every (the interval between administrations, e.g. 3mo)"
            ),
            (base + ["--doses", "0"], "Error: --doses '0' is invalid; it must be a whole number ≥ 1"),
            (
                ["--species", "rat", "--route", "IA", "--dose", "1e6", "--infusion", "30min"],
                "Error: an infusion duration applies only to route 'IV', not 'IA'"
            ),
            (
                base + ["--samples", "-5"],
                "Error: --samples '-5' is invalid; it must be a whole number from 0 to 10000000"
            ),
            (base + ["--params", "/nonexistent/p.json"], "Error: parameter file '/nonexistent/p.json' does not exist"),
        ])
    func simulate(arguments: [String], expected: String) throws {
        let out = try KineticsCLI.run(["simulate"] + arguments)
        #expect(out.status != 0)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr == expected + "\n")
    }

    @Test("an unknown parameter is named and the valid names listed, on one line")
    func unknownParameter() throws {
        let out = try KineticsCLI.run(["simulate"] + Self.base + ["--set", "kd_XX=1"])
        #expect(out.status != 0)
        #expect(out.stderr.hasPrefix("Error: unknown parameter 'kd_XX'; valid names: "))
        #expect(out.stderr.contains("kd_LU") && out.stderr.contains("f_debSP"))
        #expect(out.stderr.split(separator: "\n").count == 1)
    }

    @Test("a parameter file with an out-of-range value is refused")
    func badParameterFile() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.json")
        try Data("{\"E_LU\": 1.2}".utf8).write(to: file)
        let out = try KineticsCLI.run(["simulate"] + Self.base + ["--params", file.path])
        #expect(out.status != 0)
        #expect(out.stderr == "Error: parameter 'E_LU' = 1.2 is out of range; it must be a fraction in [0, 1]\n")
    }

    @Test(
        "compare-routes, dose translate and model export reject bad values the same way",
        arguments: [
            (
                ["simulate", "compare-routes", "--species", "rat", "--dose", "1e6", "--routes", "IV,XX"],
                "Error: unknown route 'XX'; valid: IV, IA, IC, ICV, IT, IN"
            ),
            (
                ["simulate", "compare-routes", "--species", "rat", "--dose", "1e6", "--at", "30d"],
                "Error: --at '30d' is after the end of the simulation (--until 7d); it must be ≤ 7 d"
            ),
            (
                ["dose", "translate", "--from", "dog", "--to", "human", "--dose", "1e6"],
                "Error: unknown species 'dog'; valid: mouse, rat, human"
            ),
            (
                ["dose", "translate", "--from", "rat", "--to", "human", "--dose", "-5"],
                "Error: --dose '-5' is invalid; it must be a number of cells > 0, e.g. 1e6"
            ),
            (
                ["dose", "translate", "--from", "rat", "--to", "human", "--dose", "1e6", "--method", "allometric"],
                "Error: unknown method 'allometric'; valid: bsa, weight, exposure"
            ),
            (
                [
                    "model", "export", "--sbml", "/nonexistent/m.xml", "--species", "rat", "--route", "IV", "--dose",
                    "1e6",
                ], "Error: cannot write SBML file '/nonexistent/m.xml': folder '/nonexistent' does not exist"
            ),
            (
                [
                    "model", "export", "--sbml", "-", "--species", "rat", "--route", "IV", "--dose", "1e6", "--set",
                    "r_perf=-2",
                ], "Error: parameter 'r_perf' = -2.0 is out of range; it must be a value > 0"
            ),
        ])
    func otherCommands(arguments: [String], expected: String) throws {
        let out = try KineticsCLI.run(arguments)
        #expect(out.status != 0)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr == expected + "\n")
    }
}
