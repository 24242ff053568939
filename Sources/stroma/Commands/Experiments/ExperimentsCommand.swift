import ArgumentParser
import StromaStore
import StromaWorkbench

/// `stroma experiments`: animal and in-vitro experiments, filtered by vocabulary terms.
struct ExperimentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiments",
        abstract: "List experiments, filtered by condition, cell source, route, species or phase.",
        discussion: """
            Each filter takes a term id, label or synonym (any case; the seeds' Chinese terms \
            too). A broader term includes its narrower terms: --route intravenous includes \
            tail-vein. Filters combine with AND. JSON output is the full experiment records \
            with provenance.
            """)

    @Option(help: "Condition, e.g. ischemic-stroke.") var condition: String?
    @Option(help: "Cell source, e.g. umbilical-cord or BMSC.") var source: String?
    @Option(help: "Route, e.g. intravenous.") var route: String?
    @Option(help: "Host species, e.g. rat.") var species: String?
    @Option(help: "Disease phase at administration, e.g. stroke-subacute.") var phase: String?
    @Option(help: "Disease model, e.g. mcao.") var model: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let query = ExperimentQuery(
            condition: condition, source: source, route: route, species: species, phase: phase,
            model: model)
        let experiments = try store.knowledge().experiments(query)
        StandardStreams.writeData(
            try ExperimentListing(experiments: experiments).rendered(as: output.format))
    }
}
