/// JSON form: snake_case keys; a known single value is `{"value", "field", "evidence"}`, an
/// unknown one the string `"unknown"`; lists are empty when unknown.
extension MSCExtraction: Codable {
    enum CodingKeys: String, CodingKey {
        case isMSC = "is_msc"
        case mscEvidence = "msc_evidence"
        case productForm = "product_form"
        case source, sources
        case origin, origins, routes, dose, doses, administrations, schedule, conditions
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(isMSC, forKey: .isMSC)
        try Self.encodeKnown(mscEvidence, &c, .mscEvidence)
        try Self.encodeKnown(productForm, &c, .productForm)
        try Self.encodeKnown(source, &c, .source)
        try c.encode(sources, forKey: .sources)
        try Self.encodeKnown(origin, &c, .origin)
        try c.encode(origins, forKey: .origins)
        try c.encode(routes, forKey: .routes)
        try Self.encodeKnown(dose, &c, .dose)
        try c.encode(doses, forKey: .doses)
        try Self.encodeKnown(administrations, &c, .administrations)
        try Self.encodeKnown(schedule, &c, .schedule)
        try c.encode(conditions, forKey: .conditions)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            isMSC: try c.decode(Bool.self, forKey: .isMSC),
            mscEvidence: try Self.decodeKnown(c, .mscEvidence),
            productForm: try Self.decodeKnown(c, .productForm),
            source: try Self.decodeKnown(c, .source),
            sources: try c.decodeIfPresent([MSCExtracted<String>].self, forKey: .sources) ?? [],
            origins: try c.decodeIfPresent([MSCExtracted<String>].self, forKey: .origins) ?? [],
            routes: try c.decodeIfPresent([MSCExtracted<String>].self, forKey: .routes) ?? [],
            dose: try Self.decodeKnown(c, .dose),
            doses: try c.decodeIfPresent([MSCExtracted<MSCDose>].self, forKey: .doses) ?? [],
            administrations: try Self.decodeKnown(c, .administrations),
            schedule: try Self.decodeKnown(c, .schedule),
            conditions: try c.decodeIfPresent([MSCExtracted<String>].self, forKey: .conditions) ?? []
        )
    }

    private static func encodeKnown<V>(
        _ value: MSCExtracted<V>?, _ c: inout KeyedEncodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws {
        if let value { try c.encode(value, forKey: key) } else { try c.encode("unknown", forKey: key) }
    }

    private static func decodeKnown<V>(
        _ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> MSCExtracted<V>? {
        if (try? c.decode(String.self, forKey: key)) == "unknown" { return nil }
        return try c.decodeIfPresent(MSCExtracted<V>.self, forKey: key)
    }
}
