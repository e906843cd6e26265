/// Additive counts of transactions by channel and status for one hall and month.
///
/// Sums merge across files and runs; ratios are derived only at the end.
public struct ChannelStatusCounts: Sendable, Equatable {
    private var cells = [Int](repeating: 0, count: Channel.allCases.count * Status.allCases.count)

    public init() {}

    private static func slot(_ channel: Channel, _ status: Status) -> Int {
        (Channel.allCases.firstIndex(of: channel) ?? 0) * Status.allCases.count + (Status.allCases.firstIndex(of: status) ?? 0)
    }

    public mutating func add(_ channel: Channel, _ status: Status, count: Int = 1) {
        cells[ChannelStatusCounts.slot(channel, status)] += count
    }

    public subscript(channel: Channel, status: Status) -> Int { cells[ChannelStatusCounts.slot(channel, status)] }

    /// Adds every count of `other`.
    public mutating func merge(_ other: ChannelStatusCounts) {
        for i in cells.indices { cells[i] += other.cells[i] }
    }

    /// Counted transactions: every status but withdrawn (contract rule 4).
    public var total: Int {
        Channel.allCases.reduce(0) { sum, channel in
            sum + Status.allCases.filter(\.counts).reduce(0) { $0 + self[channel, $1] }
        }
    }

    /// Counted transactions handled online (online or mobile; contract rule 5).
    public var online: Int {
        Channel.allCases.filter(\.isOnline).reduce(0) { sum, channel in
            sum + Status.allCases.filter(\.counts).reduce(0) { $0 + self[channel, $1] }
        }
    }

    /// Withdrawn transactions, accepted but not counted.
    public var withdrawn: Int { Channel.allCases.reduce(0) { $0 + self[$1, .withdrawn] } }
}
