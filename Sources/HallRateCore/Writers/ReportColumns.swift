/// The columns of every table of a report, declared once: the CSV tables are written from them, and
/// the workbook's sheets that show the same table (tier summary, 未报送, 乡镇统筹) take them too. The
/// metric's own columns are named by its ``Metric/Words``, so a new metric's tables need no new header.
///
/// English headers of the long table are exactly the metric contract's column names.
struct ReportColumns {
    let report: SupervisionReport

    private var metric: Metric.Words { report.metric.words }

    /// The metric's count and ratio columns: total, online, ratio (办件量, 网办件量, 网上办事率).
    private func figures<TableRow>(
        of metric: Metric.Words? = nil, _ counts: @escaping (TableRow) -> (denominator: Int?, numerator: Int?, ratio: Double?)
    ) -> [ReportColumn<TableRow>] {
        let metric = metric ?? self.metric
        return [
            ReportColumn(metric.denominatorColumn, metric.denominator) { .integer(counts($0).denominator) },
            ReportColumn(metric.numeratorColumn, metric.numerator) { .integer(counts($0).numerator) },
            ReportColumn("ratio", metric.ratio) { .ratio(counts($0).ratio) },
        ]
    }

    /// The count a metric ranked on another count than its denominator is ranked on (承诺时限压缩率:
    /// catalogued transactions), as a column; none for the others.
    private func volume<TableRow>(_ value: @escaping (TableRow) -> Int?) -> [ReportColumn<TableRow>] {
        guard let english = metric.volumeColumn, let chinese = metric.volume else { return [] }
        return [ReportColumn(english, chinese) { .integer(value($0)) }]
    }

    /// `hall_months.csv`, the long table: halls with data, by hall code then month (contract rules 6–9, 13, 16).
    var hallMonths: ReportTable<HallMonth> {
        let tiers = report.registry.halls.map(\.tier)
        return ReportTable(
            [
                ReportColumn("hall_code", "大厅编码") { .hallCode($0.hall) },
                ReportColumn("hall_name", "大厅名称") { .hallName($0.hall) },
                ReportColumn("tier", "层级") { .tier(tiers[$0.hall]) },
                ReportColumn("period", "月份") { .month($0.period) },
            ] + volume { $0.volume } + figures { ($0.denominator, $0.numerator, $0.ratio) } + [
                ReportColumn("wilson_low", "威尔逊下限") { .ratio($0.wilsonLow) },
                ReportColumn("prev_ratio", "上月" + metric.shortRatio) { .ratio($0.prevRatio) },
                ReportColumn("delta_pp", "环比变化(百分点)") { .points($0.deltaPP) },
                ReportColumn("ratio_3m", "近三月" + metric.shortRatio) { .ratio($0.ratio3m) },
                ReportColumn("slope_pp", "趋势斜率(百分点/月)") { .points($0.slopePP) },
                ReportColumn("yoy_delta_pp", "同比变化(百分点)") { .points($0.yoyDeltaPP) },
                ReportColumn("rank", "排名") { .integer($0.rank) },
                ReportColumn("flags", "标记") { .flags($0.flags) },
                ReportColumn("prev_rank", "上月排名") { .integer($0.prevRank) },
                ReportColumn("rank_change", "名次变化") { .integer($0.rankChange) },
                ReportColumn("target", "目标") { .ratio($0.target?.doubleValue) },
                ReportColumn("provisional", "数据状态") { .provisional($0.provisional) },
                ReportColumn("data_cutoff", "数据截至") { .day($0.provisional ? $0.dataCutoff : nil) },
                ReportColumn("township", "所属乡镇") { .township($0.hall) },
            ])
    }

