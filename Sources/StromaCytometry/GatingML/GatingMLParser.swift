import Foundation

/// Reads Gating-ML 2.0 XML into a ``GatingML`` value.
///
/// Supported: `RectangleGate`, `PolygonGate`, `EllipsoidGate`, `QuadrantGate`, `BooleanGate` (and, or, not with
/// `use-as-complement`), `parent_id` chains, `spectrumMatrix` compensation, and the transformations flin, flog,
/// fasinh, logicle, hyperlog and fratio. Anything else is refused with the element, its id and line.
public enum GatingMLParser {
    /// Parses the Gating-ML file at `path`.
    public static func read(path: String) throws -> GatingML {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CytometryError(file: path, "cannot be read (no such file, or not readable)")
        }
        return try parse(data, source: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// Parses Gating-ML held in memory; `source` names it in messages.
    public static func parse(_ data: Data, source: String) throws -> GatingML {
        let root = try XMLNode.parse(data, source: source)
        guard root.name == "Gating-ML" else {
            throw CytometryError(file: source, "the root element is '\(root.name)', not 'Gating-ML'")
        }
        var transformations: [String: GatingML.Transformation] = [:]
        var matrices: [String: GatingML.SpectrumMatrix] = [:]
        var gates: [GatingML.Gate] = []
        for node in root.children {
            let context = Context(source: source, node: node)
            switch node.name {
            case "transformation":
                let id = try context.attribute("id")
                transformations[id] = try transformation(node, context: context)
            case "spectrumMatrix":
                let matrix = try spectrumMatrix(node, context: context)
                matrices[matrix.id] = matrix
            case "RectangleGate", "PolygonGate", "EllipsoidGate", "BooleanGate":
                gates.append(try gate(node, context: context))
            case "QuadrantGate":
                gates.append(contentsOf: try quadrants(node, context: context))
            default:
                continue  // custom_info and other annotations
            }
        }
        let document = GatingML(transformations: transformations, spectrumMatrices: matrices, gates: gates)
        try validate(document, source: source)
        return document
    }

    struct Context {
        var source: String
        var node: XMLNode

        func fail(_ message: String) -> CytometryError {
            CytometryError(
                file: source,
                "line \(node.line), <\(node.name)\(node.attributes["id"].map { " id=\"\($0)\"" } ?? "")>: \(message)")
        }

        func attribute(_ name: String, of element: XMLNode? = nil) throws -> String {
            guard let value = (element ?? node).attributes[name] else { throw fail("attribute '\(name)' is missing") }
            return value
        }

        func number(_ name: String, of element: XMLNode? = nil) throws -> Double {
            let text = try attribute(name, of: element)
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw fail("attribute '\(name)' is '\(text)', not a number")
            }
            return value
        }

        func optionalNumber(_ name: String, of element: XMLNode) throws -> Double? {
            guard element.attributes[name] != nil else { return nil }
            return try number(name, of: element)
        }

