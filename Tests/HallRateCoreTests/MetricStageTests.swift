import Testing

@testable import HallRateCore

/// The metric stages on hand-built counts (contract rules 6–12).
@Suite struct MetricStageTests {
    static let registry = HallRegistry(halls: [
        Hall(code: "A", name: "甲", tier: .township, parentCode: ""),
        Hall(code: "B", name: "乙", tier: .township, parentCode: ""),
        Hall(code: "C", name: "丙", tier: .township, parentCode: ""),
        Hall(code: "D", name: "丁", tier: .township, parentCode: ""),
        Hall(code: "V", name: "村", tier: .village, parentCode: ""),
    ])

    /// Counts from (hall code, "YYYY-MM", online, window) tuples.
    func counts(_ rows: [(String, String, Int, Int)]) throws -> [HallPeriod: ChannelStatusCounts] {
        try TestSupport.counts(rows, registry: Self.registry)
    }

    /// 网上办事率 with a target of 50 % in every tier.
    static let online = Metric.onlineRate(
        targets: TargetSchedule([.district: Fraction(1, 2), .township: Fraction(1, 2), .village: Fraction(1, 2)]))

    /// Every month of these tests is closed on this day.
    static let closing = MonthClosing(asOf: CalendarDate(year: 2026, month: 1, day: 1) ?? CalendarDate(days: 0), closeAfterDays: 5)

    func rows(
        _ counts: [HallPeriod: ChannelStatusCounts], minVolume: Int = 30,
        target: Fraction = Fraction(1, 2)
    ) -> [HallMonth] {
        let metric = Metric.onlineRate(targets: TargetSchedule([.district: target, .township: target, .village: target]))
        var rows = TrendCalculator.calculate(counts, metric: metric)
        Ranker.rank(
            &rows, registry: Self.registry, minVolume: [.district: minVolume, .township: minVolume, .village: minVolume], metric: metric)
        Flagger.flag(&rows, registry: Self.registry, metric: metric, closing: Self.closing)
        return rows
    }

    func row(_ rows: [HallMonth], _ code: String, _ month: String) throws -> HallMonth {
        let hall = try #require(Self.registry.index(ofCode: code))
        return try #require(rows.first { $0.hall == hall && $0.period.description == month })
    }

    @Test func wilsonLowerBoundMatchesTheFormula() {
        // n = 100, p = 0.3: (0.3 + 0.0192073 − 1.959964·√(0.0021 + 0.0000960)) / 1.0384146 = 0.2189.
        #expect(DecimalFormatter.format(TrendCalculator.wilsonLow(online: 30, total: 100), places: 4) == "0.2189")
        #expect(TrendCalculator.wilsonLow(online: 0, total: 10) == 0)
        #expect(DecimalFormatter.format(TrendCalculator.wilsonLow(online: 10, total: 10), places: 4) == "0.7225")
    }

    @Test func withdrawnIsAcceptedButNotCounted() {
        var cell = ChannelStatusCounts()
        cell.add(.online, .completed)
        cell.add(.mobile, .rejected)
        cell.add(.kiosk, .inProgress)
        cell.add(.online, .withdrawn, count: 5)
        #expect(cell.total == 3)
        #expect(cell.online == 2)
        #expect(cell.withdrawn == 5)
    }

    @Test func trendsUseCalendarMonthsAndSkipGaps() throws {
        // A: 2019-01 40/100, 2019-02 no data, 2019-03 60/100, 2019-04 30/60.
        let rows = rows(try counts([("A", "2019-01", 40, 60), ("A", "2019-03", 60, 40), ("A", "2019-04", 30, 30)]))
        let march = try row(rows, "A", "2019-03")
        #expect(march.prevRatio == nil)  // February has no data
        #expect(march.deltaPP == nil)
        #expect(march.ratio3m == 100.0 / 200.0)
        #expect(march.slopePP == nil)  // two points
        let april = try row(rows, "A", "2019-04")
        #expect(april.deltaPP.map { DecimalFormatter.format($0, places: 2) } == "-10.00")
        #expect(april.ratio3m == 90.0 / 160.0)  // February adds nothing
        // Points (0, 40), (2, 60), (3, 50): x̄ = 5/3, ȳ = 50; Σ(x−x̄)(y−ȳ) = 20, Σ(x−x̄)² = 42/9: slope 30/7.
        #expect(april.slopePP.map { DecimalFormatter.format($0, places: 4) } == "4.2857")
    }

    @Test func yearOnYearNeedsTheSameMonthLastYear() throws {
        let rows = rows(try counts([("A", "2018-04", 10, 30), ("A", "2019-04", 20, 20), ("A", "2019-05", 1, 1)]))
        #expect(try row(rows, "A", "2019-04").yoyDeltaPP.map { DecimalFormatter.format($0, places: 2) } == "25.00")
        #expect(try row(rows, "A", "2019-05").yoyDeltaPP == nil)
    }

