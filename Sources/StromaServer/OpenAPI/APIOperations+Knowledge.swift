/// The knowledge operations: search, terms, experiments, claims, conditions and vocabularies.
enum APIOperations {
    static let experimentFilters: [APIOperation.Parameter] = [
        .init(name: "condition", description: "Condition id, label or synonym, e.g. ischemic-stroke"),
        .init(name: "source", description: "Cell source, e.g. umbilical-cord"),
        .init(name: "route", description: "Route, e.g. intravenous (includes narrower routes)"),
        .init(name: "species", description: "Host species, e.g. rat"),
        .init(name: "phase", description: "Disease phase at administration, e.g. stroke-subacute"),
        .init(name: "model", description: "Disease model, e.g. mcao"),
    ]

    static var knowledge: [APIOperation] {
        [
            APIOperation(
                method: "get", path: "/api/v1/search", tag: "knowledge",
                summary: "Full-text search of experiments, trials and claims (stroma search)",
                parameters: [
                    .init(name: "q", required: true, description: "Words; each must occur (as a word prefix)"),
                    .init(name: "limit", type: "integer", minimum: 1, maximum: 500, description: "At most this many"),
                ]),
            APIOperation(
                method: "get", path: "/api/v1/terms/{term}", tag: "knowledge",
                summary: "Everything known about a term (stroma show)",
                parameters: [
                    .init(name: "term", location: "path", description: "Term id, label or synonym"),
                    .init(name: "kind", description: "The term's vocabulary when the name is ambiguous, e.g. routes"),
                ]),
            APIOperation(
                method: "get", path: "/api/v1/experiments", tag: "knowledge",
                summary: "Experiments, filtered (stroma experiments)", parameters: experimentFilters),
            APIOperation(
                method: "get", path: "/api/v1/claims", tag: "knowledge", summary: "Claims, filtered (stroma claims)",
                parameters: [
                    .init(name: "subject", description: "Subject term of any kind"),
                    .init(name: "mechanism", description: "Mechanism, e.g. immunomodulation"),
                    .init(name: "condition", description: "Condition, e.g. parkinsons-disease"),
                ]),
        ]
    }
}
