import Foundation
import Testing
@testable import stroma

@Suite("Bad input gives one clear line")
struct BadInputTests {
    @Test(
        "an unknown term names it and suggests the nearest valid terms",
        arguments: [
            (
                ["experiments", "--condition", "ischemic-strok"],
                "Error: unknown condition 'ischemic-strok'; did you mean: ischemic-stroke?"
            ),
            (
                ["show", "ischemic-strok"],
                "Error: unknown term 'ischemic-strok'; did you mean: ischemic-stroke (condition)?"
            ),
            (
                ["trials", "--source", "umbilical chord"],
                "Error: unknown cell source 'umbilical chord'; did you mean: umbilical-cord?"
            ),
            (
                ["claims", "--mechanism", "xyzzy-plugh"],
                "Error: unknown mechanism 'xyzzy-plugh'; see 'stroma vocab mechanisms' for valid terms"
            ),
            (
                ["show", "human"],
                "Error: 'human' names several terms: origin 'human', species 'human'; choose one with --kind origin|species"
            ),
            (
                ["vocab", "rutes"],
                "Error: invalid vocabulary 'rutes'; valid: conditions, disease-phases, cell-sources, origins, product-forms, routes, species, disease-models, mechanisms, molecules, pathways, outcome-measures"
            ),
        ])
    func unknownTerm(arguments: [String], expected: String) async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(arguments + ["--db", db.path])
        #expect(result.errorText == expected)
        #expect(result.exitCode != 0)
        #expect(result.stdout.isEmpty)
    }

    @Test("a directory as database is refused")
    func directory() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["conditions", "--db", db.folder.path])
        #expect(result.errorText == "Error: cannot use database '\(db.folder.path)': it is a directory, not a file")
        #expect(result.exitCode != 0)
    }

    @Test("a file that is not SQLite is refused and not modified")
    func notSQLite() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let path = db.folder.appendingPathComponent("results.csv").path
        let bytes = Data("a,b\n1,2\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        let result = await runStroma(["show", "stroke", "--db", path])
        #expect(
            result.errorText
                == "Error: '\(path)' is not an SQLite database; it was left unchanged (give another file with --db or STROMA_DB)"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a database in a missing folder is refused")
    func missingFolder() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let path = db.folder.appendingPathComponent("nope/x.sqlite").path
        let result = await runStroma(["conditions", "--db", path])
        #expect(
            result.errorText
                == "Error: cannot use database '\(path)': folder '\(db.folder.appendingPathComponent("nope").path)' does not exist"
        )
    }

    @Test("an unknown trial phase lists the valid ones")
    func badPhase() async throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let result = await runStroma(["trials", "--phase", "5", "--db", db.path])
        #expect(
            result.errorText
                == "Error: invalid phase '5'; valid: EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA (or 1–4, I–IV)")
    }
}

@Suite("The built binary")
struct BinaryTests {
    @Test("an unknown term exits non-zero with exactly one line on stderr")
    func oneLine() throws {
        let db = try FixtureDatabase()
        defer { db.cleanUp() }
        let output = try StromaBinary.run(
            ["experiments", "--condition", "ischemic-strok", "--db", db.path])
        #expect(output.status != 0)
        #expect(output.stdout.isEmpty)
        #expect(
            output.stderr
                == "Error: unknown condition 'ischemic-strok'; did you mean: ischemic-stroke?\n")
    }
}
