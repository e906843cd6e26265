/// Additive counts of transactions by channel and status for one hall and month.
///
/// Sums merge across files and runs; ratios are derived only at the end.
///
/// The 5 × 4 counts are stored inline (channel-major, slots 0–15 in `low`, 16–19 in `high`), so a
/// cell costs no heap allocation and `total` / `online` are a few additions.
package struct ChannelStatusCounts: Sendable, Equatable {
    private var low = SIMD16<Int>()
    private var high = SIMD4<Int>()

    package init() {}

    @inline(__always)
    private static func channelIndex(_ channel: Channel) -> Int {
        switch channel {
        case .window: return 0
        case .online: return 1
        case .mobile: return 2
        case .kiosk: return 3
        case .other: return 4
        }
    }

    @inline(__always)
    private static func statusIndex(_ status: Status) -> Int {
        switch status {
        case .completed: return 0
        case .inProgress: return 1
        case .rejected: return 2
        case .withdrawn: return 3
        }
    }

    @inline(__always)
    private static func slot(_ channel: Channel, _ status: Status) -> Int {
        channelIndex(channel) * 4 + statusIndex(status)
    }

    package mutating func add(_ channel: Channel, _ status: Status, count: Int = 1) {
        let slot = ChannelStatusCounts.slot(channel, status)
        if slot < 16 { low[slot] += count } else { high[slot - 16] += count }
    }

    package subscript(channel: Channel, status: Status) -> Int {
        let slot = ChannelStatusCounts.slot(channel, status)
        return slot < 16 ? low[slot] : high[slot - 16]
    }

    /// Adds every count of `other`.
    package mutating func merge(_ other: ChannelStatusCounts) {
        low &+= other.low
        high &+= other.high
    }

    /// Counted transactions: every status but withdrawn (contract rule 4).
    package var total: Int {
        // Slots 3, 7, 11, 15 and 19 hold the withdrawn counts.
        let counted = SIMD16<Int>(1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0)
        return (low &* counted).wrappedSum() + high[0] + high[1] + high[2]
    }

    /// Counted transactions handled online (online or mobile; contract rule 5).
    package var online: Int {
        low[4] + low[5] + low[6] + low[8] + low[9] + low[10]
    }

    /// Withdrawn transactions, accepted but not counted.
    package var withdrawn: Int { low[3] + low[7] + low[11] + low[15] + high[3] }
}