    /// `league/YYYY-MM_<tier>.csv` (rule 11), with the month, tier and target on every row so that it joins.
    func league(_ league: SupervisionReport.LeagueTable) -> ReportTable<SupervisionReport.LeagueEntry> {
        let target = report.targets.target(league.tier, in: league.period)?.doubleValue
        let provisional = !report.closing.isClosed(league.period)
        return ReportTable(
            [
                ReportColumn("rank", "排名") { .integer($0.figures?.rank) },
                ReportColumn("hall_code", "大厅编码") { .hallCode($0.hall) },
                ReportColumn("hall_name", "大厅名称") { .hallName($0.hall) },
            ] + volume { $0.figures?.volume } + figures { ($0.figures?.denominator, $0.figures?.numerator, $0.figures?.ratio) }
                + [
                    ReportColumn("delta_pp", "环比变化(百分点)") { .points($0.figures?.deltaPP) },
                    ReportColumn("slope_pp", "趋势斜率(百分点/月)") { .points($0.figures?.slopePP) },
                    ReportColumn("flags", "标记") { .flags($0.flags) },
                    ReportColumn("prev_rank", "上月排名") { .integer($0.figures?.prevRank) },
                    ReportColumn("rank_change", "名次变化") { .integer($0.figures?.rankChange) },
                    ReportColumn("yoy_delta_pp", "同比变化(百分点)") { .points($0.figures?.yoyDeltaPP) },
                    ReportColumn("provisional", "数据状态") { _ in .provisional(provisional) },
                    ReportColumn("period", "月份") { _ in .month(league.period) },
                    ReportColumn("tier", "层级") { _ in .tier(league.tier) },
                    ReportColumn("target", "目标") { _ in .ratio(target) },
                    ReportColumn("township", "所属乡镇") { .township($0.hall) },
                ])
    }

    /// `red_black_lists.csv` (rule 12).
    var lists: ReportTable<SupervisionReport.ListEntry> {
        ReportTable(
            [
                ReportColumn("period", "月份") { .month($0.period) },
                ReportColumn("tier", "层级") { .tier($0.tier) },
                ReportColumn("list", "榜单") { .list($0.kind) },
                ReportColumn("rank", "排名") { .integer($0.figures.rank) },
                ReportColumn("hall_code", "大厅编码") { .hallCode($0.figures.hall) },
                ReportColumn("hall_name", "大厅名称") { .hallName($0.figures.hall) },
            ] + figures { ($0.figures.denominator, $0.figures.numerator, $0.figures.ratio) } + [
                ReportColumn("target", "目标") { .ratio($0.figures.target?.doubleValue) },
                ReportColumn("black_streak", "连续上黑榜月数") { .integer($0.blackStreak) },
                ReportColumn("township", "所属乡镇") { .township($0.figures.hall) },
            ])
    }

    /// `tier_summary.csv` and the workbook's tier summary sheet (rules 10, 13, 15).
    var tierSummary: ReportTable<SupervisionReport.TierSummary> {
        ReportTable(
            [
                ReportColumn("period", "月份") { .month($0.period) },
                ReportColumn("tier", "层级") { .tier($0.tier) },
                ReportColumn("target", "目标") { .ratio($0.target.doubleValue) },
                ReportColumn("halls", "报送大厅数") { .integer($0.halls) },
            ] + figures { ($0.denominator, $0.numerator, $0.ratio) } + [
                ReportColumn("halls_below_target", "低于目标大厅数") { .integer($0.hallsBelowTarget) },
                ReportColumn("ranked", "参与排名大厅数") { .integer($0.ranked) },
                ReportColumn("slope_pp", "趋势斜率(百分点/月)") { .points($0.slopePP) },
                ReportColumn("months_to_target", "预计达标月数") { .integer($0.trajectory?.monthsToTarget) },
                ReportColumn("trajectory", "达标趋势") { .trajectory($0.trajectory) },
                ReportColumn("provisional", "数据状态") { .provisional($0.provisional) },
                ReportColumn("data_cutoff", "数据截至") { .day($0.dataCutoff) },
            ])
    }

    /// `not_reporting.csv` and the workbook's 未报送 sheet (rule 14): the hall's figures of the month before.
    var notReporting: ReportTable<SupervisionReport.NotReporting> {
        let tiers = report.registry.halls.map(\.tier)
        return ReportTable([
            ReportColumn("period", "月份") { .month($0.period) },
            ReportColumn("tier", "层级") { .tier(tiers[$0.hall]) },
            ReportColumn("hall_code", "大厅编码") { .hallCode($0.hall) },
            ReportColumn("hall_name", "大厅名称") { .hallName($0.hall) },
            ReportColumn("prev_" + metric.denominatorColumn, "上月" + metric.denominator) { .integer($0.previous.denominator) },
            ReportColumn("prev_ratio", "上月" + metric.ratio) { .ratio($0.previous.ratio) },
        ])
    }

