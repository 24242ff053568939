import Foundation
import Testing

@testable import StromaImport

/// The word pre-check before the MSC-product regular expression never hides a match.
@Suite struct MSCPrefilterTests {
    @Test(
        "every kind of MSC product name still matches",
        arguments: [
            "Mesenchymal stem cells", "hUC-MSCs", "BM-MSC", "ADSCs", "DPSCs", "MenSCs", "BMSC",
            "stromal progenitor cells", "Adipose-derived stem cells", "adipose regenerative cells",
            "Wharton's jelly stem cells", "placental stromal cells", "NurOwn", "Prochymal", "TEMCELL",
            "NeuroNata-R", "Lenzumestrocel", "darvadstrocel", "Alofisel", "Cellgram", "Obnitix",
            "Ryoncil", "MultiStem", "Stempeucel", "CARTISTEM", "remestemcel-L", "Stemirac", "AstroStem",
            "ＭＳＣ (fullwidth goes to the regular expression)",
        ])
    func matches(name: String) {
        let text = MSCText(field: "x", text: name).normalized
        #expect((MSCVocabulary.mscProductMatch(text) != nil) == (MSCVocabulary.mscProduct.firstMatch(in: text) != nil))
        if name.hasPrefix("ＭＳＣ") { return }
        #expect(MSCVocabulary.mscProductMatch(text) != nil, "\(name)")
    }

    @Test(
        "texts without the words are rejected without the regular expression",
        arguments: [
            "Placebo", "Normal saline", "Autologous CD34+ haematopoietic stem cell transplantation is not MSC",
            "Cyclophosphamide", "",
        ])
    func rejects(text: String) {
        let normalized = MSCText(field: "x", text: text).normalized
        #expect(
            (MSCVocabulary.mscProductMatch(normalized) != nil)
                == (MSCVocabulary.mscProduct.firstMatch(in: normalized) != nil))
    }
}
