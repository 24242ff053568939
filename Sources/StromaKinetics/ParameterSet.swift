import Foundation

/// A complete, named set of parameter values for one species and immune context.
///
/// Built by layering the bundled JSON files (`Resources/parameters/`): species physiology, then
/// the shared cell-kinetic defaults, then the immune context, then user overrides. Every value
/// keeps its source and evidence tag; an override's source says "user override".
public struct ParameterSet: Sendable, Equatable {
    /// Parameters by name, in load order.
    public private(set) var entries: [String: Parameter]
    public private(set) var order: [String]

    public init(_ parameters: [Parameter]) {
        entries = [:]
        order = []
        for p in parameters { insert(p) }
    }

    /// Adds or replaces a parameter (keeping its first position).
    public mutating func insert(_ parameter: Parameter) {
        if entries[parameter.name] == nil { order.append(parameter.name) }
        entries[parameter.name] = parameter
    }

    /// The value of a parameter the model needs; a missing name is a programming error in the
    /// bundled files, reported as a `KineticsError`.
    public func value(_ name: String) throws -> Double {
        guard let p = entries[name] else {
            throw KineticsError("parameter '\(name)' is missing from the parameter set")
        }
        return p.value
    }

    /// Unchecked access for names validated at load time.
    public subscript(_ name: String) -> Double {
        entries[name]?.value ?? .nan
    }

    /// All parameters in load order.
    public var parameters: [Parameter] { order.compactMap { entries[$0] } }

    /// Sets `name` to `value` after checking that the name exists and the value is physically
    /// valid (rates ≥ 0, fractions in [0, 1], positive quantities > 0).
    ///
    /// - Throws: `KineticsError` naming the parameter and the valid range.
    public mutating func set(_ name: String, to value: Double, source: String = "user override")
        throws
    {
        guard var p = entries[name] else {
            let known = order.sorted().joined(separator: ", ")
            throw KineticsError("unknown parameter '\(name)'; valid names: \(known)")
        }
        guard p.kind.admits(value) else {
            throw KineticsError(
                "parameter '\(name)' = \(value) is out of range; it must be \(p.kind.rangeText)")
        }
        p.value = value
        p.source = source
        p.evidence = .assumed
        entries[name] = p
    }

    /// Applies `NAME=VALUE` assignments (from `--set` or an override file's lines).
    public mutating func apply(assignments: [String]) throws {
        for text in assignments {
            let parts = text.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw KineticsError("cannot read '\(text)'; expected NAME=VALUE, e.g. kd_LU=0.05")
            }
            guard let v = Double(parts[1]) else {
                throw KineticsError(
                    "cannot read the value '\(parts[1])' of parameter '\(parts[0])'; expected a number")
            }
            try set(parts[0], to: v)
        }
    }

    /// Applies an override file: JSON object `{"kd_LU": 0.05, …}` or lines `NAME=VALUE`
    /// (`#` starts a comment).
    public mutating func apply(overrideFile url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw KineticsError("cannot read parameter file '\(url.path)'")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") {
            guard
                let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))
                    as? [String: Any]
            else {
                throw KineticsError(
                    "parameter file '\(url.path)' is not a JSON object of NAME: number")
            }
            for key in object.keys.sorted() {
                guard let v = (object[key] as? NSNumber)?.doubleValue else {
                    throw KineticsError(
                        "parameter file '\(url.path)': value of '\(key)' is not a number")
                }
                try set(key, to: v, source: "override file \(url.lastPathComponent)")
            }
        } else {
            let lines = text.split(whereSeparator: \.isNewline).map {
                String($0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    .trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            try apply(assignments: lines)
        }
    }
}
