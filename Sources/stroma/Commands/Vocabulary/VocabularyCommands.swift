import ArgumentParser
import StromaDomain
import StromaWorkbench

/// `stroma conditions`: the condition vocabulary.
struct ConditionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conditions",
        abstract: "List the conditions (diseases and injuries) in the knowledge base.",
        discussion: """
            Counts include records about narrower conditions (stroke counts ischemic-stroke \
            experiments). Use 'stroma show <condition>' for everything about one.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let listing = try store.knowledge().terms(of: .condition)
        StandardStreams.writeData(try listing.rendered(as: output.format))
    }
}

/// `stroma vocab [kind]`: any controlled vocabulary, or the list of vocabularies.
struct VocabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocab",
        abstract: "List a controlled vocabulary, or all vocabularies with their sizes.",
        discussion: """
            Kinds: conditions, disease-phases, cell-sources, origins, product-forms, routes, \
            species, disease-models, mechanisms, molecules, pathways, outcome-measures (the \
            singular works too).
            """)

    @Argument(help: ArgumentHelp("The vocabulary, e.g. routes or cell-sources.", valueName: "kind"))
    var kind: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let kind = try self.kind.map { try KindArgument.parse($0, option: "vocabulary") }
        let knowledge = try store.knowledge()
        if let kind {
            StandardStreams.writeData(try knowledge.terms(of: kind).rendered(as: output.format))
        } else {
            StandardStreams.writeData(try knowledge.vocabularies().rendered(as: output.format))
        }
    }
}
