import ArgumentParser
import StromaStore

/// `--db PATH`: the Stroma database to write; default: the user's store (`STROMA_DB`, XDG).
struct ImportDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: STROMA_DB, else the XDG data folder).")
    var db: String?

    /// Opens `--db` (created when missing), or the default knowledge store.
    func open() throws -> StromaStore {
        if let db { return try StromaStore.open(path: db) }
        return try StromaStore.openDefault()
    }
}
