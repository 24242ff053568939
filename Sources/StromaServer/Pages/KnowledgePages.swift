import Foundation
import Hummingbird
import StromaDomain
import StromaStore

/// The knowledge pages: home with search, search results, a term's page (what `stroma show` prints, for
/// conditions, cell sources, routes, mechanisms and every other vocabulary) and experiments with filters and
/// sorting.
struct KnowledgePages {
    let services: ServerServices

    /// How the experiments table can be sorted (`sort=`).
    static let sorts: [(value: String, label: String)] = [
        ("id", "Id"), ("species", "Species"), ("source", "Cell source"), ("route", "Route"),
        ("condition", "Condition"), ("model", "Model"),
    ]

    func addRoutes(to router: Router<StromaRequestContext>) {
        let services = self.services
        let store = services.store
        router.get("/") { _, context in
            let counts = try store.termCounts()
            let kinds = VocabularyKind.allCases.map {
                ["name": $0.pluralName, "terms": counts[$0] ?? 0] as [String: Any]
            }
            return services.pages.page(
                "home", title: "Workbench", data: ["nav": "home", "kinds": kinds], context: context)
        }
        router.get("/search") { request, context in
            let query = QueryInput(request)
            let words = try query.required("q", example: "neuroprotection")
            let limit = try query.integer("limit", default: 50, in: 1...500)
            let hits = try store.search(words, limit: limit)
            return services.pages.page(
                "search", title: "Search",
                data: [
                    "q": words, "q_url": words.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                    "count": hits.count, "hits": try TemplateValue.from(hits),
                ], context: context)
        }
        router.get("/terms/:term") { request, context in
            let name = try context.parameters.require("term")
            let kind = try KnowledgeAPI.kind(QueryInput(request).string("kind"), option: "kind")
            let profile = try store.profile(of: name, kind: kind)
            return services.pages.page(
                "term", title: profile.term.label, data: ["profile": try TemplateValue.from(profile)],
                context: context)
        }
        router.get("/experiments") { request, context in
            let query = QueryInput(request)
            let filter = KnowledgeAPI.experimentQuery(query)
            let sort = try query.choice("sort", default: "id", from: KnowledgePages.sorts.map(\.value))
            let experiments = KnowledgePages.sorted(try store.experiments(filter), by: sort)
            let filters: [String: String?] = [
                "condition": filter.condition, "source": filter.source, "route": filter.route,
                "species": filter.species, "phase": filter.phase, "model": filter.model,
            ]
            let given = filters.compactMapValues { $0 }.sorted { $0.key < $1.key }
            let queryString =
                given.isEmpty ? "" : "?" + given.map { "\($0.key)=\(Self.encode($0.value))" }.joined(separator: "&")
            let command = (["stroma experiments"] + given.map { "--\($0.key) \(ShellWords.quote($0.value))" })
                .joined(separator: " ")
            return services.pages.page(
                "experiments", title: "Experiments",
                data: [
                    "nav": "experiments", "filters": given.reduce(into: [String: String]()) { $0[$1.key] = $1.value },
                    "sorts": KnowledgePages.sorts.map {
                        ["value": $0.value, "label": $0.label, "selected": $0.value == sort]
                    },
                    "count": experiments.count, "experiments": try TemplateValue.from(experiments),
                    "query": queryString, "command": command,
                ], context: context)
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? ""
    }

    /// Experiments in the order `sort` names (then by id, so the order is stable).
    static func sorted(_ experiments: [Experiment], by sort: String) -> [Experiment] {
        func key(_ experiment: Experiment) -> String {
            switch sort {
            case "species": experiment.species ?? "~"
            case "source": experiment.source ?? "~"
            case "route": experiment.routes.first ?? "~"
            case "condition": experiment.conditions.first ?? "~"
            case "model": experiment.model ?? "~"
            default: experiment.id
            }
        }
        return experiments.sorted { (key($0), $0.id) < (key($1), $1.id) }
    }
}
