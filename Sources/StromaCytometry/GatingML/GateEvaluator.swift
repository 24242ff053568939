import Foundation

/// Evaluates Gating-ML gates on the events of one FCS file.
///
/// Events are first turned into scale values (``FCSFile/scaledValues()``); a dimension is then compensated (by
/// the file's spillover for `FCS`, by a spectrum matrix, or not at all), made a ratio when it is one, and
/// transformed, as Gating-ML 2.0 §3 orders it. Memberships are cached per gate, and a gate's parent chain is
/// applied to it. The file's `FCS` compensation falls back to none when the file has no spillover keyword, and
/// says so in ``warnings``.
public final class GateEvaluator {
    public let document: GatingML
    public let file: FCSFile
    /// Things the evaluation tolerated, one line each.
    public private(set) var warnings: [String] = []

    private let scaled: [Double]
    private let width: Int
    /// The file's `$SPILLOVER`, parsed once (used by `compensation-ref="FCS"`).
    private let spillover: Spillover?
    private var columns: [String: [Double]] = [:]
    private var memberships: [String: [Bool]] = [:]

    public init(document: GatingML, file: FCSFile) throws {
        self.document = document
        self.file = file
        self.scaled = try file.scaledValues()
        self.width = file.channels.count
        self.spillover = try Spillover(file: file)
    }

    /// The events inside gate `id`, parents included.
    public func membership(_ id: String) throws -> [Bool] {
        if let cached = memberships[id] { return cached }
        guard let gate = document.gate(id) else {
            throw CytometryError(
                file: file.source,
                "there is no gate '\(id)'; gates: \(document.gates.map(\.id).joined(separator: ", "))")
        }
        var inside = try shapeMembership(gate)
        if let parent = gate.parent {
            let parentInside = try membership(parent)
            for index in inside.indices where !parentInside[index] { inside[index] = false }
        }
        memberships[id] = inside
        return inside
    }

    private func shapeMembership(_ gate: GatingML.Gate) throws -> [Bool] {
        let count = file.eventCount
        switch gate.shape {
        case .rectangle(let dimensions):
            var inside = [Bool](repeating: true, count: count)
            for dimension in dimensions {
                let values = try self.values(dimension, gate: gate.id)
                let low = dimension.minimum ?? -.infinity
                let high = dimension.maximum ?? .infinity
                for index in 0..<count where inside[index] {
                    let value = values[index]
                    inside[index] = value >= low && value < high
                }
            }
            return inside
        case .polygon(let dimensions, let vertices):
            let xs = try values(dimensions[0], gate: gate.id)
            let ys = try values(dimensions[1], gate: gate.id)
            return (0..<count).map { Self.insidePolygon(x: xs[$0], y: ys[$0], vertices: vertices) }
        case .ellipsoid(let dimensions, let mean, let covariance, let distanceSquare):
            guard let inverse = SquareMatrix.inverse(covariance) else {
                throw CytometryError(file: file.source, "gate '\(gate.id)': the covariance matrix is singular")
            }
            let columns = try dimensions.map { try values($0, gate: gate.id) }
            let size = dimensions.count
            return (0..<count).map { index in
                var centred = [Double](repeating: 0, count: size)
                for axis in 0..<size { centred[axis] = columns[axis][index] - mean[axis] }
                var distance = 0.0
                for row in 0..<size {
                    for column in 0..<size { distance += centred[row] * inverse[row][column] * centred[column] }
                }
                return distance <= distanceSquare
            }
        case .quadrant(let positions):
            var inside = [Bool](repeating: true, count: count)
            for position in positions {
                let values = try self.values(position.divider, gate: gate.id)
                let target = Self.interval(position.location, position.values)
                for index in 0..<count where inside[index] {
                    let value = values[index]
                    inside[index] = !value.isNaN && Self.interval(value, position.values) == target
                }
            }
            return inside
        case .boolean(let operation, let references):
            let operands = try references.map { reference -> [Bool] in
                let inside = try membership(reference.gate)
                return reference.complement ? inside.map { !$0 } : inside
            }
            switch operation {
            case .and: return (0..<count).map { index in operands.allSatisfy { $0[index] } }
            case .or: return (0..<count).map { index in operands.contains { $0[index] } }
            case .not: return operands[0].map { !$0 }
            }
        }
    }

    /// The index of the divider interval (−∞, v₁), [v₁, v₂), …, [vₙ, ∞) that holds `value`.
    static func interval(_ value: Double, _ dividers: [Double]) -> Int { dividers.filter { $0 <= value }.count }