    /// `items/YYYY-MM.csv` and `departments/YYYY-MM.csv` (rule 17): per tier, each item or department
    /// over all the tier's halls. `missed_online` needs the item catalogue (rule 18): blank until then.
    func breakdown(_ dimension: Breakdown.Dimension) -> ReportTable<Breakdown> {
        let key: [ReportColumn<Breakdown>] =
            dimension == .item
            ? [
                ReportColumn("item_code", "事项编码") { .code(Self.label($0.key)) },
                ReportColumn("item_name", "事项名称") { .text($0.name) },
            ] : [ReportColumn("department", "受理部门") { .text(Self.label($0.key)) }]
        return ReportTable(
            [
                ReportColumn("period", "月份") { .month($0.period) },
                ReportColumn("tier", "层级") { .tier($0.tier) },
            ] + key + figures(of: .onlineRate) { ($0.total, $0.online, $0.ratio) } + [
                ReportColumn("missed_online", "可网办未网办件量") { .integer(missedOnline($0)) }
            ])
    }

    /// An item's window and kiosk transactions when the catalogue says it can be applied for online
    /// (网上可办, rule 17), 0 when it cannot; unknown (blank) without a catalogue, for an item not in it, and
    /// for departments. 代办 and other channels are not counted as missed.
    private func missedOnline(_ row: Breakdown) -> Int? {
        guard row.dimension == .item, let code = row.key.code, let item = report.catalogue?[code] else { return nil }
        return item.onlineCapable ? row.windowOrKiosk : 0
    }

    /// `overdue_finished/YYYY-MM.csv` and the workbook's 超期办结 sheet (rule 21): the month's transactions
    /// finished after their deadline, most days late first.
    var overdueFinished: ReportTable<TimeLimitException> {
        ReportTable(
            exceptionKey + [
                ReportColumn("completed", "办结时间") { .text($0.completedMinute.map(Self.minute) ?? "") },
                ReportColumn("days_late", "超期天数") { .integer($0.days) },
                ReportColumn("unit", "时限单位") { unitWords($0) },
                ReportColumn("provisional", "数据状态") { .provisional(!report.closing.isClosed($0.period)) },
            ])
    }

    /// `overdue_open/YYYY-MM.csv` and the workbook's 在办超期 sheet (rule 21): the month's transactions still
    /// open as of the run's day, past their deadline (红牌, most days first) or due that day or the next (黄牌).
    var overdueOpen: ReportTable<TimeLimitException> {
        let asOf = report.closing.asOf
        return ReportTable(
            [
                ReportColumn("card", "警示") {
                    $0.kind == .overdue ? .words(en: "red", zh: "红牌") : .words(en: "yellow", zh: "黄牌")
                }
            ] + exceptionKey + [
                ReportColumn("days_overdue", "超期天数") { .integer($0.kind == .overdue ? $0.days : nil) },
                ReportColumn("days_left", "剩余天数") { .integer($0.kind == .dueSoon ? $0.days : nil) },
                ReportColumn("unit", "时限单位") { unitWords($0) },
                ReportColumn("as_of", "统计日") { _ in .day(asOf) },
            ])
    }

    /// The columns both exception lists begin with: the transaction, its hall, item and days.
    private var exceptionKey: [ReportColumn<TimeLimitException>] {
        let tiers = report.registry.halls.map(\.tier)
        let items = report.catalogue?.items ?? []
        return [
            ReportColumn("txn_id", "办件编号") { .code($0.txnID ?? "(not stored)") },
            ReportColumn("hall_code", "大厅编码") { .hallCode($0.hall) },
            ReportColumn("hall_name", "大厅名称") { .hallName($0.hall) },
            ReportColumn("tier", "层级") { .tier(tiers[$0.hall]) },
            ReportColumn("township", "所属乡镇") { .township($0.hall) },
            ReportColumn("period", "月份") { .month($0.period) },
            ReportColumn("item_code", "事项编码") { .code($0.item < items.count ? items[$0.item].code : "") },
            ReportColumn("item_name", "事项名称") { .text($0.item < items.count ? items[$0.item].name : "") },
            ReportColumn("accepted", "受理日期") { .day($0.accepted) },
            ReportColumn("deadline", "办结期限") { .day($0.deadline) },
        ]
    }

    private func unitWords(_ row: TimeLimitException) -> ReportValue {
        let items = report.catalogue?.items ?? []
        guard row.item < items.count else { return .text("") }
        return items[row.item].unit == .workingDays
            ? .words(en: "working days", zh: "工作日") : .words(en: "natural days", zh: "自然日")
    }