        func value(_ element: XMLNode) throws -> Double {
            if let attribute = element.attributes["value"] {
                guard let value = Double(attribute.trimmingCharacters(in: .whitespaces)) else {
                    throw fail("value '\(attribute)' is not a number")
                }
                return value
            }
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = Double(text) else { throw fail("<\(element.name)> holds '\(text)', not a number") }
            return value
        }
    }

    static func transformation(_ node: XMLNode, context: Context) throws -> GatingML.Transformation {
        guard let body = node.children.first else { throw context.fail("the transformation is empty") }
        let inner = Context(source: context.source, node: body)
        switch body.name {
        case "flin": return .scale(.linear(t: try inner.number("T"), a: try inner.number("A")))
        case "flog": return .scale(.log(t: try inner.number("T"), m: try inner.number("M")))
        case "fasinh":
            return .scale(.asinh(t: try inner.number("T"), m: try inner.number("M"), a: try inner.number("A")))
        case "logicle":
            do {
                return .scale(
                    .logicle(
                        try Logicle(
                            t: inner.number("T"), w: inner.number("W"), m: inner.number("M"), a: inner.number("A"))))
            } catch let error as CytometryError { throw inner.fail(error.message) }
        case "hyperlog":
            do {
                return .scale(
                    .hyperlog(
                        try Hyperlog(
                            t: inner.number("T"), w: inner.number("W"), m: inner.number("M"), a: inner.number("A"))))
            } catch let error as CytometryError { throw inner.fail(error.message) }
        case "fratio":
            let names = body.children("fcs-dimension").compactMap { $0.attributes["name"] }
            guard names.count == 2 else { throw inner.fail("fratio needs two fcs-dimension children") }
            return .ratio(
                numerator: names[0], denominator: names[1], a: try inner.number("A"), b: try inner.number("B"),
                c: try inner.number("C"))
        default:
            throw inner.fail("unsupported transformation; valid: flin, flog, fasinh, logicle, hyperlog, fratio")
        }
    }

    static func spectrumMatrix(_ node: XMLNode, context: Context) throws -> GatingML.SpectrumMatrix {
        let id = try context.attribute("id")
        let fluorochromes =
            node.child("fluorochromes")?.children("fcs-dimension").compactMap { $0.attributes["name"] } ?? []
        let detectors = node.child("detectors")?.children("fcs-dimension").compactMap { $0.attributes["name"] } ?? []
        var rows: [[Double]] = []
        for spectrum in node.children("spectrum") {
            rows.append(try spectrum.children("coefficient").map { try context.value($0) })
        }
        guard !detectors.isEmpty, rows.count == fluorochromes.count, rows.allSatisfy({ $0.count == detectors.count })
        else {
            throw context.fail(
                "the spectrum matrix must have one spectrum per fluorochrome (\(fluorochromes.count)) with one coefficient per detector (\(detectors.count))"
            )
        }
        let inverted = (node.attributes["matrix-inverted-already"] ?? "false").lowercased() == "true"
        return GatingML.SpectrumMatrix(
            id: id, fluorochromes: fluorochromes, detectors: detectors, coefficients: rows, invertedAlready: inverted)
    }

    static func dimension(_ node: XMLNode, context: Context) throws -> GatingML.Dimension {
        let inner = Context(source: context.source, node: node)
        let compensation = node.attributes["compensation-ref"]
        let transformation = node.attributes["transformation-ref"]
        if let fcs = node.child("fcs-dimension") {
            return GatingML.Dimension(
                name: try inner.attribute("name", of: fcs), isRatio: false, compensation: compensation,
                transformation: transformation, minimum: try inner.optionalNumber("min", of: node),
                maximum: try inner.optionalNumber("max", of: node))
        }
        if let new = node.child("new-dimension") {
            return GatingML.Dimension(
                name: try inner.attribute("transformation-ref", of: new), isRatio: true, compensation: compensation,
                transformation: transformation, minimum: try inner.optionalNumber("min", of: node),
                maximum: try inner.optionalNumber("max", of: node))
        }
        throw inner.fail("a dimension needs an fcs-dimension or new-dimension child")
    }

    static func gate(_ node: XMLNode, context: Context) throws -> GatingML.Gate {
        let id = try context.attribute("id")
        let parent = node.attributes["parent_id"]
        let dimensions = try node.children("dimension").map { try dimension($0, context: context) }
        let shape: GatingML.Shape
        switch node.name {
        case "RectangleGate":
            guard !dimensions.isEmpty else { throw context.fail("a rectangle gate needs at least one dimension") }
            shape = .rectangle(dimensions)
        case "PolygonGate":
            guard dimensions.count == 2 else { throw context.fail("a polygon gate needs two dimensions") }
            let vertices = try node.children("vertex").map {
                try $0.children("coordinate").map { try context.value($0) }
            }
            guard vertices.count >= 3, vertices.allSatisfy({ $0.count == 2 }) else {
                throw context.fail("a polygon gate needs at least three vertices of two coordinates")
            }
            shape = .polygon(dimensions, vertices: vertices)
        case "EllipsoidGate":
            let mean = try node.child("mean")?.children("coordinate").map { try context.value($0) } ?? []
            let covariance =
                try node.child("covarianceMatrix")?.children("row").map {
                    try $0.children("entry").map { try context.value($0) }
                } ?? []
            guard let distance = node.child("distanceSquare") else { throw context.fail("distanceSquare is missing") }
            guard mean.count == dimensions.count, covariance.count == dimensions.count,
                covariance.allSatisfy({ $0.count == dimensions.count })
            else { throw context.fail("the mean and covariance matrix must match the \(dimensions.count) dimensions") }
            shape = .ellipsoid(
                dimensions, mean: mean, covariance: covariance, distanceSquare: try context.value(distance))
        default:
            guard let operation = node.children.first(where: { ["and", "or", "not"].contains($0.name) }),
                let booleanOperator = GatingML.BooleanOperator(rawValue: operation.name)
            else { throw context.fail("a Boolean gate needs an and, or or not element") }
            let references = try operation.children("gateReference").map { reference in
                (
                    gate: try context.attribute("ref", of: reference),
                    complement: (reference.attributes["use-as-complement"] ?? "false").lowercased() == "true"
                )
            }
            let count = references.count
            guard booleanOperator == .not ? count == 1 : count >= 2 else {
                throw context.fail(
                    "'\(booleanOperator.rawValue)' takes \(booleanOperator == .not ? "one gate reference" : "two or more gate references"), not \(count)"
                )
            }
            shape = .boolean(booleanOperator, references)
        }
        return GatingML.Gate(id: id, parent: parent, shape: shape)
    }

    static func quadrants(_ node: XMLNode, context: Context) throws -> [GatingML.Gate] {
        let parent = node.attributes["parent_id"]
        var dividers: [String: (GatingML.Dimension, [Double])] = [:]
        for divider in node.children("divider") {
            let id = try context.attribute("id", of: divider)
            let dimension = try dimension(divider, context: context)
            let values = try divider.children("value").map { try context.value($0) }.sorted()
            dividers[id] = (dimension, values)
        }
        return try node.children("Quadrant").map { quadrant in
            let id = try context.attribute("id", of: quadrant)
            let positions = try quadrant.children("position").map { position in
                let reference = try context.attribute("divider_ref", of: position)
                guard let (dimension, values) = dividers[reference] else {
                    throw context.fail("quadrant '\(id)' names divider '\(reference)', which this gate does not define")
                }
                return (divider: dimension, values: values, location: try context.number("location", of: position))
            }
            return GatingML.Gate(id: id, parent: parent, shape: .quadrant(positions))
        }
    }

    /// Every referenced gate, parent, transformation and matrix exists, and no gate is its own ancestor.
    static func validate(_ document: GatingML, source: String) throws {
        let ids = Set(document.gates.map(\.id))
        func checkDimension(_ dimension: GatingML.Dimension, gate: String) throws {
            if let transformation = dimension.transformation, document.transformations[transformation] == nil {
                throw CytometryError(
                    file: source, "gate '\(gate)' names transformation '\(transformation)', which is not defined")
            }
            if dimension.isRatio, document.transformations[dimension.name] == nil {
                throw CytometryError(
                    file: source, "gate '\(gate)' names ratio '\(dimension.name)', which is not defined")
            }
            if let compensation = dimension.compensation, compensation != "FCS", compensation != "uncompensated",
                document.spectrumMatrices[compensation] == nil
            {
                throw CytometryError(
                    file: source,
                    "gate '\(gate)' names compensation '\(compensation)'; valid: FCS, uncompensated, or a spectrumMatrix id (\(document.spectrumMatrices.keys.sorted().joined(separator: ", ")))"
                )
            }
        }
        for gate in document.gates {
            if let parent = gate.parent, !ids.contains(parent) {
                throw CytometryError(file: source, "gate '\(gate.id)' names parent '\(parent)', which is not defined")
            }
            switch gate.shape {
            case .rectangle(let dimensions), .polygon(let dimensions, _), .ellipsoid(let dimensions, _, _, _):
                for dimension in dimensions { try checkDimension(dimension, gate: gate.id) }
            case .quadrant(let positions):
                for position in positions { try checkDimension(position.divider, gate: gate.id) }
            case .boolean(_, let references):
                for reference in references where !ids.contains(reference.gate) {
                    throw CytometryError(
                        file: source, "Boolean gate '\(gate.id)' names gate '\(reference.gate)', which is not defined")
                }
            }
            var seen: Set<String> = [gate.id]
            var current = gate.parent
            while let parent = current {
                guard seen.insert(parent).inserted else {
                    throw CytometryError(file: source, "gate '\(gate.id)' is its own ancestor through '\(parent)'")
                }
                current = document.gate(parent)?.parent
            }
        }
    }
}
