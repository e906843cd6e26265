/// Stages 4b–6 for one metric: from additive counts per hall and month to everything a supervisor
/// reads — figures and trends, ranks, flags, the tier summary, league tables, red and black lists,
/// halls not reporting and the township roll-up (contract rules 6–16) — in a ``SupervisionReport``.
///
/// Every stage takes the ``Metric``, so a new metric is a declaration, not a new set of stages.
package struct MetricEngine {
    package let metric: Metric
    package let registry: HallRegistry
    /// min_volume per tier, list size and the least ranked halls a tier needs for lists (rules 8, 12).
    package let rules: SupervisionReport.ListRules
    /// Which months are closed (rule 13).
    package let closing: MonthClosing

    package init(metric: Metric, registry: HallRegistry, rules: SupervisionReport.ListRules, closing: MonthClosing) {
        self.metric = metric
        self.registry = registry
        self.rules = rules
        self.closing = closing
    }

    /// The engine of a pipeline's metric.
    package init(metric: Metric, pipeline: Pipeline, registry: HallRegistry, closing: MonthClosing) {
        self.init(
            metric: metric, registry: registry,
            rules: .init(minVolume: pipeline.minVolume, listSize: pipeline.listSize, listMinRanked: pipeline.listMinRanked),
            closing: closing)
    }

    /// The metric stages on additive counts.
    /// - Parameter latestDays: per hall and month, the latest day of the month a counted transaction was
    ///   accepted on (the data cut-off of a provisional month).
    /// - Parameter timeLimits: the time-limit counts, for a metric made of them.
    package func report(
        _ counts: [HallPeriod: ChannelStatusCounts], timeLimits: [HallPeriod: TimeLimitCounts] = [:],
        latestDays: [HallPeriod: Int] = [:]
    ) -> SupervisionReport {
        var rows = TrendCalculator.calculate(counts, timeLimits: timeLimits, metric: metric)
        for i in rows.indices {
            if let day = latestDays[HallPeriod(hall: rows[i].hall, period: rows[i].period)] {
                rows[i].dataCutoff = CalendarDate(year: rows[i].period.year, month: rows[i].period.month, day: day)
            }
        }
        Ranker.rank(&rows, registry: registry, minVolume: rules.minVolume, metric: metric)
        Flagger.flag(&rows, registry: registry, metric: metric, closing: closing)
        var periods: [Period] = []
        if let first = rows.map(\.period).min(), let last = rows.map(\.period).max() {
            periods = (first.index...last.index).map(Period.init(index:))
        }
        // 未报送 (rule 14) is about transactions, not about one figure: only a metric of all counted transactions lists it.
        let notReporting =
            metric.denominator == .counted ? NotReportingFinder.find(rows, periods: periods, registry: registry, closing: closing) : []
        var report = SupervisionReport(
            registry: registry, closing: closing, metric: metric, rules: rules, periods: periods, hallMonths: rows,
            tierSummaries: TierSummarizer.summarize(rows, periods: periods, registry: registry, metric: metric, closing: closing),
            leagueTables: LeagueTableBuilder.build(
                rows, periods: periods, registry: registry, metric: metric,
                reported: { (counts[$0]?.total ?? 0) > 0 }),
            lists: RedBlackListBuilder.build(
                rows, periods: periods, registry: registry, size: rules.listSize, minRanked: rules.listMinRanked, metric: metric),
            notReporting: notReporting)
        report.townshipRollups = TownshipRollupBuilder.build(
            rows, periods: periods, registry: registry, notReporting: notReporting,
            minVolume: rules.minVolume[.township] ?? 30, closing: closing, metric: metric)
        return report
    }
}

extension MetricEngine {
    /// The pipeline's first metric and every other one (``Pipeline/moreMetrics``) on the same counts: what
    /// a run over its store and a federated run over its members' counts both report.
    static func reports(
        pipeline: Pipeline, registry: HallRegistry, closing: MonthClosing, counts: [HallPeriod: ChannelStatusCounts],
        latestDays: [HallPeriod: Int], timeLimits: [HallPeriod: TimeLimitCounts]?
    ) -> (first: SupervisionReport, more: [SupervisionReport]) {
        // Each metric's stages on a thread of their own: they only read the counts.
        let all = Concurrently.map([pipeline.metric] + pipeline.moreMetrics) { metric in
            MetricEngine(metric: metric, pipeline: pipeline, registry: registry, closing: closing).report(
                counts, timeLimits: metric.isTimeLimit ? timeLimits ?? [:] : [:], latestDays: latestDays)
        }
        let (first, more) = (all[0], Array(all.dropFirst()))
        return (first, more)
    }
}
