import Testing

@testable import HallRateCore

/// The verdicts a supervision office publishes, on hand-built counts (contract v2 rules 8, 9, 12–15):
/// lists that never blacklist a hall at or above target, closed and provisional months, targets that
/// change over time, halls not reporting, the tier's trajectory.
@Suite struct VerdictTests {
    static let registry = HallRegistry(halls: [
        Hall(code: "A", name: "甲", tier: .township, parentCode: "Z"),
        Hall(code: "B", name: "乙", tier: .township, parentCode: "Z"),
        Hall(code: "C", name: "丙", tier: .township, parentCode: "Z"),
        Hall(code: "D", name: "丁", tier: .township, parentCode: "Z"),
        Hall(code: "E", name: "戊", tier: .township, parentCode: "Z"),
        Hall(code: "V", name: "村", tier: .village, parentCode: "A"),
        Hall(code: "Z", name: "区", tier: .district, parentCode: ""),
    ])

    /// A day long after every month of these tests: all closed.
    static let later = MonthClosing(asOf: day("2026-01-01"), closeAfterDays: 5)

    static func day(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(days: 0) }

    static func month(_ text: String) -> Period { Period(text) ?? Period(index: 0) }

    /// A pipeline-like set of rules for ``analyse``.
    struct Rules {
        var targets = TargetSchedule([.district: Fraction(1, 2), .township: Fraction(1, 2), .village: Fraction(1, 2)])
        var minVolume: [Tier: Int] = [.district: 10, .township: 10, .village: 10]
        var listSize = 1
        var listMinRanked = 3
        var closing = VerdictTests.later
    }

    /// Counts from (hall code, "YYYY-MM", online, window) tuples.
    func counts(_ rows: [(String, String, Int, Int)]) throws -> [HallPeriod: ChannelStatusCounts] {
        try TestSupport.counts(rows, registry: Self.registry)
    }

    /// The metric stages as a run chains them.
    func analyse(_ rows: [(String, String, Int, Int)], _ rules: Rules = Rules()) throws -> SupervisionReport {
        MetricEngine(
            metric: .onlineRate(targets: rules.targets), registry: Self.registry,
            rules: .init(minVolume: rules.minVolume, listSize: rules.listSize, listMinRanked: rules.listMinRanked),
            closing: rules.closing
        ).report(try counts(rows))
    }

    /// The codes on a list of a tier in a month, in the list's order.
    func list(_ report: SupervisionReport, _ kind: SupervisionReport.ListKind, _ month: String, _ tier: Tier = .township) -> [String] {
        report.lists.filter { $0.kind == kind && $0.tier == tier && $0.period.description == month }
            .map { Self.registry[$0.figures.hall].code }
    }

    func row(_ report: SupervisionReport, _ code: String, _ month: String) throws -> HallMonth {
        let hall = try #require(Self.registry.index(ofCode: code))
        return try #require(report.hallMonths.first { $0.hall == hall && $0.period.description == month })
    }

    // MARK: Rule 12, the lists

    @Test func aHallAloneInItsTierIsNeverListedWhateverItsRate() throws {
        let report = try analyse([("Z", "2019-01", 82, 18), ("Z", "2019-02", 10, 90)])
        #expect(report.lists.filter { $0.tier == .district }.isEmpty)
        #expect(try row(report, "Z", "2019-02").flags.contains(.belowTarget))  // still flagged, just not listed
    }

    @Test func whenEveryRankedHallMeetsTheTargetThereIsNoBlackList() throws {
        let report = try analyse(
            [("A", "2019-01", 9, 1), ("B", "2019-01", 7, 3), ("C", "2019-01", 6, 4), ("D", "2019-01", 5, 5)],
            {
                var r = Rules()
                r.listSize = 2
                return r
            }())
        #expect(list(report, .red, "2019-01") == ["A", "B"])
        #expect(list(report, .black, "2019-01").isEmpty)  // D at exactly 0.5 is the worst, and not below target
    }

    @Test func theBlackListHoldsOnlyHallsBelowTargetWorstFirst() throws {
        // Five ranked, N = 5: the old rule put all five on both lists.
        let report = try analyse(
            [
                ("A", "2019-01", 9, 1), ("B", "2019-01", 6, 4), ("C", "2019-01", 4, 6),
                ("D", "2019-01", 2, 8), ("E", "2019-01", 5, 5),
            ],
            {
                var r = Rules()
                r.listSize = 5
                return r
            }())
        #expect(list(report, .red, "2019-01") == ["A", "B", "E"])
        #expect(list(report, .black, "2019-01") == ["D", "C"])
        let red = Set(list(report, .red, "2019-01"))
        #expect(red.isDisjoint(with: list(report, .black, "2019-01")))
        for entry in report.lists where entry.kind == .black {
            #expect(entry.figures.exactRatio.isLess(than: try #require(entry.figures.target)))
        }
    }

