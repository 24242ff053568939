import Foundation
import StromaDomain
import StromaKnowledge

extension KnowledgeBase {
    /// A fingerprint of the knowledge base's content, recorded in `stroma_metadata` so a store
    /// built from an older knowledge base is refreshed.
    ///
    /// Rule: 64-bit FNV-1a over the canonical JSON (sorted keys) of the vocabulary, publications,
    /// experiments, trials and claims in order, written as `fnv1a64:` + 16 hex digits. It
    /// detects changes; it is not a cryptographic hash. Formatting of the source files does not
    /// change it.
    /// - Throws: `EncodingError` if a number is not finite.
    public func checksum() throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ data: Data) {
            for byte in data {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            mix1(0xFF)
        }
        func mix1(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        mix(try KnowledgeJSON.encode(vocabulary))
        mix(try KnowledgeJSON.encode(publications))
        mix(try KnowledgeJSON.encode(experiments))
        mix(try KnowledgeJSON.encode(trials))
        mix(try KnowledgeJSON.encode(claims))
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The canonical JSON the store keeps for each record: the documented domain encoding with
/// sorted keys and unescaped slashes.
enum KnowledgeJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
