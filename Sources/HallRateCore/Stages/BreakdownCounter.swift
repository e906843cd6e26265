/// Stage 4c, the breakdowns' counts (contract rule 17): counted, online and window-or-kiosk transactions per tier, month
/// and item (or department), from the same winners as the hall counts.
///
/// Each file numbers its own items; the counter maps them to one number per distinct code across the
/// store when it is made, so counting a row is two array reads and two increments in a flat table (a
/// dictionary when the store's items × tiers × months would make the table too big). A class, like
/// ``Aggregator``, so that counting goes through a pointer.
final class BreakdownCounter {
    /// Per number: the key and the name shown with it.
    let keys: [Breakdown.Key]
    let names: [String]
    /// File position `f`'s numbers → the store-wide ones, at `global[start[f]…]`; the last of a file's is
    /// for ``CompactTransaction/notRecorded`` and any number beyond its list.
    private let global: UnsafeMutableBufferPointer<Int32>
    private let start: UnsafeMutableBufferPointer<Int>
    private let firstPeriod: Int
    private let periods: Int
    /// Per (number, tier, month offset): total, online, then window or kiosk, when the table is flat.
    private let dense: UnsafeMutableBufferPointer<Int>
    private var sparse: [Int: Count] = [:]
    private typealias Count = (total: Int, online: Int, windowOrKiosk: Int)
    private static let maxDenseCells = 1 << 21

    /// - Parameters:
    ///   - files: per stored file in path order, the (code, name) of each of its numbers.
    ///   - periods: the months the stored rows fall in.
    init(files: [[(code: String, name: String)]], periods: ClosedRange<Int>?) {
        var number: [Breakdown.Key: Int] = [:]
        var keys: [Breakdown.Key] = []
        var names: [String] = []
        func numbered(_ key: Breakdown.Key, name: String) -> Int32 {
            if let known = number[key] {
                if !name.isEmpty { names[known] = name }  // the latest file's name of an item
                return Int32(known)
            }
            number[key] = keys.count
            keys.append(key)
            names.append(name)
            return Int32(keys.count - 1)
        }
        var global: [Int32] = []
        var start: [Int] = []
        for file in files {
            start.append(global.count)
            global += file.map { numbered(Breakdown.Key(code: $0.code), name: $0.name) }
            global.append(numbered(.notRecorded, name: ""))
        }
        start.append(global.count)
        self.keys = keys
        self.names = names
        self.global = .allocate(capacity: global.count)
        _ = self.global.initialize(from: global)
        self.start = .allocate(capacity: start.count)
        _ = self.start.initialize(from: start)
        firstPeriod = periods?.lowerBound ?? 0
        let span = periods.map { $0.upperBound - $0.lowerBound + 1 } ?? 0
        let cells = keys.count.multipliedReportingOverflow(by: 3 * max(span, 0))
        self.periods = !cells.overflow && cells.partialValue <= Self.maxDenseCells ? span : 0
        dense = .allocate(capacity: self.periods > 0 ? 3 * cells.partialValue : 0)
        dense.initialize(repeating: 0)
    }

    deinit {
        global.deallocate()
        start.deallocate()
        dense.deallocate()
    }

    /// Counts one winner of file position `file` and tier `tier` (withdrawn rows are not counted, rule 4).
    @inline(__always)
    func add(_ row: CompactTransaction, local: UInt16, file: Int, tier: Int) {
        guard row.isCounted else { return }
        let (first, end) = (start[file], start[file + 1])
        let number = Int(local) < end - first - 1 ? global[first + Int(local)] : global[end - 1]
        let channel = row.kind >> 3  // window 0, online 1, mobile 2, kiosk 3, other 4
        let online = channel == 1 || channel == 2 ? 1 : 0
        let windowOrKiosk = channel == 0 || channel == 3 ? 1 : 0
        let offset = Int(row.period) - firstPeriod
        if periods > 0, offset >= 0, offset < periods {
            let cell = 3 * ((Int(number) * 3 + tier) * periods + offset)
            dense[cell] += 1
            dense[cell + 1] += online
            dense[cell + 2] += windowOrKiosk
        } else {
            let key = (Int(number) &* 4 &+ tier) &* (1 << 24) &+ Int(row.period) & 0xFF_FFFF
            Self.bump(&sparse[key, default: (0, 0, 0)], online, windowOrKiosk)
        }
    }

    @inline(__always)
    private static func bump(_ count: inout Count, _ online: Int, _ windowOrKiosk: Int) {
        count.total += 1
        count.online += online
        count.windowOrKiosk += windowOrKiosk
    }

    /// Adds the counts of another counter made from the same files and months.
    func absorb(_ other: BreakdownCounter) {
        precondition(other.dense.count == dense.count, "breakdown counters of different shapes")
        for i in dense.indices { dense[i] += other.dense[i] }
        sparse.merge(other.sparse) { ($0.total + $1.total, $0.online + $1.online, $0.windowOrKiosk + $1.windowOrKiosk) }
    }

    /// Every count, keyed as the sparse ones are: (number × 4 + tier) × 2²⁴ + month index (24 bits).
    private var counts: [Int: Count] {
        var counts = sparse
        guard periods > 0 else { return counts }
        for number in keys.indices {
            for tier in 0..<3 {
                for offset in 0..<periods {
                    let cell = 3 * ((number * 3 + tier) * periods + offset)
                    guard dense[cell] > 0 else { continue }
                    let key = (number * 4 + tier) * (1 << 24) + (firstPeriod + offset) & 0xFF_FFFF
                    let known = counts[key] ?? (0, 0, 0)
                    counts[key] = (known.total + dense[cell], known.online + dense[cell + 1], known.windowOrKiosk + dense[cell + 2])
                }
            }
        }
        return counts
    }

    /// The breakdown rows: by month, tier, then total descending, then key.
    func breakdowns(_ dimension: Breakdown.Dimension) -> [Breakdown] {
        counts.map { key, count in
            let period = Period(index: Int(Int32(truncatingIfNeeded: (key & 0xFF_FFFF) << 8) >> 8))
            let rest = key >> 24
            return Breakdown(
                dimension: dimension, tier: Tier.allCases[rest & 3], period: period, key: keys[rest >> 2],
                name: dimension == .item ? names[rest >> 2] : "", total: count.total, online: count.online,
                windowOrKiosk: count.windowOrKiosk)
        }
        .sorted(by: Breakdown.listedBefore)
    }
}
