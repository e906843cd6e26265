import Foundation

/// A day of the calendar in Asia/Shanghai (`YYYY-MM-DD`): the as-of date of a run and the data
/// cut-off of a month.
package struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    package let days: Int

    package init(days: Int) { self.days = days }

    /// nil for impossible dates (2019-02-30, month 13).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalTime.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        days = LocalTime.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `date` falls on in Asia/Shanghai.
    package init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + LocalTime.shanghaiOffsetSeconds
        days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// Today in Asia/Shanghai.
    package static var today: CalendarDate { CalendarDate(Date()) }

    /// The last day of `period`.
    package static func lastDay(of period: Period) -> CalendarDate {
        CalendarDate(
            days: LocalTime.daysFromCivil(
                year: period.year, month: period.month,
                day: LocalTime.daysIn(month: period.month, year: period.year)))
    }

    package var civil: (year: Int, month: Int, day: Int) { LocalTime.civilFromDays(days) }
    package var period: Period { Period(year: civil.year, month: civil.month) }

    /// `YYYY-MM-DD`.
    package var description: String {
        let (year, month, day) = civil
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.days < rhs.days }
}
