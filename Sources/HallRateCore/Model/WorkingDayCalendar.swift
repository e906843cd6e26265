import Foundation

/// Working days as China's administrative deadlines count them (contract rule 19; 行政许可法 §82): a
/// Monday–Friday that is not an official holiday, plus every official make-up working day (调休上班日).
///
/// The official days come from `Resources/china-holidays.csv` (the State Council's yearly notices,
/// compiled into the binary); a pipeline may add local closures and extra working days. A date in a year
/// the data does not cover is an error naming the year — never an estimate.
package struct WorkingDayCalendar: Sendable {
    /// What a deadline is counted in (rule 20).
    package enum Unit: String, Sendable {
        case workingDays = "working_days"
        case naturalDays = "natural_days"
    }

    /// The years whose holidays the data lists.
    package let years: ClosedRange<Int>
    /// Days (``CalendarDate/days``) off although Monday–Friday, and days of work although Saturday or Sunday.
    private var closed: Set<Int> = []
    private var open: Set<Int> = []
    /// Where the data came from, for messages.
    private let source: String
    /// The first covered day (1 January of the first year), and per covered day `d` the working days in
    /// `[first, d)` at `workingBefore[d − first]` (one more entry than days): whether a day works and how
    /// many working days lie between two days are then an array read, not a walk.
    private var first = 0
    private var workingBefore: [Int32] = []

    /// The official calendar shipped with hallrate.
    /// - Throws: ``HallRateError`` `.calendar` if the shipped data is malformed (a test reads it on every build).
    package static func official() throws(HallRateError) -> WorkingDayCalendar {
        try WorkingDayCalendar(text: String(decoding: PackageResources.china_holidays_csv, as: UTF8.self), file: "china-holidays.csv")
    }

    /// Reads a calendar file: `#` comments, one `# covers: YYYY-YYYY` line, the header
    /// `date,kind,holiday`, then one row per day: `YYYY-MM-DD,holiday|workday,<name>`.
    /// - Throws: ``HallRateError`` `.calendar` naming the line of anything else, of a day outside the years
    ///   covered, or of a day listed twice.
    package init(text: String, file: String) throws(HallRateError) {
        source = file
        var covered: ClosedRange<Int>?
        var header = false
        var seen: Set<Int> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespacesAndNewlines)
            func fail(_ message: String) -> HallRateError {
                HallRateError(.calendar, message, at: SourceLocation(file: file, line: index + 1))
            }
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if line.hasPrefix("# covers:") {
                    let years = line.dropFirst("# covers:".count).split(separator: "-").compactMap {
                        Int($0.trimmingCharacters(in: .whitespaces))
                    }
                    guard years.count == 2, years[0] <= years[1] else { throw fail("'\(line)' is not '# covers: YYYY-YYYY'") }
                    covered = years[0]...years[1]
                }
                continue
            }
            if !header {
                guard line == "date,kind,holiday" else { throw fail("expected the header 'date,kind,holiday', found '\(line)'") }
                header = true
                continue
            }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 3, let date = CalendarDate(cells[0]) else {
                throw fail("expected 'YYYY-MM-DD,holiday|workday,name', found '\(line)'")
            }
            guard let covered, covered.contains(date.civil.year) else {
                throw fail("\(cells[0]) is outside the years the file covers (its '# covers:' line, which must come first)")
            }
            guard seen.insert(date.days).inserted else { throw fail("\(cells[0]) is listed twice") }
            switch cells[1] {
            case "holiday": if !date.isWeekend { closed.insert(date.days) }
            case "workday":
                guard date.isWeekend else { throw fail("\(cells[0]) is a make-up working day but not a Saturday or Sunday") }
                open.insert(date.days)
            default: throw fail("kind '\(cells[1])' is neither holiday nor workday")
            }
        }
        guard let covered, header else {
            throw HallRateError(.calendar, "no '# covers:' line or no header", at: SourceLocation(file: file))
        }
        years = covered
        buildIndex()
    }

    /// Fills ``workingBefore`` from the weekends, `closed` and `open`.
    private mutating func buildIndex() {
        first = CalendarDate.lastDay(of: Period(year: years.lowerBound - 1, month: 12)).days + 1
        let end = CalendarDate.lastDay(of: Period(year: years.upperBound, month: 12)).days + 1
        var counts: [Int32] = [0]
        counts.reserveCapacity(end - first + 1)
        for day in first..<end {
            let weekend = CalendarDate(days: day).isWeekend
            let works = weekend ? open.contains(day) : !closed.contains(day)
            counts.append(counts[counts.count - 1] + (works ? 1 : 0))
        }
        workingBefore = counts
    }

    /// The calendar with a district's own days: closures (no work although a working day) and extra
    /// working days (work although a holiday or weekend). A day in both is a closure.
    package func adding(closures: [CalendarDate], workingDays: [CalendarDate]) -> WorkingDayCalendar {
        var calendar = self
        for day in workingDays {
            calendar.closed.remove(day.days)
            if day.isWeekend { calendar.open.insert(day.days) }
        }
        for day in closures {
            calendar.open.remove(day.days)
            if !day.isWeekend { calendar.closed.insert(day.days) }
        }
        calendar.buildIndex()
        return calendar
    }

    /// Whether `date` is a working day.
    /// - Throws: ``HallRateError`` `.calendar` naming the year when the data does not cover it.
    package func isWorkingDay(_ date: CalendarDate) throws(HallRateError) -> Bool {
        let offset = date.days - first
        guard offset >= 0, offset < workingBefore.count - 1 else { throw uncovered(date) }
        return workingBefore[offset + 1] > workingBefore[offset]
    }

    /// The working days after `start` up to and including `end` (0 when `end` is not after `start`):
    /// ``isWorkingDay(_:)`` counted over the days between, in O(1).
    /// - Throws: ``HallRateError`` `.calendar` naming the year of the first day between them the data does
    ///   not cover.
    package func workingDays(after start: CalendarDate, through end: CalendarDate) throws(HallRateError) -> Int {
        guard end > start else { return 0 }
        let (from, to) = (start.days + 1 - first, end.days - first)
        guard from >= 0 else { throw uncovered(CalendarDate(days: start.days + 1)) }
        guard to < workingBefore.count - 1 else { throw uncovered(CalendarDate(days: first + workingBefore.count - 1)) }
        return Int(workingBefore[to + 1] - workingBefore[from])
    }

    private func uncovered(_ date: CalendarDate) -> HallRateError {
        let year = date.civil.year
        return HallRateError(
            .calendar,
            "\(date) is in \(year), a year the working-day calendar does not cover (\(source) covers "
                + "\(years.lowerBound)–\(years.upperBound)): add \(year)'s official holidays to it, or a "
                + "newer hallrate")
    }

    /// The last day of a time limit counted from the day of acceptance (contract rule 20): the `limit`-th
    /// working (or calendar) day after `accepted`, which itself does not count; `accepted` for a limit of 0.
    /// A transaction is on time when completed by the end of that day.
    /// - Throws: ``HallRateError`` `.calendar` when the count reaches a year the data does not cover.
    package func lastDay(of limit: Int, _ unit: Unit, after accepted: CalendarDate) throws(HallRateError) -> CalendarDate {
        guard limit > 0 else { return accepted }
        if unit == .naturalDays { return CalendarDate(days: accepted.days + limit) }
        var day = accepted
        var counted = 0
        while counted < limit {
            day = CalendarDate(days: day.days + 1)
            if try isWorkingDay(day) { counted += 1 }
        }
        return day
    }
}

extension CalendarDate {
    /// Saturday or Sunday (1970-01-01, day 0, was a Thursday).
    package var isWeekend: Bool {
        let weekday = ((days % 7) + 7 + 3) % 7  // 0 Monday … 6 Sunday
        return weekday >= 5
    }
}
