/// Where each hall's row of each month is in a metric's rows: a flat table by month slot × hall, for the
/// stages that look up every hall of a month (a province has a million hall-months, too many to hash).
struct HallMonthIndex {
    private let hallCount: Int
    private let slots: PeriodSlots
    /// rowAt[slot * hallCount + hall]: index + 1 of the hall's row in that month, 0 for none (the last row wins).
    private var rowAt: [Int]

    init(_ rows: [HallMonth], periods: [Period], hallCount: Int) {
        self.hallCount = hallCount
        slots = PeriodSlots(periods)
        rowAt = [Int](repeating: 0, count: periods.count * hallCount)
        for (i, row) in rows.enumerated() where row.hall >= 0 && row.hall < hallCount {
            if let slot = slots.slot(row.period) { rowAt[slot * hallCount + row.hall] = i + 1 }
        }
    }

    /// The position of `hall`'s row of `period` in the rows, or nil when it has none (or the month is not listed).
    @inline(__always)
    func row(hall: Int, period: Period) -> Int? {
        guard let slot = slots.slot(period), hall >= 0, hall < hallCount else { return nil }
        let at = rowAt[slot * hallCount + hall]
        return at == 0 ? nil : at - 1
    }
}
