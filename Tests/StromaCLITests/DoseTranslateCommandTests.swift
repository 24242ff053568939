import Foundation
import Testing

@Suite("stroma dose translate")
struct DoseTranslateCommandTests {
    static func json(_ args: [String]) throws -> [String: Any] {
        let out = try KineticsCLI.run(["dose", "translate"] + args + ["--format", "json"])
        #expect(out.status == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    static func row(_ json: [String: Any], _ method: String) throws -> [String: Any] {
        let rows = try #require(json["translations"] as? [[String: Any]])
        return try #require(rows.first { $0["method"] as? String == method })
    }

    @Test("BSA: 1e6 cells in a 250 g rat → about 6.5e5 cells/kg in humans (FDA Km 6 and 37; notes §5)")
    func ratToHumanBSA() throws {
        let json = try Self.json(["--from", "rat", "--dose", "1e6", "--to", "human", "--method", "bsa"])
        let bsa = try Self.row(json, "bsa")
        let perKg = try #require(bsa["cells_per_kg"] as? Double)
        // FDA 2005 Table 1: HED (per kg) = animal dose per kg × Km_animal / Km_human, Km rat 6, human 37.
        #expect(abs(perKg - 4e6 * 6 / 37) <= 1e-9 * perKg)
        #expect(abs(perKg - 6.5e5) / 6.5e5 < 0.01)
        #expect(abs((bsa["cells_total"] as? Double ?? 0) - perKg * 70) <= 1e-6 * perKg)
        #expect((bsa["assumption"] as? String)?.contains("Km 6/37") == true)
        #expect((json["translations"] as? [Any])?.count == 1)
    }

    @Test("BSA: 1e6 cells in a 25 g mouse → about 3.2e6 cells/kg in humans (notes §5)")
    func mouseToHumanBSA() throws {
        let bsa = try Self.row(
            try Self.json(["--from", "mouse", "--dose", "1e6", "--to", "human", "--method", "bsa"]), "bsa")
        let perKg = try #require(bsa["cells_per_kg"] as? Double)
        #expect(abs(perKg - 4e7 * 3 / 37) <= 1e-9 * perKg)
    }

    @Test("All methods by default, each with its assumption; human trial doses for comparison")
    func allMethods() throws {
        let json = try Self.json(["--from", "rat", "--dose", "1e6", "--to", "human"])
        let rows = try #require(json["translations"] as? [[String: Any]])
        let methods = rows.compactMap { $0["method"] as? String }
        #expect(methods.contains("weight") && methods.contains("bsa") && methods.contains("exposure_systemic"))
        for r in rows { #expect(((r["assumption"] as? String) ?? "").count > 20) }
        let weight = try Self.row(json, "weight")
        #expect(weight["cells_per_kg"] as? Double == 4e6)
        let trials = try #require(json["human_trial_doses"] as? [[String: Any]])
        #expect(trials.contains { ($0["trial"] as? String)?.contains("Levy") == true })
        #expect(json["from_cells_per_kg"] as? Double == 4e6)
    }

    @Test("Table prints the source dose per kg, every method and the trial doses")
    func table() throws {
        let out = try KineticsCLI.run(["dose", "translate", "--from", "rat", "--dose", "1e6", "--to", "human"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("From: rat, 1e+06 cells = 4e+06 cells/kg (body weight 0.25 kg)"))
        #expect(out.stdout.contains("bsa                6.49e+05"))
        #expect(out.stdout.contains("FDA body-surface-area HED"))
        #expect(out.stdout.contains("Human doses used in trials"))
    }
}
