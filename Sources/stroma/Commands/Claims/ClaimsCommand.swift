import ArgumentParser
import StromaDomain
import StromaStore
import StromaWorkbench

/// `stroma claims`: subject–relation–object statements with their evidence.
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List claims, filtered by subject, mechanism or condition.",
        discussion: """
            --subject takes a term of any kind that is the claim's subject (e.g. a cell source \
            or a route); --mechanism and --condition match the subject, the object or the \
            context. Broader terms include narrower ones.
            """)

    @Option(help: "Subject term, e.g. bone-marrow or intracerebral.") var subject: String?
    @Option(help: "Mechanism, e.g. immunomodulation.") var mechanism: String?
    @Option(help: "Condition, e.g. parkinsons-disease.") var condition: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let claims = try store.knowledge().claims(
            ClaimQuery(subject: subject, mechanism: mechanism, condition: condition))
        StandardStreams.writeData(try ClaimListing(claims: claims).rendered(as: output.format))
    }
}

/// Claims as table, CSV or JSON (JSON: the full ``Claim`` records).
struct ClaimListing: Tabular {
    var claims: [Claim]

    var headers: [String] {
        ["id", "subject", "relation", "object", "evidence", "statement", "cited"]
    }

    var rows: [[String]] {
        claims.map { c in
            [
                c.id, RecordDisplay.subject(c), c.relation, RecordDisplay.object(c),
                c.evidence.rawValue, c.statement, RecordDisplay.citation(c.provenance),
            ]
        }
    }

    var jsonValue: [Claim] { claims }
}
