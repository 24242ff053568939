import StromaDomain
import Testing

@Suite struct VocabularyKindTests {
    @Test("Kinds parse from raw and plural names", arguments: VocabularyKind.allCases)
    func parsesNames(kind: VocabularyKind) {
        #expect(VocabularyKind(name: kind.rawValue) == kind)
        #expect(VocabularyKind(name: kind.pluralName) == kind)
        #expect(VocabularyKind(name: kind.pluralName.uppercased()) == kind)
    }

    @Test("Unknown kind names are refused")
    func refusesUnknown() {
        #expect(VocabularyKind(name: "organs") == nil)
    }
}
