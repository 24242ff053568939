/// When something was given relative to the injury or disease onset.
///
/// `stated` keeps the source's words ("MCAO 后第 3 天和第 7 天" → "days 3 and 7 after MCAO");
/// `hours` lists each administration time in hours after injury when the source gives one
/// (`[72, 168]`). A time before injury (pre-treatment) is negative.
public struct TimeAfterInjury: Sendable, Codable, Equatable, Hashable {
    public var stated: String
    public var hours: [Double]

    public init(stated: String, hours: [Double] = []) {
        self.stated = stated
        self.hours = hours
    }

    /// The first administration time in hours, if known.
    public var firstHours: Double? { hours.min() }
}
