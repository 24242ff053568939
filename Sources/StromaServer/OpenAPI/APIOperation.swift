/// One operation of the JSON API as the OpenAPI document describes it.
struct APIOperation: Sendable {
    /// A query or path parameter.
    struct Parameter: Sendable {
        var name: String
        var location: String = "query"
        var required = false
        var type = "string"
        var choices: [String]? = nil
        var minimum: Int? = nil
        var maximum: Int? = nil
        var description: String
    }

    /// The request body: a JSON object with these properties, or a multipart form.
    enum Body: Sendable {
        case json(required: [String], properties: [String: [String: any Sendable]])
        case multipart(required: [String], properties: [String: [String: any Sendable]])
    }

    var method: String
    var path: String
    var tag: String
    var summary: String
    var parameters: [Parameter] = []
    var body: Body? = nil
    /// Whether the operation writes (needs the bearer token or a signed-in curator).
    var write = false
    /// What the success answer is (`application/json` unless stated).
    var produces = "application/json"

    /// The path as the router spells it (`{id}` → `:id`).
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }
}
