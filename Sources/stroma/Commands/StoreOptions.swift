import ArgumentParser
import StromaStore
import StromaWorkbench

/// The `--db PATH` option, shared by every command that reads or writes the Stroma database.
///
/// Without it the default store is used: `$STROMA_DB`, else
/// `$XDG_DATA_HOME/stroma/stroma.sqlite`, else `~/.local/share/stroma/stroma.sqlite`, built from
/// the bundled knowledge base at first use.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database file (default: $STROMA_DB, else $XDG_DATA_HOME/stroma/stroma.sqlite, else "
                + "~/.local/share/stroma/stroma.sqlite). Created from the bundled knowledge base "
                + "when missing.",
            valueName: "path"))
    var db: String?

    /// Opens the chosen store, building or refreshing its knowledge tables from the bundled
    /// knowledge base when needed (``KnowledgeQueries/openStore(path:)``).
    func openStore() throws -> StromaStore {
        try KnowledgeQueries.openStore(path: db)
    }

    /// The knowledge-base workflows over the chosen store.
    func knowledge() throws -> KnowledgeQueries {
        KnowledgeQueries(store: try openStore())
    }
}
