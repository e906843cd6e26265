/// One counted transaction of the district hall with its deadline and verdict (rules 19–21).
struct TimeLimitCase {
    let txn: Transaction
    /// The last day of its time limit (days since 1970-01-01); nil when uncatalogued.
    let deadline: Int?
    let verdict: TimeLimitVerdict

    var terms: ItemTerms? { txn.item?.terms }

    /// `YYYY-MM-DD` of a day number.
    static func dayLabel(_ day: Int) -> String { String(timeLabel(Stamp(seconds: Int64(day) * 86_400)).prefix(10)) }

    /// `YYYY-MM-DD HH:MM:SS`, as the district exports write it.
    static func timeLabel(_ stamp: Stamp) -> String { DateStyle.dashed.format(stamp) }
}
