/// The value of a moderator (covariate) for one comparison: a number or a text category.
public enum ModeratorValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Double)
    case text(String)

    /// The numeric value, if this is a number.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// Text for labels: numbers without a trailing `.0`.
    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .text(let text): try container.encode(text)
        }
    }
}
