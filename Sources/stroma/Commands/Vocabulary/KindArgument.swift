import StromaDomain
import StromaWorkbench

/// Parses a vocabulary kind typed on the command line (`routes`, `route`, `cell-sources`).
enum KindArgument {
    static func parse(_ text: String, option: String) throws -> VocabularyKind {
        try KnowledgeQueries.vocabularyKind(text, option: option)
    }
}