    /// `YYYY-MM-DD HH:MM` of a stored minute.
    static func minute(_ minute: Int32) -> String {
        let time = LocalTime(seconds: Int64(minute) * 60)
        let day = time.date
        let inDay = Int(time.seconds - Int64(day.days) * 86_400)
        let (hour, min) = (inDay / 3600, inDay % 3600 / 60)
        return "\(day) \(hour < 10 ? "0" : "")\(hour):\(min < 10 ? "0" : "")\(min)"
    }

    /// What a breakdown row is of: its code or name, `(blank)` when the field was empty, `(not recorded)`
    /// when its rows' source does not map the field (the contract's words, in both languages).
    static func label(_ key: Breakdown.Key) -> String {
        guard let code = key.code else { return "(not recorded)" }
        return code.isEmpty ? "(blank)" : code
    }

    /// One hall-month's time-limit counts.
    struct HallTimeLimits {
        let hall: Int
        let period: Period
        let counts: TimeLimitCounts
    }

    /// `time_limits.csv` (rules 19–21, with an item catalogue): per hall and month of acceptance, by hall
    /// code then month. finished + in_progress + untimed + uncatalogued = counted on every row.
    var timeLimits: ReportTable<HallTimeLimits> {
        let tiers = report.registry.halls.map(\.tier)
        let closing = report.closing
        return ReportTable([
            ReportColumn("hall_code", "大厅编码") { .hallCode($0.hall) },
            ReportColumn("hall_name", "大厅名称") { .hallName($0.hall) },
            ReportColumn("tier", "层级") { .tier(tiers[$0.hall]) },
            ReportColumn("period", "月份") { .month($0.period) },
            ReportColumn("counted", "办件量") { .integer($0.counts.counted) },
            ReportColumn("catalogued", "已编目办件量") { .integer($0.counts.catalogued) },
            ReportColumn("uncatalogued", "未编目办件量") { .integer($0.counts.uncatalogued) },
            ReportColumn("finished", "办结量") { .integer($0.counts.finished) },
            ReportColumn("on_time", "按时办结量") { .integer($0.counts.onTime) },
            ReportColumn("on_time_rate", "按时办结率") { .ratio($0.counts.onTimeRate) },
            ReportColumn("overdue_finished", "超期办结量") { .integer($0.counts.overdueFinished) },
            ReportColumn("in_progress", "在办量") { .integer($0.counts.inProgress) },
            ReportColumn("overdue_open", "在办超期量(红牌)") { .integer($0.counts.overdueOpen) },
            ReportColumn("due_soon", "临近期限量(黄牌)") { .integer($0.counts.dueSoon) },
            ReportColumn("untimed", "办结时间不可用量") { .integer($0.counts.untimed) },
            ReportColumn("instant_share", "即办件率") { .ratio($0.counts.instantShare) },
            ReportColumn("fully_online_share", "全程网办率") { .ratio($0.counts.fullyOnlineShare) },
            ReportColumn("compression", "承诺时限压缩率") { .ratio($0.counts.compression) },
            ReportColumn("provisional", "数据状态") { .provisional(!closing.isClosed($0.period)) },
            ReportColumn("township", "所属乡镇") { .township($0.hall) },
        ])
    }

    /// `township_rollup.csv` and the workbook's 乡镇统筹 sheet (rule 16).
    var townshipRollups: ReportTable<SupervisionReport.TownshipRollup> {
        ReportTable(
            [
                ReportColumn("period", "月份") { .month($0.period) },
                ReportColumn("township_code", "乡镇编码") { .hallCode($0.township) },
                ReportColumn("township_name", "乡镇名称") { .hallName($0.township) },
            ] + volume { $0.volume } + figures { ($0.denominator, $0.numerator, $0.ratio) } + [
                ReportColumn("villages", "报送村(居)数") { .integer($0.villages) },
                ReportColumn("villages_below_target", "低于目标村(居)数") { .integer($0.villagesBelowTarget) },
                ReportColumn("villages_not_reporting", "未报送村(居)数") { .integer($0.villagesNotReporting) },
                ReportColumn("rank", "排名") { .integer($0.rank) },
                ReportColumn("provisional", "数据状态") { .provisional($0.provisional) },
            ])
    }
}
