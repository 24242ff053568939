import ArgumentParser
import StromaWorkbench

/// `stroma evidence`: the user's own quantitative evidence beside the bundled knowledge base.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Import, list, show and retract experiments with arms and outcome data.",
        discussion: """
            User evidence lives in the store beside the bundled knowledge base, which stays \
            read-only; every listing says which is which (origin 'user' or 'bundled'). The CSV \
            layout is documented in docs/evidence.md.
            """,
        subcommands: [
            EvidenceImportCommand.self, EvidenceListCommand.self, EvidenceShowCommand.self,
            EvidenceRetractCommand.self,
        ])
}

/// `stroma evidence import FILE`.
struct EvidenceImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an evidence CSV (one row per arm × outcome × time point) in one transaction.")

    @Argument(help: "Evidence CSV file.") var file: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let result = try EvidenceImport.run(path: file, store: try store.openStore())
        StandardStreams.writeData(try EvidenceImportListing(result: result).rendered(as: output.format))
        StandardStreams.writeMessage(
            "\(result.file): \(result.experiments) experiments, \(result.measurements) measurements; "
                + "\(result.added.count) added, \(result.changed.count) changed (new version), "
                + "\(result.unchanged.count) unchanged\n")
    }
}

/// `stroma evidence list`.
struct EvidenceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List experiments, bundled and user, saying which is which.")

    @Option(help: "Only 'bundled' or 'user' experiments.") var origin: EvidenceCatalog.Origin?
    @Flag(help: "Include retracted user experiments.") var includeRetracted = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let entries = try EvidenceCatalog.list(
            store: try store.openStore(), origin: origin, includeRetracted: includeRetracted)
        StandardStreams.writeData(try EvidenceListing(entries: entries).rendered(as: output.format))
    }
}

/// `stroma evidence show ID`.
struct EvidenceShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one experiment with arms, measurements, relative results and history.")

    @Argument(help: "Experiment id (user-… or a bundled id).") var id: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let detail = try EvidenceCatalog.show(id: id, store: try store.openStore())
        StandardStreams.writeData(try EvidenceDetailListing(detail: detail).rendered(as: output.format))
    }
}

/// `stroma evidence retract ID --reason …`.
struct EvidenceRetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Retract a user experiment (kept with its history, no longer pooled).")

    @Argument(help: "User experiment id (user-…).") var id: String
    @Option(help: "Why it is retracted.") var reason: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let entry = try EvidenceCatalog.retract(id: id, reason: reason, store: try store.openStore())
        StandardStreams.writeData(try EvidenceListing(entries: [entry]).rendered(as: output.format))
    }
}

extension EvidenceCatalog.Origin: ExpressibleByArgument {}
