/// The generator's own working-day calendar (法定工作日) for the demo's deadlines, kept apart from hallrate's
/// on purpose: the expected time-limit figures must not come from the code they check.
///
/// Hard-coded from the State Council General Office's notices (国务院办公厅关于2018年/2019年/2020年部分节假日
/// 安排的通知, with the 2019 劳动节 amendment and the 2020 春节 extension), for 2018-09-01 … 2020-02-29 only. A
/// working day is a Monday–Friday that is not an official holiday, or an official make-up working day (调休上班日).
enum WorkingDayTable {
    /// The first and last day covered (days since 1970-01-01).
    static let first = Stamp.daysFromCivil(year: 2018, month: 9, day: 1)
    static let last = Stamp.daysFromCivil(year: 2020, month: 2, day: 29)

    /// Official holidays (放假) that fall on a Monday–Friday, or on a weekend: listed in full as announced.
    static let holidays: Set<Int> = days([
        // 2018 中秋节 22–24 Sep; 国庆节 1–7 Oct.
        (2018, 9, 22...24), (2018, 10, 1...7),
        // 2019 元旦 30 Dec 2018 – 1 Jan 2019.
        (2018, 12, 30...31), (2019, 1, 1...1),
        // 2019 春节 4–10 Feb; 清明节 5–7 Apr; 劳动节 1–4 May (amended); 端午节 7–9 Jun; 中秋节 13–15 Sep; 国庆节 1–7 Oct.
        (2019, 2, 4...10), (2019, 4, 5...7), (2019, 5, 1...4), (2019, 6, 7...9), (2019, 9, 13...15), (2019, 10, 1...7),
        // 2020 元旦 1 Jan; 春节 24 Jan – 2 Feb (extended: 31 Jan – 2 Feb added, 1 Feb no longer a make-up day).
        (2020, 1, 1...1), (2020, 1, 24...31), (2020, 2, 1...2),
    ])

    /// Official make-up working days (调休上班日): a Saturday or Sunday that is worked.
    static let makeUpDays: Set<Int> = days([
        // 2018 国庆: Sat 29 and Sun 30 Sep. 2019 元旦: Sat 29 Dec 2018.
        (2018, 9, 29...30), (2018, 12, 29...29),
        // 2019 春节: Sat 2 and Sun 3 Feb. 劳动节: Sun 28 Apr and Sun 5 May. 国庆: Sun 29 Sep and Sat 12 Oct.
        (2019, 2, 2...3), (2019, 4, 28...28), (2019, 5, 5...5), (2019, 9, 29...29), (2019, 10, 12...12),
        // 2020 春节: Sun 19 Jan.
        (2020, 1, 19...19),
    ])

    /// Whether `day` (days since 1970-01-01) is a working day; an error outside the table's span, never a guess.
    static func isWorkingDay(_ day: Int) throws -> Bool {
        guard day >= first && day <= last else {
            let (year, month, dayOfMonth) = Stamp.civilFromDays(day)
            throw GeneratorError(
                "the demo's working-day table covers 2018-09-01 … 2020-02-29, not \(year)-\(month)-\(dayOfMonth)")
        }
        if makeUpDays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return Stamp(seconds: Int64(day) * 86_400).weekday < 5
    }

    /// The `n`-th working day after `day` (the day itself does not count); `day` itself when `n` is 0.
    static func workingDay(_ n: Int, after day: Int) throws -> Int {
        var current = day
        var left = n
        while left > 0 {
            current += 1
            if try isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The working days after `start` up to and including `end` (0 when `end` is not after `start`).
    static func workingDays(after start: Int, through end: Int) throws -> Int {
        guard end > start else { return 0 }
        var count = 0
        for day in (start + 1)...end where try isWorkingDay(day) { count += 1 }
        return count
    }

    private static func days(_ ranges: [(year: Int, month: Int, days: ClosedRange<Int>)]) -> Set<Int> {
        var set = Set<Int>()
        for range in ranges {
            for day in range.days { set.insert(Stamp.daysFromCivil(year: range.year, month: range.month, day: day)) }
        }
        return set
    }
}
