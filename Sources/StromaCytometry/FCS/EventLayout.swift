import Foundation

/// How one event is laid out in the DATA segment: each channel's byte width, storage type and integer mask.
struct EventLayout {
    struct Field {
        var storage: FCSChannel.Storage
        var byteWidth: Int
        var offset: Int
        /// For integers: the bits kept, `nextPowerOfTwo($PnR) − 1` (all bits when the range needs all of them).
        var mask: UInt64
    }

    var fields: [Field]
    var bytesPerEvent: Int

    init(channels: [FCSChannel]) {
        var offset = 0
        var fields: [Field] = []
        for channel in channels {
            let width = channel.bits / 8
            var mask = UInt64.max >> (64 - UInt64(channel.bits))
            if channel.storage == .integer {
                let range = UInt64(min(channel.range, 1.8e19).rounded(.up))
                var power: UInt64 = 1
                while power < range && power < (1 << 63) { power <<= 1 }
                if power - 1 < mask { mask = power - 1 }
            }
            fields.append(Field(storage: channel.storage, byteWidth: width, offset: offset, mask: mask))
            offset += width
        }
        self.fields = fields
        self.bytesPerEvent = offset
    }

    /// Decodes `events` events starting at byte `start`, row-major, as doubles.
    func decode(_ bytes: [UInt8], from start: Int, events: Int, littleEndian: Bool) -> [Double] {
        var values = [Double](repeating: 0, count: events * fields.count)
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress! + start
            var output = 0
            for event in 0..<events {
                let eventBase = base + event * bytesPerEvent
                for field in fields {
                    let pointer = eventBase + field.offset
                    var word: UInt64 = 0
                    if littleEndian {
                        for byte in (0..<field.byteWidth).reversed() { word = word << 8 | UInt64(pointer[byte]) }
                    } else {
                        for byte in 0..<field.byteWidth { word = word << 8 | UInt64(pointer[byte]) }
                    }
                    switch field.storage {
                    case .integer: values[output] = Double(word & field.mask)
                    case .float32: values[output] = Double(Float(bitPattern: UInt32(truncatingIfNeeded: word)))
                    case .float64: values[output] = Double(bitPattern: word)
                    }
                    output += 1
                }
            }
        }
        return values
    }
}
