import ArgumentParser
import StromaStore
import StromaWorkbench

/// `stroma search <text>`: full-text search over experiments, trials and claims.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search experiments, trials and claims for words.",
        discussion: """
            Every word must occur (as a word prefix: 'neuroprot' finds 'neuroprotective'), in \
            the record's text or in the names and synonyms of the terms it uses. Chinese text \
            is matched as a substring. Best matches first.
            """)

    @Argument(help: "Words to find.") var words: [String]
    @Option(help: "At most this many results.") var limit: Int = 50

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let hits = try store.knowledge().search(words.joined(separator: " "), limit: limit)
        StandardStreams.writeData(try SearchListing(hits: hits).rendered(as: output.format))
    }
}

/// Search hits as table, CSV or JSON.
struct SearchListing: Tabular {
    var hits: [SearchHit]

    var headers: [String] { ["type", "id", "title", "snippet", "cited"] }

    var rows: [[String]] {
        hits.map { [$0.recordType, $0.recordId, $0.title, $0.snippet, $0.citation ?? ""] }
    }

    var jsonValue: [SearchHit] { hits }
}
