import ArgumentParser
import StromaWorkbench

/// `stroma show <term>`: everything the knowledge base knows about one term.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything known about a condition, cell source, route, mechanism, "
            + "molecule…",
        discussion: """
            Prints the term's definition and synonyms, then the experiments, trials and claims \
            that use it (or a narrower term), related terms, the terms used with it, and the \
            publications — each line with its citation (seed, section or table row, and the \
            seed's reference number). Give --kind when a name belongs to several vocabularies.
            """)

    @Argument(help: "A term id, label or synonym, e.g. ischemic-stroke or 缺血性脑卒中.")
    var term: String

    @Option(help: "The term's vocabulary, e.g. condition or routes.") var kind: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let kind = try self.kind.map { try KindArgument.parse($0, option: "kind") }
        let profile = try store.knowledge().profile(of: term, kind: kind)
        let text: String
        switch output.format {
        case .table: text = ProfileText.render(profile)
        case .csv: text = CSVText.render(headers: ProfileCSV.headers, rows: ProfileCSV.rows(profile))
        case .json: text = try JSONText.render(profile)
        }
        StandardStreams.writeData(text)
    }
}
