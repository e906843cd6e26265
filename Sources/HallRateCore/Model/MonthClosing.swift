/// Which months are closed and which are still provisional (contract rule 13).
///
/// A month P is closed once the as-of date is at least `closeAfterDays` days after P's last day;
/// otherwise (including any month after the as-of date) it is provisional.
package struct MonthClosing: Sendable, Equatable {
    /// The day the figures are judged on: the day of the run in Asia/Shanghai, or `--as-of`.
    package let asOf: CalendarDate
    package let closeAfterDays: Int

    package init(asOf: CalendarDate, closeAfterDays: Int) {
        self.asOf = asOf
        self.closeAfterDays = closeAfterDays
    }

    package func isClosed(_ period: Period) -> Bool {
        asOf.days >= closingDay(of: period).days
    }

    /// The day `period` closes: `closeAfterDays` after its last day.
    package func closingDay(of period: Period) -> CalendarDate {
        CalendarDate(days: CalendarDate.lastDay(of: period).days + closeAfterDays)
    }

    /// The month's last day is behind the as-of date, though the month may not be closed yet:
    /// its exports may still be corrected (补报期).
    package func hasEnded(_ period: Period) -> Bool { asOf.days > CalendarDate.lastDay(of: period).days }

    /// The latest closed month (the month before the as-of date's, or the one before that).
    package var latestClosed: Period {
        var period = asOf.period
        while !isClosed(period) { period = period.advanced(by: -1) }
        return period
    }
}