    @Test func aTieAtTheEdgeTakesTheWholeTieOnEachList() throws {
        // Meeting the 0.5 target: A 9/10, then B 6/10 and C 12/20 tied for 2nd. Below it: D 2/10 and
        // E 4/20, tied for worst.
        let report = try analyse(
            [
                ("A", "2019-01", 9, 1), ("B", "2019-01", 6, 4), ("C", "2019-01", 12, 8),
                ("D", "2019-01", 2, 8), ("E", "2019-01", 4, 16),
            ],
            {
                var r = Rules()
                r.listSize = 2
                return r
            }())
        #expect(list(report, .red, "2019-01") == ["A", "C", "B"])  // inside the tie: larger total first
        #expect(list(report, .black, "2019-01") == ["E", "D"])  // 2/10 = 4/20 exactly: N = 2 takes both
        let oneEach = try analyse([
            ("A", "2019-01", 9, 1), ("B", "2019-01", 6, 4), ("C", "2019-01", 12, 8),
            ("D", "2019-01", 2, 8), ("E", "2019-01", 4, 16),
        ])
        #expect(list(oneEach, .red, "2019-01") == ["A"])
        #expect(list(oneEach, .black, "2019-01") == ["E", "D"])  // N = 1, tied at the edge: both
    }

    @Test func fewerRankedHallsThanListMinRankedMeansNoLists() throws {
        // C has too few transactions to be ranked: two ranked halls.
        let rows = [("A", "2019-01", 9, 1), ("B", "2019-01", 1, 9), ("C", "2019-01", 1, 2)]
        #expect(try analyse(rows).lists.isEmpty)
        let two = try analyse(
            rows,
            {
                var r = Rules()
                r.listMinRanked = 2
                return r
            }())
        #expect(list(two, .red, "2019-01") == ["A"])
        #expect(list(two, .black, "2019-01") == ["B"])
    }

