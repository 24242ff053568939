import Foundation

/// Encodes values as the documented JSON interface: pretty-printed, keys sorted, slashes
/// unescaped, non-finite numbers refused (`null` is written by the types themselves).
enum JSONText {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
