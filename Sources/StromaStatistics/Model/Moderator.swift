/// A study-level moderator (covariate) for meta-regression or subgroup analysis.
public struct Moderator: Sendable, Codable, Equatable, Hashable {
    public enum Values: Sendable, Codable, Equatable, Hashable {
        /// A numeric covariate entering the model as one column.
        case continuous([Double])
        /// A factor, dummy-coded as R's `model.matrix` (treatment contrasts, first level = reference).
        /// `levels` fixes the order; `nil` sorts the distinct values (R's default for character data
        /// in the C locale).
        case categorical([String], levels: [String]? = nil)
    }

    public var name: String
    public var values: Values

    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    /// Convenience for a continuous moderator.
    public static func continuous(_ name: String, _ values: [Double]) -> Moderator {
        Moderator(name: name, values: .continuous(values))
    }

    /// Convenience for a categorical moderator.
    public static func categorical(_ name: String, _ values: [String], levels: [String]? = nil) -> Moderator {
        Moderator(name: name, values: .categorical(values, levels: levels))
    }

    var count: Int {
        switch values {
        case .continuous(let v): return v.count
        case .categorical(let v, _): return v.count
        }
    }

    /// The factor levels in model order (categorical only).
    public var factorLevels: [String] {
        switch values {
        case .continuous: return []
        case .categorical(let v, let levels): return levels ?? Array(Set(v)).sorted()
        }
    }
}

/// A model matrix X (k × p, row-major) with column names; column 0 is the intercept.
public struct DesignMatrix: Sendable, Codable, Equatable, Hashable {
    public var columnNames: [String]
    public var rows: Int
    /// Row-major values, `rows × columnNames.count`.
    public var values: [Double]

    public var columns: Int { columnNames.count }

    public subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// Intercept-only design for k studies.
    public static func interceptOnly(_ k: Int) -> DesignMatrix {
        DesignMatrix(columnNames: ["intrcpt"], rows: k, values: [Double](repeating: 1, count: k))
    }

    public init(columnNames: [String], rows: Int, values: [Double]) {
        self.columnNames = columnNames
        self.rows = rows
        self.values = values
    }

    /// Builds intercept + moderators, dummy coding factors as R's `model.matrix` (column names
    /// `name` + level, for example `allocrandom`).
    public init(k: Int, moderators: [Moderator]) throws {
        var names = ["intrcpt"]
        var cols: [[Double]] = [[Double](repeating: 1, count: k)]
        for moderator in moderators {
            guard moderator.count == k else {
                throw StatisticsError(
                    "moderator '\(moderator.name)' has \(moderator.count) values; expected \(k) (one per study)")
            }
            switch moderator.values {
            case .continuous(let v):
                if let bad = v.firstIndex(where: { !$0.isFinite }) {
                    throw StatisticsError(
                        "moderator '\(moderator.name)', row \(bad + 1): value must be finite, got \(v[bad])")
                }
                names.append(moderator.name)
                cols.append(v)
            case .categorical(let v, _):
                let levels = moderator.factorLevels
                if let bad = v.firstIndex(where: { !levels.contains($0) }) {
                    throw StatisticsError(
                        "moderator '\(moderator.name)', row \(bad + 1): '\(v[bad])' is not one of the levels \(levels)")
                }
                for level in levels.dropFirst() {
                    names.append(moderator.name + level)
                    cols.append(v.map { $0 == level ? 1 : 0 })
                }
            }
        }
        var values = [Double](repeating: 0, count: k * cols.count)
        for i in 0..<k { for j in 0..<cols.count { values[i * cols.count + j] = cols[j][i] } }
        self.init(columnNames: names, rows: k, values: values)
    }

    /// The rows at the given indices.
    func selecting(_ indices: [Int]) -> DesignMatrix {
        var out: [Double] = []
        out.reserveCapacity(indices.count * columns)
        for i in indices { out.append(contentsOf: values[(i * columns)..<((i + 1) * columns)]) }
        return DesignMatrix(columnNames: columnNames, rows: indices.count, values: out)
    }
}