    @Test func blackStreaksCountConsecutiveClosedMonthsOnTheBlackList() throws {
        var rows: [(String, String, Int, Int)] = []
        // A and B meet the target every month; C is below it in Jan, Feb, (Mar: at target), Apr, May.
        for month in ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05"] {
            rows += [("A", month, 9, 1), ("B", month, 8, 2)]
            rows.append(("C", month, month == "2019-03" ? 5 : 2, month == "2019-03" ? 5 : 8))
        }
        // May is provisional on 2019-06-03 (it closes on 2019-06-05).
        let report = try analyse(
            rows,
            {
                var r = Rules()
                r.closing = MonthClosing(asOf: Self.day("2019-06-03"), closeAfterDays: 5)
                return r
            }())
        let streaks = report.lists.filter { $0.kind == .black }.map { [$0.period.description: $0.blackStreak ?? -1] }
        #expect(streaks == [["2019-01": 1], ["2019-02": 2], ["2019-04": 1]])  // March broke it; May has no lists
        #expect(report.lists.filter { $0.kind == .red }.allSatisfy { $0.blackStreak == nil })
        #expect(report.lists.allSatisfy { $0.period.description != "2019-05" })
    }

    // MARK: Rule 13, closed and provisional months

    @Test func aMonthClosesCloseAfterDaysAfterItsLastDay() {
        let november = Self.month("2019-11")
        #expect(!MonthClosing(asOf: Self.day("2019-12-04"), closeAfterDays: 5).isClosed(november))
        #expect(MonthClosing(asOf: Self.day("2019-12-05"), closeAfterDays: 5).isClosed(november))
        #expect(MonthClosing(asOf: Self.day("2019-11-30"), closeAfterDays: 0).isClosed(november))
        #expect(!MonthClosing(asOf: Self.day("2019-11-29"), closeAfterDays: 0).isClosed(november))
        #expect(MonthClosing(asOf: Self.day("2019-12-03"), closeAfterDays: 5).latestClosed == Self.month("2019-10"))
        #expect(MonthClosing(asOf: Self.day("2020-03-05"), closeAfterDays: 5).latestClosed == Self.month("2020-02"))  // leap year
    }

    @Test func aProvisionalMonthHasFiguresAndRanksButNoDeclineAndNoLists() throws {
        // A falls four months running; C and B keep the tier ranked.
        let rows = [
            ("A", "2019-09", 9, 1), ("A", "2019-10", 8, 2), ("A", "2019-11", 7, 3), ("A", "2019-12", 1, 9),
            ("B", "2019-11", 6, 4), ("B", "2019-12", 6, 4), ("C", "2019-11", 2, 8), ("C", "2019-12", 2, 8),
        ]
        // The nightly run of 2019-12-03: December is three days old.
        let early = try analyse(
            rows,
            {
                var r = Rules()
                r.closing = MonthClosing(asOf: Self.day("2019-12-03"), closeAfterDays: 5)
                return r
            }())
        let december = try row(early, "A", "2019-12")
        #expect(december.provisional)
        #expect(december.rank == 3)
        #expect(december.flags == [.belowTarget])  // no declining while the month is open
        #expect(try row(early, "A", "2019-11").provisional)  // November is not closed before the 5th
        #expect(early.lists.isEmpty)
        #expect(early.latestClosedPeriod == Self.month("2019-10"))
        #expect(early.provisionalPeriods == [Self.month("2019-11"), Self.month("2019-12")])
        // The run of 2020-01-06: both closed; the same counts now decline and list.
        let closed = try analyse(
            rows,
            {
                var r = Rules()
                r.closing = MonthClosing(asOf: Self.day("2020-01-06"), closeAfterDays: 5)
                return r
            }())
        #expect(try row(closed, "A", "2019-12").flags == [.belowTarget, .declining])
        #expect(list(closed, .black, "2019-12") == ["A"])
        #expect(closed.latestClosedPeriod == Self.month("2019-12"))
    }

    // MARK: Rules 8 and 9, settings per tier and over time

    @Test func minVolumeIsPerTier() throws {
        let report = try analyse(
            [("A", "2019-01", 6, 6), ("V", "2019-01", 6, 6)],
            {
                var r = Rules()
                r.minVolume = [.district: 30, .township: 30, .village: 10]
                return r
            }())
        #expect(try row(report, "A", "2019-01").rank == nil)
        #expect(try row(report, "A", "2019-01").flags.contains(.insufficientVolume))
        #expect(try row(report, "V", "2019-01").rank == 1)
    }

    @Test func aMonthIsJudgedByTheTargetInForceThenAcrossAYear() throws {
        let schedule = TargetSchedule(steps: [
            .init(from: nil, targets: [.district: Fraction(1, 2), .township: Fraction(1, 2), .village: Fraction(3, 10)]),
            .init(from: Self.month("2019-01"), targets: [.township: Fraction(6, 10)]),
        ])
        #expect(schedule.target(.township, in: Self.month("2018-12")) == Fraction(1, 2))
        #expect(schedule.target(.township, in: Self.month("2019-01")) == Fraction(6, 10))
        #expect(schedule.target(.village, in: Self.month("2019-06")) == Fraction(3, 10))  // not named: unchanged
        let rows = [("A", "2018-12", 11, 9), ("A", "2019-01", 11, 9)]  // 0.55 both months
        let report = try analyse(
            rows,
            {
                var r = Rules()
                r.targets = schedule
                return r
            }())
        #expect(try row(report, "A", "2018-12").flags.contains(.belowTarget) == false)
        #expect(try row(report, "A", "2019-01").flags.contains(.belowTarget))
        #expect(try row(report, "A", "2019-01").target == Fraction(6, 10))
        // Raising next year's target changes nothing already judged.
        let raised = TargetSchedule(steps: schedule.steps + [.init(from: Self.month("2020-01"), targets: [.township: Fraction(9, 10)])])
        let again = try analyse(
            rows,
            {
                var r = Rules()
                r.targets = raised
                return r
            }())
        #expect(again.hallMonths.map(\.flags) == report.hallMonths.map(\.flags))
        #expect(again.tierSummaries.map(\.target) == report.tierSummaries.map(\.target))
    }

    @Test func previousRankAndRankChange() throws {
        let report = try analyse([
            ("A", "2019-01", 9, 1), ("B", "2019-01", 5, 5), ("C", "2019-01", 1, 9),
            ("A", "2019-02", 1, 9), ("B", "2019-02", 5, 5), ("C", "2019-02", 9, 1),
            ("A", "2019-04", 9, 1),
        ])
        let february = try row(report, "C", "2019-02")
        #expect((february.prevRank, february.rank, february.rankChange) == (3, 1, 2))
        #expect(try row(report, "A", "2019-02").rankChange == -2)
        #expect(try row(report, "A", "2019-01").prevRank == nil)
        #expect(try row(report, "A", "2019-04").prevRank == nil)  // no data in March
    }

    // MARK: Rule 14, halls not reporting

    @Test func aHallThatReportedLastMonthAndNotInAClosedMonthIsNotReporting() throws {
        let rows = [("A", "2019-10", 5, 5), ("B", "2019-10", 5, 5), ("A", "2019-11", 5, 5), ("A", "2019-12", 5, 5)]
        let report = try analyse(
            rows,
            {
                var r = Rules()
                r.closing = MonthClosing(asOf: Self.day("2019-12-20"), closeAfterDays: 5)
                return r
            }())
        #expect(report.notReporting.map { "\(Self.registry[$0.hall].code) \($0.period)" } == ["B 2019-11"])
        #expect(report.notReporting.first?.previous.denominator == 10)
        // On 2020-01-06 B is still silent, but it did not report in November either: listed once.
        let later = try analyse(
            rows,
            {
                var r = Rules()
                r.closing = MonthClosing(asOf: Self.day("2020-01-06"), closeAfterDays: 5)
                return r
            }())
        #expect(later.notReporting.map { "\(Self.registry[$0.hall].code) \($0.period)" } == ["B 2019-11"])
        // A provisional month lists nobody: exports may still come.
        let early = try analyse(
            rows,
            {
                var r = Rules()
                r.closing = MonthClosing(asOf: Self.day("2019-12-02"), closeAfterDays: 5)
                return r
            }())
        #expect(early.notReporting.isEmpty)
    }

    // MARK: Rule 15, the tier's trajectory

    @Test func theTierTrajectoryCountsMonthsToTargetAtItsSlope() throws {
        // Township ratios 20 %, 25 %, 30 % (slope +5 pp/month) against 50 %: ⌈(50 − 30) / 5⌉ = 4 months.
        let report = try analyse([("A", "2019-01", 2, 8), ("A", "2019-02", 5, 15), ("A", "2019-03", 3, 7)])
        let march = try #require(report.tierSummaries.first { $0.tier == .township && $0.period.description == "2019-03" })
        #expect(march.slopePP.map { DecimalFormatter.format($0, places: 2) } == "5.00")
        #expect(march.trajectory == .reaches(months: 4))
        let february = try #require(report.tierSummaries.first { $0.tier == .township && $0.period.description == "2019-02" })
        #expect(february.slopePP == nil)  // two points
        #expect(february.trajectory == nil)
        let online = Metric.onlineRate(
            targets: TargetSchedule([.district: Fraction(1, 2), .township: Fraction(1, 2), .village: Fraction(1, 2)]))
        #expect(TierTrajectory.of(ratio: Fraction(1, 2), target: Fraction(1, 2), slopePP: -3, metric: online) == .atTarget)
        #expect(TierTrajectory.of(ratio: Fraction(2, 5), target: Fraction(1, 2), slopePP: 0, metric: online) == .notAtThisTrend)
        // Exactly 4.
        #expect(TierTrajectory.of(ratio: Fraction(2, 5), target: Fraction(1, 2), slopePP: 2.5, metric: online) == .reaches(months: 4))
        #expect(TierTrajectory.of(ratio: Fraction(2, 5), target: Fraction(1, 2), slopePP: 1e-300, metric: online) == .notAtThisTrend)
    }

    // MARK: The data cut-off of a month

    @Test func theCutOffIsTheLatestDayOfACountedTransaction() {
        let aggregator = Aggregator(halls: 1, periods: Self.month("2019-12").index...Self.month("2019-12").index)
        func row(day: Int, status: Status) -> CompactTransaction {
            CompactTransaction(
                key: TransactionKey(rawValue: UInt64(day)), updatedAt: nil, period: Self.month("2019-12"), day: day,
                hall: 0, channel: .online, status: status)
        }
        aggregator.add(row(day: 2, status: .completed), hall: 0)
        aggregator.add(row(day: 3, status: .inProgress), hall: 0)
        aggregator.add(row(day: 9, status: .withdrawn), hall: 0)  // not counted: not the cut-off
        #expect(aggregator.latestDays == [HallPeriod(hall: 0, period: Self.month("2019-12")): 3])
        let sparse = Aggregator(halls: 1, periods: nil)
        sparse.add(row(day: 7, status: .rejected), hall: 0)
        #expect(sparse.latestDays == [HallPeriod(hall: 0, period: Self.month("2019-12")): 7])
    }
}
