import Foundation

/// An FCS data set as read: the HEADER offsets, the TEXT keywords, the channels and the list-mode events.
///
/// Events are kept once, as stored (``rawValues``, row-major: event × channel, integers after their `$PnR` bit
/// mask). ``scaledValues()`` gives the scale values of the FCS 3.1 standard (§3.2.20, `$PnE` and `$PnG`) — the
/// values Gating-ML 2.0 gates are defined on and FlowIO's `as_array(preprocess=True)` returns.
public struct FCSFile: Sendable {
    /// The file name or path it was read from, for messages.
    public var source: String
    /// `FCS2.0`, `FCS3.0`, `FCS3.1` or `FCS3.2` without the prefix: `2.0`, `3.0`, `3.1`, `3.2`.
    public var version: String
    /// Byte offsets from the HEADER, inclusive: TEXT, DATA and ANALYSIS begin and end.
    public var headerOffsets: [Int]
    /// The byte range of the DATA segment that was read, after the offset policy (inclusive bounds).
    public var dataOffsets: ClosedRange<Int>
    /// Every TEXT keyword.
    public var keywords: FCSKeywords
    /// The channels in parameter order.
    public var channels: [FCSChannel]
    /// The number of events (`$TOT`).
    public var eventCount: Int
    /// Events as stored, row-major (`eventCount` × `channels.count`).
    public var rawValues: [Double]
    /// What the reader tolerated (offset disagreements, an off-by-one DATA end), one line each.
    public var warnings: [String]

    /// The value of event `event` (0-based) on channel index `channel` (0-based), as stored.
    public func raw(event: Int, channel: Int) -> Double { rawValues[event * channels.count + channel] }

    /// The index of the channel whose `$PnN` (or else `$PnS`) is `name`.
    public func channelIndex(named name: String) -> Int? {
        channels.firstIndex { $0.name == name } ?? channels.firstIndex { $0.label == name }
    }

    /// Scale values (FCS 3.1 §3.2.20), row-major: for a log channel (`$PnE` f1 > 0) `f2·10^(f1·x/$PnR)`; then
    /// division by `$PnG` when it is neither 1 nor 0; the time channel multiplied by `$TIMESTEP` and never divided
    /// by a gain (as FlowIO 1.4 and FlowKit do).
    ///
    /// - Throws: ``CytometryError`` when the time channel needs a `$TIMESTEP` that is not a number.
    public func scaledValues() throws -> [Double] {
        var values = rawValues
        let width = channels.count
        var timeFactor = 1.0
        if let timeIndex = channels.firstIndex(where: \.isTime), let step = keywords.value("$TIMESTEP") {
            let trimmed = step.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                guard let number = Double(trimmed) else {
                    throw CytometryError(
                        file: source,
                        "keyword '$TIMESTEP' is '\(step)', not a number; the time channel '\(channels[timeIndex].name)' cannot be scaled"
                    )
                }
                timeFactor = number
            }
        }
        for (index, channel) in channels.enumerated() {
            let isTime = channel.isTime
            let logDecades = channel.decades
            let gain = isTime ? 1 : channel.gain
            let divide = gain != 1 && gain != 0
            if !isTime && logDecades <= 0 && !divide { continue }
            var position = index
            while position < values.count {
                var value = values[position]
                if isTime {
                    value *= timeFactor
                } else if logDecades > 0 {
                    value = pow(10, logDecades * value / channel.range) * channel.logZero
                }
                if divide { value /= gain }
                values[position] = value
                position += width
            }
        }
        return values
    }
}
