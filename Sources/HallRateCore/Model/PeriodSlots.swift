/// Positions of months in a run's list of months: O(1) when the list is consecutive (always, for
/// the months of a report), a dictionary otherwise.
struct PeriodSlots {
    private let first: Int
    private let count: Int
    private let consecutive: Bool
    private let byIndex: [Int: Int]

    init(_ periods: [Period]) {
        let first = periods.first?.index ?? 0
        self.first = first
        count = periods.count
        consecutive = periods.indices.allSatisfy { periods[$0].index == first + $0 }
        var byIndex: [Int: Int] = [:]
        if !consecutive {
            for (slot, period) in periods.enumerated() where byIndex[period.index] == nil { byIndex[period.index] = slot }
        }
        self.byIndex = byIndex
    }

    /// The position of `period` in the list (its first, when listed twice), or nil.
    @inline(__always)
    func slot(_ period: Period) -> Int? {
        if consecutive {
            let offset = period.index - first
            return offset >= 0 && offset < count ? offset : nil
        }
        return byIndex[period.index]
    }
}
