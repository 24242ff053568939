import Hummingbird
import StromaDomain
import StromaStore
import StromaWorkbench

/// `/api/v1` knowledge routes: search, terms (what `stroma show` prints), experiments and claims — the same
/// JSON as `stroma search|show|experiments|claims --format json`.
struct KnowledgeAPI {
    let services: ServerServices

    func addRoutes(to api: RouterGroup<StromaRequestContext>) {
        let store = services.store
        api.get("/search") { request, _ in
            let query = QueryInput(request)
            let words = try query.required("q", example: "neuroprotection")
            let limit = try query.integer("limit", default: 50, in: 1...500)
            return try JSONBody.response(try store.search(words, limit: limit))
        }
        api.get("/terms/:term") { request, context in
            let name = try context.parameters.require("term")
            let kind = try KnowledgeAPI.kind(QueryInput(request).string("kind"), option: "kind")
            return try JSONBody.response(try store.profile(of: name, kind: kind))
        }
        api.get("/experiments") { request, _ in
            try JSONBody.response(try store.experiments(KnowledgeAPI.experimentQuery(QueryInput(request))))
        }
        api.get("/claims") { request, _ in
            let query = QueryInput(request)
            return try JSONBody.response(
                try store.claims(
                    ClaimQuery(
                        subject: query.string("subject"), mechanism: query.string("mechanism"),
                        condition: query.string("condition"))))
        }
    }

    /// The experiment filters from the query string (the `stroma experiments` options).
    static func experimentQuery(_ query: QueryInput) -> ExperimentQuery {
        ExperimentQuery(
            condition: query.string("condition"), source: query.string("source"), route: query.string("route"),
            species: query.string("species"), phase: query.string("phase"), model: query.string("model"))
    }

    /// A vocabulary kind from a parameter (`routes`, `route`, `cell-sources`).
    static func kind(_ text: String?, option: String) throws -> VocabularyKind? {
        guard let text else { return nil }
        guard let kind = VocabularyKind(name: text) else {
            throw WorkbenchError(
                .invalidInput,
                "the parameter '\(option)' is '\(text)'; give one of "
                    + VocabularyKind.allCases.map(\.pluralName).joined(separator: ", "),
                option: option, valid: VocabularyKind.allCases.map(\.pluralName))
        }
        return kind
    }
}
