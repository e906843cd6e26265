/// A wall-clock instant in Asia/Shanghai (UTC+8, no daylight saving since 1991), as seconds since
/// 1970-01-01 00:00:00 local time.
///
/// Comparing two values compares instants, because every value is in the same fixed offset.
package struct LocalTime: Hashable, Comparable, Sendable {
    /// The offset of Asia/Shanghai from UTC.
    package static let shanghaiOffsetSeconds = 8 * 3600

    package let seconds: Int64

    package init(seconds: Int64) { self.seconds = seconds }

    /// Builds a time from civil fields; returns nil for impossible dates (2019-02-30, month 13, 0000-00-00).
    package init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalTime.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = LocalTime.daysFromCivil(year: year, month: month, day: day)
        seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The calendar month this time falls in.
    package var period: Period { periodAndDay.period }

    /// The day this time falls on (a time before 1970 on the day before, not after).
    package var date: CalendarDate { CalendarDate(days: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)) }

    /// The calendar month and the day of the month (1–31) this time falls on.
    package var periodAndDay: (period: Period, day: Int) {
        let (year, month, day) = LocalTime.civilFromDays(date.days)
        return (Period(year: year, month: month), day)
    }

    package static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.seconds < rhs.seconds }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of ``daysFromCivil(year:month:day:)``.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
