import Testing

@testable import HallRateCore

/// Rules 20–21 on hand-computed cases: deadlines in working days across 国庆 and 春节 with their make-up
/// days, natural days, an instant item, untimed and uncatalogued transactions, open cases as of a day.
@Suite struct TimeLimitJudgeTests {
    static func item(_ code: String, _ kind: ItemCatalogue.Kind, _ limit: Int, _ unit: WorkingDayCalendar.Unit) -> ItemCatalogue.Item {
        ItemCatalogue.Item(
            code: code, name: code, kind: kind, promisedLimit: limit, legalLimit: limit + 10, unit: unit, onlineCapable: true,
            fullyOnline: false)
    }
    static let p5 = item("P5", .promised, 5, .workingDays)
    static let p3 = item("P3", .promised, 3, .workingDays)
    static let n5 = item("N5", .promised, 5, .naturalDays)
    static let instant = item("I", .instant, 0, .workingDays)

    static func day(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(days: 0) }

    /// Completed at `text` (`YYYY-MM-DD HH:mm`, Shanghai time).
    static func at(_ text: String) -> Transaction.Completion {
        let parts = text.split(separator: " ")
        let hm = parts[1].split(separator: ":").compactMap { Int($0) }
        return .at(minute: Int32(day(String(parts[0])).days * 1440 + hm[0] * 60 + hm[1]))
    }

    func judge(
        _ item: ItemCatalogue.Item?, _ status: Status, _ accepted: String, _ completion: Transaction.Completion, asOf: String = "2026-12-06"
    )
        throws -> TimeLimitJudge.Verdict
    {
        let judge = TimeLimitJudge(catalogue: ItemCatalogue(items: []), calendar: try WorkingDayCalendar.official(), asOf: Self.day(asOf))
        return try judge.judge(item: item?.terms, status: status, accepted: Self.day(accepted), completion: completion)
    }

    @Test func finishedTransactionsAgainstTheirDeadline() throws {
        // 5 working days from Friday 2019-09-27: due by the end of 2019-10-10.
        #expect(try judge(Self.p5, .completed, "2019-09-27", Self.at("2019-10-10 23:59")) == .onTime)
        #expect(try judge(Self.p5, .rejected, "2019-09-27", Self.at("2019-10-11 09:00")) == .late(days: 1))
        // Saturday 12 Oct was a make-up working day.
        #expect(try judge(Self.p5, .completed, "2019-09-27", Self.at("2019-10-14 09:00")) == .late(days: 3))
        // 3 working days from Friday 2019-02-01: due by the end of 2019-02-11.
        #expect(try judge(Self.p3, .completed, "2019-02-01", Self.at("2019-02-11 17:00")) == .onTime)
        #expect(try judge(Self.p3, .completed, "2019-02-01", Self.at("2019-02-12 08:30")) == .late(days: 1))
        // Natural days run through the holiday.
        #expect(try judge(Self.n5, .completed, "2019-09-27", Self.at("2019-10-02 18:00")) == .onTime)
        #expect(try judge(Self.n5, .completed, "2019-09-27", Self.at("2019-10-03 08:00")) == .late(days: 1))
        // An instant item is due the day it is accepted: finished the next day, it is late.
        #expect(try judge(Self.instant, .completed, "2019-10-08", Self.at("2019-10-08 17:59")) == .onTime)
        #expect(try judge(Self.instant, .completed, "2019-10-08", Self.at("2019-10-09 08:00")) == .late(days: 1))
    }

    @Test func untimedAndUncataloguedAreCountedNotGuessed() throws {
        #expect(try judge(Self.p5, .completed, "2019-09-27", .beforeAcceptance) == .untimed)
        #expect(try judge(Self.p5, .completed, "2019-09-27", .none) == .untimed)
        #expect(try judge(Self.p5, .rejected, "2019-09-27", .unreadable) == .untimed)
        #expect(try judge(nil, .completed, "2019-09-27", Self.at("2019-09-27 10:00")) == .uncatalogued)
        let judge = TimeLimitJudge(
            catalogue: ItemCatalogue(items: []), calendar: try WorkingDayCalendar.official(), asOf: Self.day("2019-10-01"))
        #expect(
            try judge.judge(item: Self.p5.terms, status: .completed, accepted: nil, completion: Self.at("2019-09-27 10:00")) == .untimed)
    }

    @Test func openTransactionsAsOfTheRunsDay() throws {
        // Due by the end of 2019-10-10.
        #expect(try judge(Self.p5, .inProgress, "2019-09-27", .none, asOf: "2019-10-08") == .open(dueSoon: false))
        #expect(try judge(Self.p5, .inProgress, "2019-09-27", .none, asOf: "2019-10-09") == .open(dueSoon: true))  // 黄牌
        #expect(try judge(Self.p5, .inProgress, "2019-09-27", .none, asOf: "2019-10-10") == .open(dueSoon: true))
        #expect(try judge(Self.p5, .inProgress, "2019-09-27", .none, asOf: "2019-10-11") == .overdue(days: 1))  // 红牌
        // 11, 12 (make-up) and 14 Oct.
        #expect(try judge(Self.p5, .inProgress, "2019-09-27", .none, asOf: "2019-10-14") == .overdue(days: 3))
        // Due before the 国庆 holiday: on 30 September the next working day is 8 October, so one day is left.
        #expect(try judge(Self.p3, .inProgress, "2019-09-25", .none, asOf: "2019-09-27") == .open(dueSoon: true))
    }

    @Test func aDeadlineInAYearTheCalendarDoesNotCoverIsAnError() throws {
        let error = try #require(throws: HallRateError.self) { try judge(Self.p5, .inProgress, "2026-12-29", .none) }
        #expect(error.code == .calendar && error.message.contains("2027"))
    }
}