    @Test func ranksAreCompetitionRanksOnExactFractions() throws {
        // 1/3 and 2/6 are equal exactly; 0.3333 is not what is compared.
        let rows = rows(
            try counts([
                ("A", "2019-01", 20, 10), ("B", "2019-01", 10, 20), ("C", "2019-01", 20, 40),
                ("D", "2019-01", 3, 7),
            ]), minVolume: 10)
        #expect(try row(rows, "A", "2019-01").rank == 1)
        #expect(try row(rows, "B", "2019-01").rank == 2)
        #expect(try row(rows, "C", "2019-01").rank == 2)
        #expect(try row(rows, "D", "2019-01").rank == 4)
        let order = rows.sorted { Ranker.listedBefore($0, $1, Self.online) }.map { Self.registry[$0.hall].code }
        #expect(order == ["A", "C", "B", "D"])  // inside the tie: larger total first
    }

    @Test func underMinVolumeIsUnrankedButStillFlagged() throws {
        let rows = rows(try counts([("A", "2019-01", 1, 9)]), minVolume: 30)
        let only = try row(rows, "A", "2019-01")
        #expect(only.rank == nil)
        #expect(only.flags == [.insufficientVolume, .belowTarget])
    }

    @Test func exactlyAtTargetIsNotBelow() throws {
        let rows = rows(try counts([("A", "2019-01", 3, 7), ("B", "2019-01", 2, 8)]), minVolume: 1, target: Fraction(decimal: "0.3")!)
        #expect(try row(rows, "A", "2019-01").flags.contains(.belowTarget) == false)
        #expect(try row(rows, "B", "2019-01").flags.contains(.belowTarget))
    }

    @Test func decliningNeedsThreeFallsInARowAndAZeroBreaksIt() throws {
        let falling = rows(
            try counts([
                ("A", "2019-01", 9, 1), ("A", "2019-02", 8, 2), ("A", "2019-03", 7, 3),
                ("A", "2019-04", 6, 4), ("A", "2019-05", 6, 4), ("A", "2019-06", 5, 5),
            ]))
        #expect(try row(falling, "A", "2019-03").flags.contains(.declining) == false)
        #expect(try row(falling, "A", "2019-04").flags.contains(.declining))
        #expect(try row(falling, "A", "2019-05").flags.contains(.declining) == false)  // delta exactly 0
        #expect(try row(falling, "A", "2019-06").flags.contains(.declining) == false)
        let gap = rows(
            try counts([
                ("B", "2019-01", 9, 1), ("B", "2019-02", 8, 2), ("B", "2019-04", 7, 3),
                ("B", "2019-05", 6, 4), ("B", "2019-06", 5, 5), ("B", "2019-07", 4, 6),
            ]))
        #expect(try row(gap, "B", "2019-06").flags.contains(.declining) == false)  // April has no delta: March is missing
        #expect(try row(gap, "B", "2019-07").flags.contains(.declining))
    }

    @Test func leagueTablesListRankedThenUnrankedThenSilentHalls() throws {
        let rows = rows(try counts([("C", "2019-01", 20, 20), ("A", "2019-01", 1, 2), ("B", "2019-01", 1, 5)]), minVolume: 10)
        let tables = LeagueTableBuilder.build(rows, periods: [Period(year: 2019, month: 1)], registry: Self.registry, metric: Self.online)
        let township = try #require(tables.first { $0.tier == .township })
        #expect(township.entries.map { Self.registry[$0.hall].code } == ["C", "B", "A", "D"])
        #expect(township.entries.last?.flags == .noData)
        let village = try #require(tables.first { $0.tier == .village })
        #expect(village.entries.map(\.flags) == [.noData])
        #expect(tables.contains { $0.tier == .district } == false)  // no district hall in this registry
    }

    @Test func tierSummaryCountsReportingHallsAndThoseBelowTarget() throws {
        let rows = rows(try counts([("A", "2019-01", 1, 9), ("B", "2019-01", 9, 1)]), minVolume: 1)
        let summaries = TierSummarizer.summarize(
            rows, periods: [Period(year: 2019, month: 1)], registry: Self.registry,
            metric: Self.online, closing: Self.closing)
        let township = try #require(summaries.first { $0.tier == .township })
        #expect((township.halls, township.denominator, township.numerator, township.hallsBelowTarget) == (2, 20, 10, 1))
        let village = try #require(summaries.first { $0.tier == .village })
        #expect(village.halls == 0)
        #expect(village.ratio == nil)
    }
}
