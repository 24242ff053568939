import Foundation
import Testing

/// `--plot` paths of `simulate` and `simulate compare-routes` (issue 17 item 11): a directory or a missing folder
/// fails before any work with one line naming `--plot` and the path, a non-zero status and nothing on stdout
/// (the table is not printed before the plot fails).
@Suite struct SimulatePlotPathTests {
    static let simulate = ["simulate", "--species", "rat", "--route", "IV", "--dose", "1e6", "--until", "1d"]
    static let compare = ["simulate", "compare-routes", "--species", "rat", "--dose", "1e6", "--routes", "IV,IA"]

    @Test("A directory given as --plot is named as a directory; nothing is printed on stdout")
    func directory() throws {
        let folder = try KineticsCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [Self.simulate, Self.compare] {
            let out = try KineticsCLI.run(command + ["--plot", folder.path])
            #expect(out.status != 0)
            #expect(out.stdout.isEmpty, "\(command[1]): printed data before failing: \(out.stdout.prefix(200))")
            #expect(
                out.stderr.contains("Error: --plot '\(folder.path)' is a directory; give a file name to write"),
                "\(out.stderr)")
            #expect(!out.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    @Test("A --plot file in a missing folder names the folder; nothing is printed on stdout")
    func missingFolder() throws {
        for command in [Self.simulate, Self.compare] {
            let out = try KineticsCLI.run(command + ["--plot", "/nonexistent-stroma/chart.svg"])
            #expect(out.status != 0)
            #expect(out.stdout.isEmpty)
            #expect(
                out.stderr.contains(
                    "Error: --plot '/nonexistent-stroma/chart.svg': the folder '/nonexistent-stroma' does not exist"),
                "\(out.stderr)")
        }
    }
}
