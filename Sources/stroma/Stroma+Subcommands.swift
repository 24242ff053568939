import ArgumentParser

extension Stroma {
    /// Every top-level subcommand.
    ///
    /// Each feature adds its command here, one per line.
    static let allSubcommands: [any ParsableCommand.Type] = [
        ImportCommand.self,
        FetchCommand.self,
        ConditionsCommand.self,
        VocabCommand.self,
        ShowCommand.self,
        ExperimentsCommand.self,
        TrialsCommand.self,
        ClaimsCommand.self,
        SearchCommand.self,
        ExportCommand.self,
        SimulateCommand.self,
        DoseCommand.self,
        ModelCommand.self,
        MetaCommand.self,
        EvidenceCommand.self,
        ServeCommand.self,
        UserCommand.self,
    ]
}
