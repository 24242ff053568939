import StromaDomain
import StromaStore

/// Parses a vocabulary kind typed on the command line (`routes`, `route`, `cell-sources`).
enum KindArgument {
    static func parse(_ text: String, option: String) throws -> VocabularyKind {
        guard let kind = VocabularyKind(name: text) else {
            throw StoreError.invalidArgument(
                name: option, value: text,
                valid: VocabularyKind.allCases.map(\.pluralName).joined(separator: ", "))
        }
        return kind
    }
}
