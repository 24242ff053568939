/// A JSON value that is always written, as `null` when absent or (for numbers) not finite.
///
/// Swift's synthesized `Codable` leaves out `nil` optionals; the documented JSON keys of results are stable and
/// write `null` for a value that does not apply, so result types mark such properties `@Nullable`.
@propertyWrapper
public struct Nullable<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        if let number = wrappedValue as? Double, !number.isFinite {
            self.wrappedValue = nil
        } else {
            self.wrappedValue = wrappedValue
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// Reads a missing key of a ``Nullable`` property as `nil`.
    public func decode<Value>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        try decodeIfPresent(type, forKey: key) ?? Nullable(wrappedValue: nil)
    }
}
