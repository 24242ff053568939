import StromaDomain
import Testing

@testable import StromaImport

@Suite struct MSCDoseParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let cells: Double?
        let high: Double?
        let basis: CellDose.Basis
        let stated: String
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "1×10^6 cells/kg", cells: 1e6, high: nil, basis: .perKilogram, stated: "1×10^6 cells/kg"),
        Case(
            text: "at 1 x 10(6)/kg body weight", cells: 1e6, high: nil, basis: .perKilogram,
            stated: "1 x 10(6)/kg body weight"),
        Case(
            text: "a single dose of 100 million cells", cells: 1e8, high: nil, basis: .unspecified,
            stated: "100 million cells"),
        Case(
            text: "2.0E+07 cells per injection", cells: 2e7, high: nil, basis: .perAdministration,
            stated: "2.0E+07 cells"),
        Case(
            text: "60 × 10⁶ MSC-NTF cells intramuscularly", cells: 6e7, high: nil, basis: .unspecified,
            stated: "60 × 10⁶ MSC-NTF cells"),
        Case(
            text: "1.5 × 10^8 allogeneic MSCs", cells: 1.5e8, high: nil, basis: .unspecified,
            stated: "1.5 × 10^8 allogeneic MSCs"),
        Case(
            text: "2 million cells per kilogram of body weight", cells: 2e6, high: nil,
            basis: .perKilogram, stated: "2 million cells per kilogram of body weight"),
        Case(text: "1 x 106 cells/kg", cells: 1e6, high: nil, basis: .perKilogram, stated: "1 x 106 cells/kg"),
        Case(text: "1-2 × 10^6 cells/kg", cells: 1e6, high: 2e6, basis: .perKilogram, stated: "1-2 × 10^6 cells/kg"),
        Case(
            text: "from 1×10^6 to 5×10^6 cells/kg", cells: 1e6, high: 5e6, basis: .perKilogram,
            stated: "1×10^6 to 5×10^6 cells/kg"),
        Case(text: "a total of 4 x 10^7 cells", cells: 4e7, high: nil, basis: .total, stated: "4 x 10^7 cells"),
        Case(text: "50,000,000 cells", cells: 5e7, high: nil, basis: .unspecified, stated: "50,000,000 cells"),
        Case(text: "10^6 cells/kg", cells: 1e6, high: nil, basis: .perKilogram, stated: "10^6 cells/kg"),
    ]

    @Test("normalises the spellings of a cell count", arguments: cases)
    func parses(_ c: Case) throws {
        let doses = MSCDoseParser.parse(c.text)
        try #require(doses.count == 1, "\(doses)")
        let dose = doses[0]
        #expect(dose.cells == c.cells)
        #expect(dose.cellsHigh == c.high)
        #expect(dose.basis == c.basis)
        #expect(dose.stated == c.stated)
    }

    @Test("counts of particles are amounts, not cells")
    func particles() throws {
        let doses = MSCDoseParser.parse("2 x 10^10 particles of MSC exosomes")
        try #require(doses.count == 1)
        #expect(doses[0].cells == nil)
        #expect(doses[0].amount == 2e10)
        #expect(doses[0].unit == "particles")
    }

    @Test(
        "numbers that are not doses are ignored",
        arguments: [
            "Phase 2 trial in 100 patients aged 18-65",
            "3 million people in the United States",
            "10 mL of saline over 30 minutes",
            "x 100 mg",
        ])
    func ignores(_ text: String) {
        #expect(MSCDoseParser.parse(text).isEmpty)
    }
}
