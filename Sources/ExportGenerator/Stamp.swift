/// A wall-clock time in Asia/Shanghai, as seconds since 1970-01-01 00:00:00 local time.
///
/// Pure integer arithmetic (H. Hinnant's civil-day algorithms): no `Date`, no time zones, no locale.
struct Stamp: Comparable {
    let seconds: Int64

    init(seconds: Int64) { self.seconds = seconds }

    /// Builds a time from fields the caller knows to be valid.
    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = Stamp.daysFromCivil(year: year, month: month, day: day)
        seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01.
    var dayNumber: Int { Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) }

    /// Seconds since local midnight.
    var secondOfDay: Int { Int(seconds - Int64(dayNumber) * 86_400) }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    var fields: CivilFields {
        let (year, month, day) = Stamp.civilFromDays(dayNumber)
        let s = secondOfDay
        return CivilFields(year: year, month: month, day: day, hour: s / 3600, minute: s / 60 % 60, second: s % 60)
    }

    func adding(_ delta: Int64) -> Stamp { Stamp(seconds: seconds + delta) }

    static func < (lhs: Stamp, rhs: Stamp) -> Bool { lhs.seconds < rhs.seconds }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
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
