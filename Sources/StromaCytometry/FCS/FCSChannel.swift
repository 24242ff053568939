import Foundation

/// One parameter (channel) of an FCS file, from its `$Pn…` keywords.
public struct FCSChannel: Sendable, Equatable, Codable {
    /// How the channel's values are stored in the DATA segment.
    public enum Storage: String, Sendable, Codable {
        /// Unsigned integers of ``FCSChannel/bits`` bits, masked to the range (`$DATATYPE I`).
        case integer
        /// IEEE 754 single precision (`F`).
        case float32
        /// IEEE 754 double precision (`D`).
        case float64
    }

    /// 1-based parameter number `n`.
    public var number: Int
    /// `$PnN`, the short name (for example `FL1-H`).
    public var name: String
    /// `$PnS`, the long name or stain (for example `CD4 FITC`), empty when absent.
    public var label: String
    /// `$PnB`, bits per value.
    public var bits: Int
    /// `$PnR`, the range (integer values lie in 0 ..< range).
    public var range: Double
    /// `$PnE` decades `f1` (0 for linear data).
    public var decades: Double
    /// `$PnE` `f2`, the value of log(0) (set to 1 when `f1` > 0 and `f2` is 0, as FCS 3.1 §3.2.20 says).
    public var logZero: Double
    /// `$PnG`, the amplifier gain (1 when absent).
    public var gain: Double
    /// The storage type: `$DATATYPE`, or `$PnDATATYPE` (FCS 3.2) for this channel.
    public var storage: Storage

    /// Whether this is the time channel (`$PnN` `Time`, any case).
    public var isTime: Bool { name.lowercased() == "time" }
}
