import Foundation
import Testing

@testable import HallRateCore

/// The working-day calendar (contract rules 19–20) on the hand-computed deadlines, against the
/// independent PyPI package chinesecalendar on every date of the years it covers, and its refusals.
@Suite struct WorkingDayCalendarTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(days: 0) }

    @Test func deadlinesCountMakeUpDaysAndSkipHolidays() throws {
        let calendar = try WorkingDayCalendar.official()
        #expect(calendar.years == 2018...2026)
        // 5 working days from Friday 2019-09-27: Sunday 29 September is a make-up day, 1–7 October are not.
        #expect(try calendar.lastDay(of: 5, .workingDays, after: Self.day("2019-09-27")) == Self.day("2019-10-10"))
        // 3 from Friday 2019-02-01: the make-up weekend of 2–3 February counts, 春节 4–10 February does not.
        #expect(try calendar.lastDay(of: 3, .workingDays, after: Self.day("2019-02-01")) == Self.day("2019-02-11"))
        // Natural days run through holidays; a limit of 0 (an instant item) ends with the day of acceptance.
        #expect(try calendar.lastDay(of: 5, .naturalDays, after: Self.day("2019-09-27")) == Self.day("2019-10-02"))
        #expect(try calendar.lastDay(of: 0, .workingDays, after: Self.day("2019-10-01")) == Self.day("2019-10-01"))
        // 2020's 春节 was extended to 2 February: Saturday 1 February, planned as a make-up day, was not one.
        #expect(try calendar.isWorkingDay(Self.day("2020-02-01")) == false)
        #expect(try calendar.isWorkingDay(Self.day("2020-01-19")) == true)
        #expect(try calendar.isWorkingDay(Self.day("2019-12-31")) == true)
        #expect(try calendar.isWorkingDay(Self.day("2018-12-31")) == false)
    }

    @Test(arguments: ["2017-12-29", "2027-01-04"])
    func aYearTheDataDoesNotCoverIsAnErrorNamingIt(date: String) throws {
        let calendar = try WorkingDayCalendar.official()
        let error = try #require(throws: HallRateError.self) { try calendar.isWorkingDay(Self.day(date)) }
        #expect(error.code == .calendar && error.exitStatus == 2)
        #expect(error.message.contains("in \(date.prefix(4)), a year the working-day calendar does not cover"))
        // A deadline that runs into such a year fails the same way, never guesses.
        #expect(throws: HallRateError.self) { try calendar.lastDay(of: 3, .workingDays, after: Self.day("2026-12-30")) }
    }

    /// The O(1) count of working days between two days (from a running index) equals walking the days
    /// one by one with ``WorkingDayCalendar/isWorkingDay(_:)`` — itself checked against chinesecalendar —
    /// on 20,000 seeded ranges over every covered year, with a district's own days added, and fails the
    /// same way at the edges of the data.
    @Test func countingWorkingDaysEqualsWalkingThem() throws {
        let calendar = try WorkingDayCalendar.official().adding(
            closures: [Self.day("2019-10-10"), Self.day("2024-06-03")], workingDays: [Self.day("2019-10-05")])
        let first = Self.day("2018-01-01").days
        let last = Self.day("2026-12-31").days
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let start = first - 1 + next(last - first + 1)
            let end = start + next(next(2) == 0 ? 40 : 800)
            var walked = 0
            if end > start {
                for day in start + 1...min(end, last) where try calendar.isWorkingDay(CalendarDate(days: day)) { walked += 1 }
            }
            if end > last {
                #expect(throws: HallRateError.self) {
                    try calendar.workingDays(after: CalendarDate(days: start), through: CalendarDate(days: end))
                }
            } else {
                #expect(try calendar.workingDays(after: CalendarDate(days: start), through: CalendarDate(days: end)) == walked)
            }
        }
        // Before the data: the first day after `start` is uncovered.
        let error = try #require(throws: HallRateError.self) {
            try calendar.workingDays(after: Self.day("2017-12-30"), through: Self.day("2018-01-05"))
        }
        #expect(error.message.contains("2017-12-31 is in 2017"))
    }

    @Test func localClosuresAndExtraWorkingDays() throws {
        let calendar = try WorkingDayCalendar.official().adding(
            closures: [Self.day("2019-10-10")], workingDays: [Self.day("2019-10-05")])
        #expect(try calendar.isWorkingDay(Self.day("2019-10-10")) == false)
        #expect(try calendar.isWorkingDay(Self.day("2019-10-05")) == true)
        // 29 Sep (make-up), 30 Sep, 5 Oct (extra), 8 Oct, 9 Oct: the closure of the 10th no longer matters.
        #expect(try calendar.lastDay(of: 5, .workingDays, after: Self.day("2019-09-27")) == Self.day("2019-10-09"))
        #expect(try calendar.lastDay(of: 6, .workingDays, after: Self.day("2019-09-27")) == Self.day("2019-10-11"))
    }

    @Test(arguments: [
        ("date,kind,holiday\n2019-10-01,holiday,国庆节", 2, "its '# covers:' line, which must come first"),
        ("# covers: 2019-2019\n", 1, "no '# covers:' line or no header"),
        ("# covers: 2019-2019\ndate,kind\n", 2, "expected the header"),
        ("# covers: 2019-2019\ndate,kind,holiday\n2019-10-01,day off,国庆节", 3, "kind 'day off'"),
        ("# covers: 2019-2019\ndate,kind,holiday\n2019-10-01,holiday,x\n2019-10-01,holiday,x", 4, "listed twice"),
        ("# covers: 2019-2019\ndate,kind,holiday\n2019-10-08,workday,x", 3, "not a Saturday or Sunday"),
        ("# covers: 2019-2019\ndate,kind,holiday\n2020-01-01,holiday,x", 3, "outside the years"),
    ])
    func aMalformedFileNamesItsLine(text: String, line: Int, message: String) {
        let error = #expect(throws: HallRateError.self) { try WorkingDayCalendar(text: text, file: "c.csv") }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        if line > 1 { #expect(error?.location?.line == line) }
    }

    /// Every date of 2018–2026 against chinesecalendar (PyPI), which scripts/test.sh installs into a
    /// virtual environment and names in HALLRATE_CHINESECALENDAR_PYTHON.
    @Test func everyDateAgreesWithTheChinesecalendarPackage() throws {
        guard let python = ProcessInfo.processInfo.environment["HALLRATE_CHINESECALENDAR_PYTHON"],
            FileManager.default.isExecutableFile(atPath: python)
        else {
            try Test.cancel(
                "skipped: chinesecalendar is not installed (scripts/test.sh installs it and sets HALLRATE_CHINESECALENDAR_PYTHON)")
        }
        let script = """
            import datetime, chinese_calendar
            day = datetime.date(2018, 1, 1)
            while day <= datetime.date(2026, 12, 31):
                print(day.isoformat(), int(chinese_calendar.is_workday(day)))
                day += datetime.timedelta(days=1)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let calendar = try WorkingDayCalendar.official()
        var compared = 0
        var differences: [String] = []
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let date = CalendarDate(String(parts[0])) else { continue }
            compared += 1
            if try calendar.isWorkingDay(date) != (parts[1] == "1") { differences.append(String(line)) }
        }
        #expect(compared == 3287)  // 2018-01-01 … 2026-12-31
        #expect(differences.isEmpty, "chinesecalendar disagrees on: \(differences.prefix(10))")
    }
}
