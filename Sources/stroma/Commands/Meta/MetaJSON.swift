/// A JSON value built field by field; non-finite numbers become `null`.
enum MetaJSON: Encodable {
    case number(Double)
    case int(Int)
    case string(String)
    case bool(Bool)
    case null
    case array([MetaJSON])
    case object([String: MetaJSON])

    static func num(_ value: Double?) -> MetaJSON {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    static func str(_ value: String?) -> MetaJSON { value.map(MetaJSON.string) ?? .null }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let values): try container.encode(values)
        case .object(let values): try container.encode(values)
        }
    }
}