    /// Even–odd (crossing number) point-in-polygon test.
    static func insidePolygon(x: Double, y: Double, vertices: [[Double]]) -> Bool {
        guard !x.isNaN, !y.isNaN else { return false }
        var inside = false
        var previous = vertices.count - 1
        for current in 0..<vertices.count {
            let (xi, yi) = (vertices[current][0], vertices[current][1])
            let (xj, yj) = (vertices[previous][0], vertices[previous][1])
            if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
            previous = current
        }
        return inside
    }

    // MARK: - Dimension values

    /// A dimension's values for every event: compensated, ratio'd and transformed.
    public func values(_ dimension: GatingML.Dimension, gate: String) throws -> [Double] {
        var base: [Double]
        if dimension.isRatio {
            guard
                case .ratio(let numerator, let denominator, let a, let b, let c) = document.transformations[
                    dimension.name]
            else {
                throw CytometryError(
                    file: file.source, "gate '\(gate)': '\(dimension.name)' is not a ratio transformation")
            }
            let top = try compensated(numerator, dimension.compensation, gate: gate)
            let bottom = try compensated(denominator, dimension.compensation, gate: gate)
            base = zip(top, bottom).map { a * ($0 - b) / ($1 - c) }
        } else {
            base = try compensated(dimension.name, dimension.compensation, gate: gate)
        }
        if let id = dimension.transformation {
            guard case .scale(let transform) = document.transformations[id] else {
                throw CytometryError(
                    file: file.source, "gate '\(gate)': transformation '\(id)' is not a scale transformation")
            }
            for index in base.indices { base[index] = transform.apply(base[index]) }
        }
        return base
    }

    private func column(_ name: String, gate: String) throws -> [Double] {
        guard let index = file.channelIndex(named: name) else {
            throw CytometryError(
                file: file.source,
                "gate '\(gate)' uses channel '\(name)', which the file lacks; its channels: \(file.channels.map(\.name).joined(separator: ", "))"
            )
        }
        return stride(from: index, to: scaled.count, by: width).map { scaled[$0] }
    }

    private func compensated(_ name: String, _ reference: String?, gate: String) throws -> [Double] {
        let key = "\(reference ?? "uncompensated")\u{1}\(name)"
        if let cached = columns[key] { return cached }
        let result: [Double]
        switch reference {
        case nil, "uncompensated":
            result = try column(name, gate: gate)
        case "FCS":
            if let spillover, let position = spillover.channels.firstIndex(of: name) {
                result = try compensate(
                    detectors: spillover.channels, coefficients: spillover.matrix, inverted: false, output: position,
                    gate: gate)
            } else {
                if spillover == nil {
                    let note =
                        "gate '\(gate)' asks for the file's compensation (FCS), but the file has no spillover keyword; uncompensated values were used"
                    if !warnings.contains(note) { warnings.append(note) }
                }
                result = try column(name, gate: gate)
            }
        case let id?:
            guard let matrix = document.spectrumMatrices[id] else {
                throw CytometryError(
                    file: file.source, "gate '\(gate)' names compensation '\(id)', which is not defined")
            }
            if let position = matrix.fluorochromes.firstIndex(of: name) {
                result = try compensate(
                    detectors: matrix.detectors, coefficients: matrix.coefficients, inverted: matrix.invertedAlready,
                    output: position, gate: gate)
            } else {
                result = try column(name, gate: gate)
            }
        }
        columns[key] = result
        return result
    }

    /// Column `output` of observed · S⁺, where S is fluorochromes × detectors (S⁻¹ when square; the
    /// Moore–Penrose right inverse Sᵀ(SSᵀ)⁻¹ otherwise) or, when `inverted`, S itself read as detectors ×
    /// fluorochromes.
    private func compensate(
        detectors: [String], coefficients: [[Double]], inverted: Bool, output: Int, gate: String
    ) throws -> [Double] {
        let unmixing: [[Double]]
        if inverted {
            unmixing = coefficients
        } else if coefficients.count == detectors.count {
            guard let inverse = SquareMatrix.inverse(coefficients) else {
                throw CytometryError(file: file.source, "gate '\(gate)': the spillover matrix is singular")
            }
            unmixing = inverse
        } else {
            let transposed = SquareMatrix.transpose(coefficients)
            guard let inner = SquareMatrix.inverse(SquareMatrix.multiply(coefficients, transposed)) else {
                throw CytometryError(file: file.source, "gate '\(gate)': the spectrum matrix has no right inverse")
            }
            unmixing = SquareMatrix.multiply(transposed, inner)
        }
        let observed = try detectors.map { try column($0, gate: gate) }
        let weights = observed.indices.map { unmixing[$0][output] }
        return (0..<file.eventCount).map { event in
            var sum = 0.0
            for detector in observed.indices { sum += observed[detector][event] * weights[detector] }
            return sum
        }
    }
}
