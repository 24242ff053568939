import ArgumentParser

/// `stroma fetch`: downloads records from online registries into the store.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download registry records into the store.",
        subcommands: [FetchCTGov.self]
    )
}
