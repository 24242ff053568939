import ArgumentParser

/// `stroma trials`: the clinical-trial command group.
///
/// Without a subcommand it lists trials
/// (``TrialsList``).
struct TrialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trials",
        abstract: "Clinical trials of MSC therapies.",
        subcommands: [
            TrialsList.self,
            TrialsLandscape.self,
            TrialsShow.self,
        ],
        defaultSubcommand: TrialsList.self)
}
