import Testing

@testable import HallRateCore

/// The engine works on any metric, not only 网上办事率: a metric where lower is better must give the
/// verdicts of its mirror image. The offline share (1 − online rate) with targets 1 − t, lower better,
/// ranks, flags, lists and rolls up every hall exactly as the online rate with targets t does: an oracle
/// that needs no hand-computed answer, on random counts.
@Suite struct MetricEngineTests {
    static let registry = HallRegistry(
        halls: ["A", "B", "C", "D", "E", "F"].map { Hall(code: "T\($0)", name: "镇\($0)", tier: .township, parentCode: "Z") }
            + (0..<12).map { Hall(code: "V\($0)", name: "村\($0)", tier: .village, parentCode: "T\(["A", "B", "C"][$0 % 3])") }
            + [Hall(code: "Z", name: "区", tier: .district, parentCode: "")])

    static let targets: [Tier: Fraction] = [.district: Fraction(3, 5), .township: Fraction(1, 2), .village: Fraction(2, 5)]

    static let online = Metric.onlineRate(targets: TargetSchedule(targets))

    /// Counted but not online: lower is better, and its target is what is left of the online target.
    static let offline = Metric(
        id: "offline_share", numerator: .offline, denominator: .counted, better: .lower,
        targets: TargetSchedule(targets.mapValues { Fraction($0.denominator - $0.numerator, $0.denominator) }),
        words: Metric.Words(
            denominatorColumn: "total", numeratorColumn: "offline", ratio: "线下办件占比", shortRatio: "线下占比",
            denominator: "办件量", numerator: "线下办件量", ratioInEnglish: "offline share",
            denominatorInEnglish: "transactions", numeratorInEnglish: "offline", titleInEnglish: "Offline Share"))

    static func engine(_ metric: Metric) -> MetricEngine {
        MetricEngine(
            metric: metric, registry: registry,
            rules: .init(minVolume: [.district: 5, .township: 5, .village: 5], listSize: 2, listMinRanked: 3),
            closing: MonthClosing(asOf: CalendarDate(year: 2026, month: 1, day: 1) ?? CalendarDate(days: 0), closeAfterDays: 5))
    }

    /// Random counts over 14 months; a tenth of the hall-months silent, many ties (small counts).
    static func counts(seed: UInt64) -> [HallPeriod: ChannelStatusCounts] {
        var random = SplitMix64(seed: seed)
        var counts: [HallPeriod: ChannelStatusCounts] = [:]
        for hall in registry.halls.indices {
            for month in 0..<14 where random.next() % 10 != 0 {
                var cell = ChannelStatusCounts()
                cell.add(.online, .completed, count: Int(random.next() % 12))
                cell.add(.window, .completed, count: Int(random.next() % 12))
                cell.add(.kiosk, .inProgress, count: Int(random.next() % 3))
                cell.add(.mobile, .withdrawn, count: Int(random.next() % 3))
                counts[HallPeriod(hall: hall, period: Period(year: 2019, month: 1).advanced(by: month))] = cell
            }
        }
        return counts
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func aLowerIsBetterMetricGivesTheVerdictsOfItsMirrorImage(seed: UInt64) {
        let counts = Self.counts(seed: seed)
        let up = Self.engine(Self.online).report(counts)
        let down = Self.engine(Self.offline).report(counts)

        #expect(up.hallMonths.count == down.hallMonths.count)
        for (a, b) in zip(up.hallMonths, down.hallMonths) {
            #expect((a.hall, a.period, a.denominator) == (b.hall, b.period, b.denominator))
            #expect(a.numerator + b.numerator == a.denominator)
            #expect(a.rank == b.rank && a.prevRank == b.prevRank, "\(a.hall) \(a.period)")
            #expect(a.flags == b.flags, "\(a.hall) \(a.period): \(a.flags) vs \(b.flags)")
        }
        #expect(up.flagged(.belowTarget) > 0 && up.flagged(.declining) > 0)  // the case is not vacuous
        #expect(
            up.lists.map { "\($0.kind) \($0.figures.hall) \($0.period) \($0.blackStreak ?? 0)" }
                == down.lists.map { "\($0.kind) \($0.figures.hall) \($0.period) \($0.blackStreak ?? 0)" })
        #expect(up.lists.contains { $0.kind == .black } && up.lists.contains { $0.kind == .red })
        #expect(up.leagueTables.map { $0.entries.map(\.hall) } == down.leagueTables.map { $0.entries.map(\.hall) })
        #expect(
            up.townshipRollups.map { "\($0.township) \($0.period) \($0.rank ?? 0) \($0.villagesBelowTarget)" }
                == down.townshipRollups.map { "\($0.township) \($0.period) \($0.rank ?? 0) \($0.villagesBelowTarget)" })
        #expect(up.tierSummaries.map(\.hallsBelowTarget) == down.tierSummaries.map(\.hallsBelowTarget))
        #expect(up.tierSummaries.map(\.trajectory) == down.tierSummaries.map(\.trajectory))
        #expect(up.tierSummaries.contains { $0.trajectory?.monthsToTarget != nil })
    }
}

extension SupervisionReport {
    /// How many hall-months carry `flag`.
    fileprivate func flagged(_ flag: HallFlags) -> Int { hallMonths.filter { $0.flags.contains(flag) }.count }
}
