/// Matching of request paths against registered route paths (`/api/v1/terms/:kind/:id`, `{id}` or `:id`
/// placeholders match one segment, `*` one segment, `**` the rest).
enum RoutePattern {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let patternParts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let pathParts = path.split(separator: "/", omittingEmptySubsequences: true)
        var index = 0
        for part in patternParts {
            if part == "**" { return true }
            guard index < pathParts.count else { return false }
            let isPlaceholder = part.hasPrefix(":") || part.hasPrefix("{") || part == "*"
            if !isPlaceholder && part != pathParts[index] { return false }
            index += 1
        }
        return index == pathParts.count
    }
}
