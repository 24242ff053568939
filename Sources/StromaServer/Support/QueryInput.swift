import Foundation
import Hummingbird
import StromaWorkbench

/// Reads and checks query-string parameters; a bad value throws a ``WorkbenchError`` naming the parameter and
/// what would be valid (the same words the CLI uses for its option).
struct QueryInput {
    let parameters: [String: [String]]

    init(_ request: Request) {
        var parameters: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters {
            parameters[String(key), default: []].append(String(value))
        }
        self.parameters = parameters
    }

    /// The trimmed value of `name`, or `nil` when absent or empty.
    func string(_ name: String) -> String? {
        guard let value = parameters[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
        else { return nil }
        return value
    }

    /// The value of `name`, required.
    func required(_ name: String, example: String) throws -> String {
        guard let value = string(name) else {
            throw WorkbenchError(
                .invalidInput, "the query parameter '\(name)' is required, e.g. ?\(name)=\(example)", option: name)
        }
        return value
    }

    /// An integer in `range`, or `defaultValue` when absent.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw WorkbenchError(
                .invalidInput,
                "the query parameter '\(name)' is '\(text)'; give an integer from \(range.lowerBound) to "
                    + "\(range.upperBound)",
                option: name, valid: ["\(range.lowerBound)...\(range.upperBound)"])
        }
        return value
    }

    /// One of `choices`, or `defaultValue` when absent.
    func choice(_ name: String, default defaultValue: String, from choices: [String]) throws -> String {
        guard let text = string(name) else { return defaultValue }
        guard choices.contains(text) else {
            throw WorkbenchError(
                .invalidInput,
                "the query parameter '\(name)' is '\(text)'; give one of \(choices.joined(separator: ", "))",
                option: name, valid: choices)
        }
        return text
    }
}
