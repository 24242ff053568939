import ArgumentParser

extension Stroma {
    /// Every top-level subcommand. Each feature adds its command here, one per line.
    static let allSubcommands: [any ParsableCommand.Type] = [
        MetaCommand.self,
    ]
}
