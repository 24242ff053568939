import Foundation

/// A spillover matrix from an FCS file's `$SPILLOVER` (FCS 3.1), `SPILL` or `$SPILL` keyword.
///
/// The keyword holds `n, name₁, …, nameₙ, s₁₁, s₁₂, …, sₙₙ`: row i is the signal of the fluorochrome measured in
/// channel nameᵢ as seen in every listed channel. Observed = true · S, so compensated = observed · S⁻¹ (Bagwell &
/// Adams 1993; the FCS 3.1 standard, `$SPILLOVER`).
public struct Spillover: Sendable, Equatable {
    /// The channel names (`$PnN`) the matrix covers, in order.
    public var channels: [String]
    /// Row-major n × n.
    public var matrix: [[Double]]

    /// Parses the spillover keyword of `file`, if it has one.
    public init?(file: FCSFile) throws {
        guard
            let text = file.keywords.value("$SPILLOVER") ?? file.keywords.value("SPILL")
                ?? file.keywords.value("$SPILL")
        else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let count = parts.first.flatMap({ Int($0) }), count > 0, parts.count == 1 + count + count * count else {
            throw CytometryError(
                file: file.source,
                "keyword '$SPILLOVER' is not 'n, n channel names, n×n numbers' (\(parts.count) fields)")
        }
        channels = Array(parts[1...count])
        var matrix: [[Double]] = []
        for row in 0..<count {
            var values: [Double] = []
            for column in 0..<count {
                let field = parts[1 + count + row * count + column]
                guard let value = Double(field) else {
                    throw CytometryError(file: file.source, "keyword '$SPILLOVER' entry '\(field)' is not a number")
                }
                values.append(value)
            }
            matrix.append(values)
        }
        self.matrix = matrix
        for name in channels where file.channelIndex(named: name) == nil {
            throw CytometryError(
                file: file.source, "keyword '$SPILLOVER' names channel '\(name)', which the file lacks")
        }
    }

    public init(channels: [String], matrix: [[Double]]) {
        self.channels = channels
        self.matrix = matrix
    }
}
