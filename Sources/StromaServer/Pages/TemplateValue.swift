import Foundation

/// Turns `Codable` results into the dictionaries and arrays the mustache templates read, through their JSON
/// encoding, so templates use the same snake_case keys as the API.
///
/// `null` values are dropped (a missing key is falsy in mustache); whole numbers stay integers.
enum TemplateValue: Decodable {
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([TemplateValue])
    case object([String: TemplateValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TemplateValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TemplateValue].self))
        }
    }

    /// The plain Swift value mustache renders.
    var plain: Any? {
        switch self {
        case .bool(let value): value
        case .integer(let value): value
        case .number(let value): value
        case .string(let value): value
        case .array(let values): values.compactMap(\.plain)
        case .object(let values): values.compactMapValues(\.plain)
        case .null: nil
        }
    }

    /// `value` as template data (a dictionary for a struct, an array for a list).
    static func from(_ value: some Encodable) throws -> Any {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(TemplateValue.self, from: data).plain ?? [String: Any]()
    }
}
