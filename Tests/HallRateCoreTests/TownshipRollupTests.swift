import Testing

@testable import HallRateCore

/// The township roll-up (乡镇统筹, contract rule 16) on hand-built counts: a township's own hall and its
/// villages counted together, their villages reporting, below target and not reporting, and the rank
/// among townships with the township tier's min_volume.
@Suite struct TownshipRollupTests {
    static let registry = HallRegistry(halls: [
        Hall(code: "T1", name: "一镇", tier: .township, parentCode: "Z"),
        Hall(code: "T2", name: "二镇", tier: .township, parentCode: "Z"),
        Hall(code: "T3", name: "三镇", tier: .township, parentCode: "Z"),
        Hall(code: "T4", name: "四镇", tier: .township, parentCode: "Z"),
        Hall(code: "V11", name: "一镇一村", tier: .village, parentCode: "T1"),
        Hall(code: "V12", name: "一镇二村", tier: .village, parentCode: "T1"),
        Hall(code: "V21", name: "二镇一村", tier: .village, parentCode: "T2"),
        Hall(code: "V31", name: "三镇一村", tier: .village, parentCode: "T3"),
        Hall(code: "Z", name: "区", tier: .district, parentCode: ""),
    ])

    /// The stages a run chains, on (code, month, online, window) counts; village target 40 %.
    func rollups(_ counts: [(String, String, Int, Int)], townshipMinVolume: Int = 10) throws -> [SupervisionReport.TownshipRollup] {
        let registry = Self.registry
        let metric = Metric.onlineRate(
            targets: TargetSchedule([.district: Fraction(1, 2), .township: Fraction(1, 2), .village: Fraction(2, 5)]))
        var rows = TrendCalculator.calculate(try TestSupport.counts(counts, registry: registry), metric: metric)
        Ranker.rank(&rows, registry: registry, minVolume: [.district: 1, .township: 1, .village: 1], metric: metric)
        let closing = MonthClosing(asOf: CalendarDate(year: 2026, month: 1, day: 1) ?? CalendarDate(days: 0), closeAfterDays: 5)
        Flagger.flag(&rows, registry: registry, metric: metric, closing: closing)
        let periods = [Period(year: 2019, month: 3), Period(year: 2019, month: 4)]
        let silent = NotReportingFinder.find(rows, periods: periods, registry: registry, closing: closing)
        return TownshipRollupBuilder.build(
            rows, periods: periods, registry: registry, notReporting: silent,
            minVolume: townshipMinVolume, closing: closing, metric: metric)
    }

    func code(_ rollup: SupervisionReport.TownshipRollup) -> String { Self.registry[rollup.township].code }

    @Test func aTownshipCountsItsOwnHallAndItsVillagesTogether() throws {
        let all = try rollups([
            ("T1", "2019-04", 6, 4), ("V11", "2019-04", 1, 4), ("V12", "2019-04", 3, 2),  // 10/20
            ("T2", "2019-04", 2, 2), ("V21", "2019-04", 8, 0),  // 10/12
            ("V31", "2019-03", 4, 1), ("V31", "2019-04", 2, 2),  // a village alone: 2/4
        ])
        let april = all.filter { $0.period == Period(year: 2019, month: 4) }
        let one = try #require(april.first { code($0) == "T1" })
        #expect((one.denominator, one.numerator, one.villages) == (20, 10, 2))
        // 一镇一村 1/5 is under the village target (40 %), 一镇二村 3/5 is not.
        #expect(one.villagesBelowTarget == 1 && one.villagesNotReporting == 0)
        // 三镇 has no hall figures of its own: its village's are its roll-up.
        let three = try #require(april.first { code($0) == "T3" })
        #expect((three.denominator, three.numerator, three.villages) == (4, 2, 1))
        // 四镇 had nothing anywhere: no row. League order: 二镇 10/12, 一镇 10/20, then 三镇 unranked (4 < 10).
        #expect(april.map(code) == ["T2", "T1", "T3"])
        #expect(april.map(\.rank) == [1, 2, nil])
    }

    @Test func villagesThatStopReportingAreCountedInTheirTownship() throws {
        let all = try rollups([
            ("T1", "2019-03", 5, 5), ("V11", "2019-03", 1, 1), ("V12", "2019-03", 1, 1),
            ("T1", "2019-04", 5, 5), ("V11", "2019-04", 1, 1),  // 一镇二村 silent in April
        ])
        let april = try #require(all.first { code($0) == "T1" && $0.period == Period(year: 2019, month: 4) })
        #expect(april.villages == 1 && april.villagesNotReporting == 1)
        let march = try #require(all.first { code($0) == "T1" && $0.period == Period(year: 2019, month: 3) })
        #expect(march.villages == 2 && march.villagesNotReporting == 0)
    }

    @Test func equalRatiosShareARankComparedExactly() throws {
        let all = try rollups(
            [
                ("T1", "2019-04", 1, 2), ("V11", "2019-04", 3, 6),  // 4/12 = 1/3
                ("T2", "2019-04", 5, 10),  // 5/15 = 1/3
                ("T3", "2019-04", 9, 1),
            ], townshipMinVolume: 10)  // 9/10
        #expect(all.map(code) == ["T3", "T2", "T1"])  // the tie listed by total, descending
        #expect(all.map(\.rank) == [1, 2, 2])
    }
}
