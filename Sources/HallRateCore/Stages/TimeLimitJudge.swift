/// Contract rules 20–21 for one counted transaction: its deadline from the item catalogue and the
/// working-day calendar, and whether it was finished on time, late, is still open (and overdue as of
/// the run's day), or cannot be judged.
struct TimeLimitJudge {
    let catalogue: ItemCatalogue
    let calendar: WorkingDayCalendar
    /// The run's as-of day: an open transaction whose deadline ended before this day is overdue.
    let asOf: CalendarDate

    /// What rule 21 makes of one counted transaction.
    enum Verdict: Equatable {
        /// Its item is not in the catalogue (or its source records no item): counted, never guessed.
        case uncatalogued
        /// Finished (completed or rejected) without a usable `completed_at`: empty, unreadable, before
        /// acceptance, or a day of acceptance the store does not know. A data-quality figure, not a reject.
        case untimed
        case onTime
        /// Finished after its deadline, by this many days in the item's unit.
        case late(days: Int)
        /// In progress; `dueSoon` (黄牌) when its deadline is the run's day or the next day of the item's
        /// unit (at most 1 day after today left).
        case open(dueSoon: Bool)
        /// In progress past its deadline as of the run's day (红牌), by this many days in the item's unit
        /// up to and including the run's day.
        case overdue(days: Int)
    }

    /// The last day of `item`'s time limit for a transaction accepted on `accepted` (rule 20): an instant
    /// item's is its day of acceptance.
    func deadline(of item: ItemCatalogue.Terms, acceptedOn accepted: CalendarDate) throws(HallRateError) -> CalendarDate {
        try calendar.lastDay(of: item.kind == .instant ? 0 : item.promisedLimit, item.unit, after: accepted)
    }

    /// - Parameters:
    ///   - accepted: the day of acceptance, nil when the store does not know it.
    ///   - deadline: how to get the deadline (``deadline(of:acceptedOn:)``, or a cache of it).
    /// - Throws: ``HallRateError`` `.calendar` when a deadline runs into a year the calendar does not cover.
    func judge(
        item: ItemCatalogue.Terms?, status: Status, accepted: CalendarDate?, completion: Transaction.Completion,
        deadline: ((ItemCatalogue.Terms, CalendarDate) throws(HallRateError) -> CalendarDate)? = nil
    ) throws(HallRateError) -> Verdict {
        guard let item else { return .uncatalogued }
        func lastDay(_ accepted: CalendarDate) throws(HallRateError) -> CalendarDate {
            if let deadline { return try deadline(item, accepted) }
            return try self.deadline(of: item, acceptedOn: accepted)
        }
        switch status {
        case .withdrawn:
            return .uncatalogued  // never counted (rule 4); callers do not ask
        case .inProgress:
            guard let accepted else { return .untimed }
            let deadline = try lastDay(accepted)
            if deadline < asOf { return .overdue(days: try days(after: deadline, through: asOf, item.unit)) }
            return .open(dueSoon: try days(after: asOf, through: deadline, item.unit) <= 1)
        case .completed, .rejected:
            guard let accepted, case .at(let minute) = completion else { return .untimed }
            let deadline = try lastDay(accepted)
            let finished = LocalTime(seconds: Int64(minute) * 60).date
            return finished <= deadline ? .onTime : .late(days: try days(after: deadline, through: finished, item.unit))
        }
    }

    /// The days of `unit` after `start` up to and including `end` (0 when `end` is not after `start`).
    private func days(after start: CalendarDate, through end: CalendarDate, _ unit: WorkingDayCalendar.Unit) throws(HallRateError) -> Int {
        guard end > start else { return 0 }
        if unit == .naturalDays { return end.days - start.days }
        return try calendar.workingDays(after: start, through: end)
    }
}
