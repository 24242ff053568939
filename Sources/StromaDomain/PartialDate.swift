/// A calendar date known to the year, the month or the day, as registries write them
/// (`2015`, `2015-10`, `2015-10-05`).
///
/// Encoded as that ISO 8601 string, so the precision survives a round trip. Ordering compares
/// year, then month, then day; a missing component sorts before any present one
/// (`2015 < 2015-01 < 2015-01-01`).
public struct PartialDate: Sendable, Codable, Equatable, Hashable, Comparable,
    CustomStringConvertible
{
    /// How much of the date is known.
    public enum Precision: String, Sendable, Codable, Equatable, Hashable {
        case year, month, day
    }

    public let year: Int
    /// 1…12, when known.
    public let month: Int?
    /// 1…31, when known (only with a month).
    public let day: Int?

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// Creates a date; returns `nil` when a component is out of range or a day has no month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...PartialDate.daysIn(month: month, year: year)).contains(day)
            else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0])
        else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        self.init(year: year, month: month, day: day)
    }

    /// The ISO 8601 text at the known precision.
    public var description: String {
        var text = String(year)
        while text.count < 4 { text = "0" + text }
        if let month { text += month < 10 ? "-0\(month)" : "-\(month)" }
        if let day { text += day < 10 ? "-0\(day)" : "-\(day)" }
        return text
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return (lhs.month ?? 0) < (rhs.month ?? 0) }
        return (lhs.day ?? 0) < (rhs.day ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a date; valid: YYYY, YYYY-MM or YYYY-MM-DD")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
