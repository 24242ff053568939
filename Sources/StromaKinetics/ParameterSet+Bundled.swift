import Foundation

/// Loading the bundled parameter files (`Resources/parameters/*.json`).
extension ParameterSet {
    private struct ParameterFile: Decodable {
        var parameters: [Parameter]
    }

    private struct ContextFile: Decodable {
        struct Entry: Decodable {
            var context: String
            var parameters: [Parameter]
        }
        var contexts: [Entry]
    }

    /// URL of a bundled parameter file.
    static func resource(_ name: String) throws -> URL {
        guard
            let url = Bundle.module.url(
                forResource: name, withExtension: "json", subdirectory: "Resources/parameters")
                ?? Bundle.module.url(
                    forResource: name, withExtension: "json", subdirectory: "parameters")
                ?? Bundle.module.url(forResource: name, withExtension: "json")
        else { throw KineticsError("bundled parameter file '\(name).json' is missing") }
        return url
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let url = try resource(name)
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw KineticsError("bundled parameter file '\(name).json' is invalid: \(error)")
        }
    }

    /// The default parameter set: species physiology + cell kinetics + immune context +
    /// paracrine factors and effect model.
    public static func bundled(species: Species, context: ImmuneContext) throws -> ParameterSet {
        var all = try decode(ParameterFile.self, species.rawValue).parameters
        all += try decode(ParameterFile.self, "cell-kinetics").parameters
        let contexts = try decode(ContextFile.self, "contexts").contexts
        guard let entry = contexts.first(where: { $0.context == context.rawValue }) else {
            throw KineticsError("bundled contexts.json has no context '\(context.rawValue)'")
        }
        all += entry.parameters
        all += try decode(ParameterFile.self, "factors-effect").parameters
        return ParameterSet(all)
    }
}
