/// The sections of the page: the overview, and per tier the charts and tables.
extension HTMLReportWriter {
    private func target(_ tier: Tier) -> Double? { targets[tier]?.doubleValue }

    private func escaped(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// One card per tier: the month's rate against the target, the change, halls reporting and below target.
    func overview(_ index: HTMLReportIndex, tiers: [Tier], month: Period) -> String {
        var html =
            "<section id=\"overview\">\n<h2>\(words.overview) · \(words.monthName(month))\(provisionalChip(index, month))</h2>\n<div class=\"kpis\">\n"
        for tier in tiers {
            let summary = index.summary(tier, month)
            let ratio = summary?.ratio
            let below = ratio.flatMap { value in target(tier).map { value < $0 } } ?? false
            html += "<div class=\"\(below ? "kpi below" : "kpi")\"><div class=\"tier-name\">\(words.tier(tier))</div>"
            html += "<div class=\"value\">\(ratio.map { HTMLNumber.percent($0) } ?? "—")"
            html += below ? "<span class=\"sym\" title=\"\(words.belowWord)\">▼</span>" : ""
            html += "</div><div class=\"facts\">"
            var facts: [String] = []
            if let goal = target(tier) { facts.append("\(words.target) \(Vocabulary.percent(goal))") }
            if let ratio, let previous = index.summary(tier, month.advanced(by: -1))?.ratio {
                facts.append("\(words.change) \(HTMLNumber.signed((ratio - previous) * 100))\(words.percentagePoints)")
            }
            if let summary {
                facts.append("\(words.reporting) \(summary.halls)\(words.hallsUnit)")
                facts.append("\(words.belowTarget) \(summary.hallsBelowTarget)\(words.hallsUnit)")
            }
            html += facts.map { "<span>\($0)</span>" }.joined() + "</div>"
            if let summary, summary.ratio != nil {
                html += "<div class=\"outlook\">\(words.trajectory(summary.trajectory, slopePP: summary.slopePP, from: month))</div>"
            }
            html += "</div>\n"
        }
        return html + "</div>\n" + legend(index, printed: false) + "</section>\n"
    }

    /// What the marks, lines and dots mean. On screen under the tier cards; in print (`printed`) under each
    /// league table instead, so that page one keeps its room for the verdict.
    func legend(_ index: HTMLReportIndex, printed: Bool) -> String {
        var html = "<div class=\"\(printed ? "legend print-legend" : "legend screen-legend")\"><span>\(words.legend):</span>"
        html += words.legendItems(listSize: index.report.rules.listSize).map { "<span><b>\($0.symbol)</b>\($0.text)</span>" }.joined()
        html +=
            "<span><svg class=\"key\" viewBox=\"0 0 28 10\" aria-hidden=\"true\"><line class=\"target\" x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\"/></svg>\(words.targetLine)</span>"
        html +=
            "<span><svg class=\"key\" viewBox=\"0 0 28 10\" aria-hidden=\"true\"><line class=\"key-series\" x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\"/><circle class=\"key-dot below\" cx=\"14\" cy=\"5\" r=\"3.5\"/></svg>\(words.hollowDot)</span>"
        return html + "</div>\n"
    }

    /// "provisional" beside a heading of a provisional month; nothing for a closed one.
    func provisionalChip(_ index: HTMLReportIndex, _ month: Period) -> String {
        index.isProvisional(month) ? "<span class=\"provisional-chip\">\(words.provisionalChip)</span>" : ""
    }

    /// The halls that reported last month and not in this closed month (未报送, contract rule 14).
    func notReporting(_ index: HTMLReportIndex, month: Period) -> String {
        let entries = index.isProvisional(month) ? [] : index.notReporting(month)
        var html = "<section id=\"not-reporting\"\(entries.isEmpty ? "" : " class=\"alert\"")>\n"
        html += "<h2>\(words.notReporting) · \(words.monthName(month))\(provisionalChip(index, month))</h2>\n"
        if index.isProvisional(month) {
            html += "<p class=\"empty\">\(words.sentences.notReportingWhenClosed)</p>\n"
        } else if entries.isEmpty {
            let first = index.report.periods.first == month
            html += "<p class=\"empty\">\(first ? words.sentences.noMonthBefore : words.sentences.everyHallReported)</p>\n"
        } else {
            html +=
                "<div class=\"table-wrap\"><table class=\"not-reporting\">\n<thead><tr><th>\(words.tierName)</th><th class=\"code\">\(words.code)</th><th class=\"hall-name\">\(words.name)</th>"
            html += "<th class=\"num\">\(words.previousTotal)</th><th class=\"num\">\(words.previousRate)</th></tr></thead>\n<tbody>\n"
            for entry in entries {
                let hall = index.report.registry[entry.hall]
                html +=
                    "<tr><td>\(words.tier(hall.tier))</td><td class=\"code\">\(escaped(hall.code))</td><td class=\"hall-name\">✕ \(escaped(hall.name))</td>"
                html +=
                    "<td class=\"num\">\(entry.previous.denominator)</td><td class=\"num\">\(HTMLNumber.percent(entry.previous.ratio))</td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
        }
        return html + "<p class=\"note\">\(words.sentences.notReportingMeaning)</p>\n</section>\n"
    }

    /// Everything about one tier for the month.
    func section(_ index: HTMLReportIndex, tier: Tier, month: Period) -> String {
        let goal = target(tier)
        // A tier of a few halls (the district centre) does not start a printed page of its own.
        let small = index.report.registry.indices(of: tier).count <= 3
        var html = "<section class=\"\(small ? "tier small" : "tier")\" id=\"tier-\(tier.rawValue)\">\n<h2>\(words.tier(tier))"
        if let goal { html += "<span class=\"target-chip\">\(words.target) \(Vocabulary.percent(goal))</span>" }
        html += provisionalChip(index, month) + "</h2>\n"
        if let summary = index.summary(tier, month), let ratio = summary.ratio {
            html += "<p class=\"note\">\(words.monthName(month)) \(words.rate) <strong>\(HTMLNumber.percent(ratio))</strong>"
            html +=
                " · \(words.reporting) \(summary.halls)\(words.hallsUnit) · \(words.belowTarget) \(summary.hallsBelowTarget)\(words.hallsUnit)</p>\n"
            html += "<p class=\"note trajectory\">\(words.trajectory(summary.trajectory, slopePP: summary.slopePP, from: month))</p>\n"
        }
        let entries = index.league(tier, month)
        // Black only when below target: a hall at or above its target is never marked black.
        let black = Set(index.list(.black, tier, month).filter { $0.figures.flags.contains(.belowTarget) }.map(\.figures.hall))
        let red = Set(index.list(.red, tier, month).map(\.figures.hall))
        let provisional = index.isProvisional(month) ? words.provisionalChip : nil
        html += "<h3>\(words.leagueTable) · \(words.monthName(month))\(provisional.map { " · \($0)" } ?? "")</h3>\n"
        html +=
            "<div class=\"table-wrap\">"
            + leagueTable(
                entries, index: index, red: red, black: black, tier: tier,
                month: month, provisional: provisional != nil) + "</div>\n"
        html += "<p class=\"note\">\(words.rankingNote(minVolume: index.report.rules.minVolume[tier] ?? 0))</p>\n"
        html += legend(index, printed: true)
        html +=
            "<h3 class=\"chart-title\">\(words.trendChart)</h3>\n<div class=\"chart-wrap\">" + tierChart(index, tier: tier, month: month)
            + "</div>\n"
        html += "<h3 class=\"spark-title\">\(words.smallMultiples)</h3>\n" + sparklines(index, entries: entries, tier: tier, month: month)
        html += "<h3>\(words.projection)</h3>\n" + projections(entries, index: index, tier: tier, month: month)
        return html + "</section>\n"
    }

    /// The tier's monthly rate from the first month through `month`, against its target.
    private func tierChart(_ index: HTMLReportIndex, tier: Tier, month: Period) -> String {
        let months = index.months(through: month)
        let points = months.enumerated().map { number, period in
            let axis = words.axisMonth(period, first: number == 0)
            return SVGLineChart.Point(
                label: words.monthName(period), value: index.summary(tier, period)?.ratio, axis: axis.month,
                axisYear: axis.year)
        }
        guard points.contains(where: { $0.value != nil }) else { return "<p class=\"empty\">\(words.noChart)</p>\n" }
        let chart = SVGLineChart(
            points: points, target: target(tier), highlighted: points.count - 1,
            title: "\(words.tier(tier)) \(words.trendChart)", targetWord: words.target)
        return chart.svg() + "\n"
    }

    /// One small chart per hall of the tier, in league order, over the last 12 months, on one shared scale.
    private func sparklines(
        _ index: HTMLReportIndex, entries: [SupervisionReport.LeagueEntry], tier: Tier,
        month: Period
    ) -> String {
        let months = index.months(through: month, last: 12)
        let series = entries.map { entry in months.map { index.figures(hall: entry.hall, period: $0)?.ratio } }
        let highest = series.joined().compactMap { $0 }.max() ?? 0
        let scale = ChartScale(highest: max(highest, target(tier) ?? 0))
        var html = "<div class=\"sparks\">\n"
        for (entry, values) in zip(entries, series) {
            let hall = index.report.registry[entry.hall]
            let below = entry.flags.contains(.belowTarget)
            let name = escaped(hall.name)
            html += "<div class=\"\(below ? "spark-card below" : "spark-card")\">"
            html += "<div class=\"hall\" title=\"\(name) (\(escaped(hall.code)))\">\(name)</div>"
            html += SVGSparkline(values: values, target: target(tier), top: scale.top, title: "\(hall.name) \(words.rate)").svg()
            html +=
                "<div class=\"foot\"><span class=\"latest\">\(below ? "▼ " : "")\(entry.figures.map { HTMLNumber.percent($0.ratio) } ?? "—")</span>"
            if let delta = entry.figures?.deltaPP {
                html += "<span class=\"delta\">\(words.change) \(HTMLNumber.signed(delta))</span>"
            }
            html += "</div></div>\n"
        }
        return html
            + "</div>\n<p class=\"note spark-note\">\(words.sparkNote(months.first ?? month, month, top: HTMLNumber.percent(scale.top, places: 0)))</p>\n"
    }

    /// The kinds of hall a name may end with, which the printed league table leaves out (the table's tier says it):
    /// 「观音桥街道观音桥社区便民服务站」 prints as 「观音桥街道观音桥社区」, so that names stay on one line on A4.
    static let hallKindSuffixes = ["便民服务站", "便民服务中心", "政务服务中心", "服务站"]

    /// The escaped name, its kind suffix in a span that print hides.
    func abbreviable(_ name: String) -> String {
        guard let suffix = Self.hallKindSuffixes.first(where: { name.hasSuffix($0) && name.count > $0.count + 1 }) else {
            return escaped(name)
        }
        return escaped(String(name.dropLast(suffix.count))) + "<span class=\"name-suffix\">\(suffix)</span>"
    }

    /// The marks of a hall in the month: ★ red list, ■ black list, ▼ below target.
    private func marks(red: Bool, black: Bool, below: Bool) -> String {
        var marks = ""
        if red { marks += "<span title=\"\(words.redWord)\">★</span>" }
        if black { marks += "<span title=\"\(words.blackWord)\">■</span>" }
        if below { marks += "<span title=\"\(words.belowWord)\">▼</span>" }
        return marks
    }

    /// A ratio with a small bar and a tick at the target; hatched when below it.
    private func ratioCell(_ ratio: Double, target goal: Double?) -> String {
        let below = goal.map { ratio < $0 } ?? false
        var bar =
            "<span class=\"bar\" aria-hidden=\"true\"><span class=\"\(below ? "fill under" : "fill")\" style=\"width:\(HTMLNumber.percent(min(max(ratio, 0), 1)))\"></span>"
        if let goal { bar += "<span class=\"goal\" style=\"left:\(HTMLNumber.percent(goal))\"></span>" }
        return bar + "</span>\(HTMLNumber.percent(ratio))"
    }

    /// The trend slope with an arrow, or a dash when there is none.
    private func trend(_ slope: Double?) -> String {
        guard let slope else { return "—" }
        let text = HTMLNumber.signed(slope)
        return (text.hasPrefix("+") ? "↑ " : text.hasPrefix("\u{2212}") ? "↓ " : "→ ") + text
    }

    private func leagueTable(
        _ entries: [SupervisionReport.LeagueEntry], index: HTMLReportIndex, red: Set<Int>,
        black: Set<Int>, tier: Tier, month: Period, provisional: Bool
    ) -> String {
        guard !entries.isEmpty else { return "<p class=\"empty\">\(words.noData)</p>\n" }
        let registry = index.report.registry
        let goal = target(tier)
        /// A cell of a hall with figures, `—` for a hall without.
        func figure(_ body: @escaping (HallMonth) -> String) -> (SupervisionReport.LeagueEntry) -> String {
            { entry in entry.figures.map(body) ?? "<td class=\"num\">—</td>" }
        }
        let columns: [HTMLColumn<SupervisionReport.LeagueEntry>] = [
            HTMLColumn("<th class=\"mark\">\(words.status)</th>") { entry in
                let below = entry.flags.contains(.belowTarget)
                return "<td class=\"mark\">\(marks(red: red.contains(entry.hall), black: black.contains(entry.hall), below: below))</td>"
            },
            HTMLColumn("<th class=\"num\">\(words.rank)</th>") { "<td class=\"num\">\($0.figures?.rank.map(String.init) ?? "—")</td>" },
            HTMLColumn("<th class=\"num\">\(words.rankChange)</th>") { entry in
                let previous = entry.figures?.prevRank.map { " title=\"\(words.previousRank) \($0)\"" } ?? ""
                return "<td class=\"num change\"\(previous)>\(words.rankChange(entry.figures?.rankChange))</td>"
            },
            HTMLColumn("<th class=\"code\">\(words.code)</th>") { "<td class=\"code\">\(escaped(registry[$0.hall].code))</td>" },
            HTMLColumn("<th class=\"hall-name\">\(words.name)</th>") {
                "<td class=\"hall-name\">\(abbreviable(registry[$0.hall].name))</td>"
            },
            HTMLColumn("<th class=\"num\">\(words.total)</th>", figure { "<td class=\"num\">\($0.denominator)</td>" }),
            HTMLColumn("<th class=\"num\">\(words.online)</th>", figure { "<td class=\"num\">\($0.numerator)</td>" }),
            HTMLColumn("<th class=\"num\">\(words.rate)</th>", figure { "<td class=\"num\">\(ratioCell($0.ratio, target: goal))</td>" }),
            HTMLColumn(
                "<th class=\"num\">\(words.gapToTarget)</th>",
                figure { figures in
                    let below = figures.flags.contains(.belowTarget)
                    let gap = goal.map { words.gapCell(DecimalFormatter.gapPoints(figures.ratio, target: $0), below: below) }
                    return "<td class=\"num gap\">\(gap ?? "—")</td>"
                }),
            HTMLColumn(
                "<th class=\"num\">\(words.deltaPP)</th>",
                figure { "<td class=\"num\">\($0.deltaPP.map { HTMLNumber.signed($0) } ?? "—")</td>" }),
            HTMLColumn(
                "<th class=\"num\">\(words.yoyPP)</th>",
                figure { "<td class=\"num\">\($0.yoyDeltaPP.map { HTMLNumber.signed($0) } ?? "—")</td>" }),
            HTMLColumn("<th class=\"num\">\(words.trend)</th>", figure { "<td class=\"num\">\(trend($0.slopePP))</td>" }),
            HTMLColumn("<th>\(words.flags)</th>") { entry in
                // Below target is the row's ▼, its bold text and its 距目标 「低 N」: the flags column says the rest.
                var flags = words.flagsHTML(entry.flags.subtracting(.belowTarget), minVolume: index.report.rules.minVolume[tier] ?? 0)
                // A provisional month: a hall whose data stop days before the others' may have an export missing.
                if provisional, let day = entry.figures?.dataCutoff, let latest = index.summary(tier, month)?.dataCutoff, day < latest {
                    flags += (flags.isEmpty ? "" : words.flagSeparator) + words.sentences.dataUpTo(day)
                }
                return "<td class=\"flags\">\(flags)</td>"
            },
        ]
        var html = "<table class=\"\(provisional ? "league provisional" : "league")\">\n<thead><tr>"
        html += columns.map(\.head).joined() + "</tr></thead>\n<tbody>\n"
        for entry in entries {
            let classes = [
                entry.flags.contains(.belowTarget) ? "below" : nil, black.contains(entry.hall) ? "black" : nil,
                entry.figures == nil ? "silent" : nil,
            ].compactMap { $0 }.joined(separator: " ")
            html += classes.isEmpty ? "<tr>" : "<tr class=\"\(classes)\">"
            html += columns.map { $0.cell(entry) }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The red and black lists side by side, each with what it means; the black list with its streaks.
    /// A provisional month, and a tier-month with too few ranked halls, get the reason instead of lists.
    func lists(_ index: HTMLReportIndex, tier: Tier, month: Period) -> String {
        let sentences = words.sentences
        let rules = index.report.rules
        let halls = index.report.registry.indices(of: tier).count
        if halls < rules.listMinRanked {
            return "<p class=\"no-lists\">\(sentences.tierTooSmall(halls: halls, minRanked: rules.listMinRanked))</p>\n"
        }
        if index.isProvisional(month) {
            return
                "<p class=\"no-lists\">\(sentences.listsNotPublished(closes: index.closingDay(month), ended: index.report.closing.hasEnded(month)))</p>\n"
        }
        guard (index.summary(tier, month)?.ranked ?? 0) >= rules.listMinRanked else {
            return "<p class=\"no-lists\">\(sentences.tooFewRanked(rules.listMinRanked))</p>\n"
        }
        var html = "<div class=\"lists\">\n"
        for kind in [SupervisionReport.ListKind.red, .black] {
            let entries = index.list(kind, tier, month)
            let isRed = kind == .red
            let meaning =
                isRed
                ? sentences.redListMeaning(
                    minVolume: rules.minVolume[tier] ?? 0, target: index.report.targets.target(tier, in: month),
                    size: rules.listSize)
                : sentences.blackListMeaning(
                    minVolume: rules.minVolume[tier] ?? 0, target: index.report.targets.target(tier, in: month),
                    size: rules.listSize)
            html += "<div class=\"\(kind.rawValue)\"><h4>\(isRed ? "★" : "■") \(isRed ? words.redList : words.blackList)</h4>\n"
            if entries.isEmpty {
                html += "<p class=\"empty\">\(isRed ? sentences.noRankedHallMeetsTarget : sentences.everyRankedHallMeetsTarget)</p>\n"
            } else {
                html +=
                    "<div class=\"table-wrap\"><table class=\"list-\(kind.rawValue)\"><thead><tr><th class=\"num\">\(words.rank)</th><th class=\"hall-name\">\(words.name)</th>"
                html +=
                    "<th class=\"num\">\(words.rate)</th><th class=\"num\">\(isRed ? words.deltaPP : words.blackStreak)</th></tr></thead><tbody>\n"
                for entry in entries {
                    let figures = entry.figures
                    html += "<tr><td class=\"num\">\(figures.rank.map(String.init) ?? "—")</td>"
                    html += "<td class=\"hall-name\">\(abbreviable(index.report.registry[figures.hall].name))</td>"
                    html += "<td class=\"num\">\(HTMLNumber.percent(figures.ratio))</td>"
                    if isRed {
                        html += "<td class=\"num\">\(figures.deltaPP.map { HTMLNumber.signed($0) } ?? "—")</td></tr>\n"
                    } else {
                        html += "<td class=\"num streak\">\(entry.blackStreak.map(String.init) ?? "—")</td></tr>\n"
                    }
                }
                html += "</tbody></table></div>\n"
            }
            html += "<p class=\"list-meaning\">\(meaning)</p></div>\n"
        }
        return html + "</div>\n"
    }

    /// For each hall below target: when it reaches the target if its slope holds.
    private func projections(
        _ entries: [SupervisionReport.LeagueEntry], index: HTMLReportIndex, tier: Tier,
        month: Period
    ) -> String {
        let below = entries.compactMap { entry in entry.figures.flatMap { $0.flags.contains(.belowTarget) ? $0 : nil } }
        guard let goal = target(tier), !below.isEmpty else { return "<p class=\"empty\">\(words.noneBelow)</p>\n" }
        var html =
            "<div class=\"table-wrap\"><table class=\"projection\">\n<thead><tr><th class=\"hall-name\">\(words.name)</th><th class=\"num\">\(words.rate)</th>"
        html +=
            "<th class=\"num\">\(words.gapToTarget)</th><th class=\"num\">\(words.trend)</th><th>\(words.outlook)</th></tr></thead>\n<tbody>\n"
        for figures in below {
            let projection = TargetProjection.project(ratio: figures.ratio, target: goal, slopePP: figures.slopePP, from: month)
            html += "<tr><td class=\"hall-name\">\(escaped(index.report.registry[figures.hall].name))</td>"
            html += "<td class=\"num\">\(HTMLNumber.percent(figures.ratio))</td>"
            html += "<td class=\"num gap\">\(words.gapCell(DecimalFormatter.gapPoints(figures.ratio, target: goal), below: true))</td>"
            html += "<td class=\"num\">\(trend(figures.slopePP))</td>"
            html +=
                projection == .never
                ? "<td class=\"outlook-never\">✕ \(words.outlook(projection))</td></tr>\n"
                : "<td>\(words.outlook(projection))</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n<p class=\"note\">\(words.projectionNote)</p>\n"
        return html
    }

    /// Page one's verdict: every tier's red and black lists, each with what it means (or why there is none).
    func verdicts(_ index: HTMLReportIndex, tiers: [Tier], month: Period) -> String {
        var html =
            "<section id=\"lists\" class=\"verdicts\">\n<h2>\(words.lists) · \(words.monthName(month))\(provisionalChip(index, month))</h2>\n"
        for tier in tiers {
            html += "<div class=\"tier-lists\" id=\"lists-\(tier.rawValue)\"><h3>\(words.tier(tier))"
            if let goal = target(tier) { html += "<span class=\"target-chip\">\(words.target) \(Vocabulary.percent(goal))</span>" }
            html += "</h3>\n" + lists(index, tier: tier, month: month) + "</div>\n"
        }
        return html + "</section>\n"
    }

    /// The 简报 names at most this many halls below target per tier, the lowest; the full report has them all.
    static let briefBelowTargetLimit = 30

    /// The 简报's last part: per tier, every hall below its target with how far below, and whether its trend gets it there.
    func belowTarget(_ index: HTMLReportIndex, tiers: [Tier], month: Period) -> String {
        var html = "<section id=\"below-target\" class=\"below-target\">\n<h2>\(words.belowTargetHalls) · \(words.monthName(month))</h2>\n"
        for tier in tiers {
            guard let goal = target(tier) else { continue }
            let below = index.league(tier, month).compactMap { $0.figures }.filter { $0.flags.contains(.belowTarget) }
                .sorted { ($0.ratio, $0.hall) < ($1.ratio, $1.hall) }
            html += "<h3>\(words.tier(tier))<span class=\"target-chip\">\(words.target) \(Vocabulary.percent(goal))</span></h3>\n"
            guard !below.isEmpty else {
                html += "<p class=\"empty\">\(words.noneBelow)</p>\n"
                continue
            }
            html += "<ol class=\"below-list\">\n"
            for (number, figures) in below.prefix(Self.briefBelowTargetLimit).enumerated() {
                let gap = words.gapCell(DecimalFormatter.gapPoints(figures.ratio, target: goal), below: true)
                let outlook = TargetProjection.project(ratio: figures.ratio, target: goal, slopePP: figures.slopePP, from: month)
                html +=
                    "<li><span class=\"seq\">\(number + 1).</span><span class=\"hall-name\">\(escaped(index.report.registry[figures.hall].name))</span>"
                html += "<span class=\"num\">\(HTMLNumber.percent(figures.ratio))</span><span class=\"num gap\">\(gap)</span>"
                html += "<span class=\"outlook\">\(outlook == .never ? "✕ " : "")\(words.shortOutlook(outlook))</span></li>\n"
            }
            html += "</ol>\n"
            if below.count > Self.briefBelowTargetLimit {
                html += "<p class=\"note more\">\(words.moreBelowTarget(below.count, shown: Self.briefBelowTargetLimit))</p>\n"
            }
        }
        return html + "<p class=\"note\">\(words.belowTargetNote)</p>\n</section>\n"
    }

    /// 乡镇统筹 (contract rule 16): the townships ranked on their own hall and villages together, then per
    /// township each of its villages with its rate, the ones below target marked and the silent ones named.
    func townshipRollups(_ index: HTMLReportIndex, month: Period) -> String {
        let rollups = index.report.townshipRollups.filter { $0.period == month }
        guard !rollups.isEmpty else { return "" }
        let registry = index.report.registry
        var html = "<section class=\"tier rollup\" id=\"township-rollup\">\n<h2>\(words.townshipRollup) · \(words.monthName(month))"
        html +=
            provisionalChip(index, month)
            + "</h2>\n<p class=\"note\">\(words.townshipRollupNote(minVolume: index.report.rules.minVolume[.township] ?? 0))</p>\n"
        html +=
            "<div class=\"table-wrap\"><table class=\"rollup\">\n<thead><tr><th class=\"num\">\(words.rank)</th><th class=\"hall-name\">\(words.township)</th>"
        html += "<th class=\"num\">\(words.total)</th><th class=\"num\">\(words.online)</th><th class=\"num\">\(words.rate)</th>"
        html +=
            "<th class=\"num\">\(words.villagesReporting)</th><th class=\"num\">\(words.villagesBelow)</th><th class=\"num\">\(words.villagesSilent)</th>"
        html += "</tr></thead>\n<tbody>\n"
        for rollup in rollups {
            html +=
                "<tr><td class=\"num\">\(rollup.rank.map(String.init) ?? "—")</td><td class=\"hall-name\">\(abbreviable(registry[rollup.township].name))</td>"
            html +=
                "<td class=\"num\">\(rollup.denominator)</td><td class=\"num\">\(rollup.numerator)</td><td class=\"num\">\(HTMLNumber.percent(rollup.ratio))</td>"
            html +=
                "<td class=\"num\">\(rollup.villages)</td><td class=\"num\">\(rollup.villagesBelowTarget)</td><td class=\"num\">\(rollup.villagesNotReporting)</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        let silent = Set(index.notReporting(month).map(\.hall))
        let villagesOf = registry.villagesByTownship()
        for rollup in rollups {
            let villages = villagesOf[rollup.township] ?? []
            guard !villages.isEmpty else { continue }
            html += "<div class=\"township\"><h3>\(escaped(registry[rollup.township].name))</h3><p class=\"villages\">"
            html += villages.map { village -> String in
                let name = escaped(registry[village].name)
                if silent.contains(village) { return "<span class=\"village silent\">✕ \(name) \(words.notReporting)</span>" }
                guard let figures = index.figures(hall: village, period: month) else {
                    return "<span class=\"village none\">\(name) —</span>"
                }
                let below = figures.flags.contains(.belowTarget)
                return
                    "<span class=\"\(below ? "village below" : "village")\">\(below ? "▼ " : "")\(name) \(HTMLNumber.percent(figures.ratio))</span>"
            }.joined(separator: words.flagSeparator)
            html += "</p></div>\n"
        }
        return html + "</section>\n"
    }
}
