/// Which months are closed and which are still provisional (contract rule 13).
///
/// A month P is closed once the as-of date is at least `closeAfterDays` days after P's last day;
/// otherwise (including any month after the as-of date) it is provisional.
public struct MonthClosing: Sendable, Equatable {
    /// The day the figures are judged on: the day of the run in Asia/Shanghai, or `--as-of`.
    public let asOf: CalendarDate
    public let closeAfterDays: Int

    public init(asOf: CalendarDate, closeAfterDays: Int) {
        self.asOf = asOf
        self.closeAfterDays = closeAfterDays
    }

    public func isClosed(_ period: Period) -> Bool {
        asOf.days - CalendarDate.lastDay(of: period).days >= closeAfterDays
    }

    /// The day `period` closes: `closeAfterDays` after its last day.
    public func closingDay(of period: Period) -> CalendarDate {
        CalendarDate(days: CalendarDate.lastDay(of: period).days + closeAfterDays)
    }

    /// The month's last day is behind the as-of date, though the month may not be closed yet:
    /// its exports may still be corrected (补报期).
    public func hasEnded(_ period: Period) -> Bool { asOf.days > CalendarDate.lastDay(of: period).days }

    /// The latest closed month (the month before the as-of date's, or the one before that).
    public var latestClosed: Period {
        var period = asOf.period
        while !isClosed(period) { period = period.advanced(by: -1) }
        return period
    }
}
