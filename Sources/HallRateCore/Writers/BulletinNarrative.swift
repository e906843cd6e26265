/// The 通报's text: a few paragraphs in the register of a real bulletin, written from the month's
/// figures — the whole area's rate and its change, each tier against its target and where its trend
/// leads, the red and black lists, the halls declining three months running, and those not reporting.
///
/// The HTML report prints it above the figures; `report_YYYY-MM.txt` holds it for pasting into a
/// document. Every number is the one the tables print (two decimals, rounded as the CSV rounds).
struct BulletinNarrative {
    let report: SupervisionReport
    let month: Period
    let publication: Pipeline.Publication
    let language: Pipeline.Output.Language

    /// At most this many halls are named in one sentence; the rest are counted ("等 N 个").
    static let namesPerSentence = 6

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }
    private var words: Vocabulary { Vocabulary(language: language) }
    private var closed: Bool { report.closing.isClosed(month) }

    /// The paragraphs, in order.
    var paragraphs: [String] {
        guard report.tierSummaries.contains(where: { $0.period == month }) else {
            return [pick("No hall reported data for \(month).", "\(month.year)年\(month.month)月无办件数据。")]
        }
        return [overall, tiers, lists, declining, notReporting].compactMap { $0 }
    }

    /// The report's date: for a closed month the day it closed (so a report rebuilt later keeps the date it
    /// was first issued with), for a provisional month's early warning the as-of date.
    var reportDate: CalendarDate { closed ? report.closing.closingDay(of: month) : report.closing.asOf }

    /// The issue number (期号): a closed month's 通报 only; an early warning has none.
    var issueNumber: String? { closed ? publication.issue(of: month) : nil }

    /// The day the figures run to: the month's last day, or a provisional month's data cut-off.
    var dataCutoff: CalendarDate? {
        closed ? CalendarDate.lastDay(of: month) : report.tierSummaries.filter { $0.period == month }.compactMap(\.dataCutoff).max()
    }

    /// The paragraphs as plain text: a title line, the issue line, the paragraphs, the contact.
    var plainText: String {
        var lines = [title]
        let issue = [
            publication.issuer, issueNumber, pick("Date: ", "报告日期：") + fullDay(reportDate),
            dataCutoff.map { pick("Data up to: ", "数据截至：") + fullDay($0) },
        ]
        .compactMap { $0 }
        lines.append(issue.joined(separator: pick(" · ", "　")))
        lines.append("")
        lines += paragraphs.map { pick("", "　　") + $0 }
        if let contact = publication.contact { lines += ["", contact] }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `七星关区政务服务大厅网上办事率监测通报（2019年11月）`.
    var title: String {
        let kind = closed ? pick("Monthly Bulletin", "监测通报") : pick("Early Warning", "监测预警")
        let region = publication.region.map { $0 + pick(": ", "") } ?? ""
        return pick(
            "\(region)Online Handling Rate of Service Halls, \(kind) (\(month))",
            "\(region)政务服务大厅网上办事率\(kind)（\(month.year)年\(month.month)月）")
    }

    /// The whole area (全区, 全县…) as the region's name ends; 全区 without a region.
    var area: String {
        guard let last = publication.region?.last, "区县市旗州省盟".contains(last) else { return pick("the district", "全区") }
        return pick("the " + (publication.region ?? "district"), "全\(last)")
    }

    /// `2019年11月30日`, `30 Nov 2019`.
    func fullDay(_ date: CalendarDate) -> String {
        pick("\(words.day(date)) \(date.civil.year)", "\(date.civil.year)年\(date.civil.month)月\(date.civil.day)日")
    }

    private func monthText(_ period: Period) -> String { pick(period.description, "\(period.year)年\(period.month)月") }

    private func percent(_ ratio: Double) -> String { DecimalFormatter.percentDigits(ratio) + "%" }

    /// `提高1.73个百分点`, `下降0.20个百分点`, `持平`.
    private func change(_ points: Double) -> String {
        let text = DecimalFormatter.format(abs(points), places: 2)
        if text == "0.00" { return pick("unchanged", "持平") }
        return points > 0 ? pick("up \(text) pp", "提高\(text)个百分点") : pick("down \(text) pp", "下降\(text)个百分点")
    }

    /// `高于目标2.10个百分点`, `低于目标17.92个百分点`, `达到目标`.
    func gap(ratio: Double, target: Double) -> String {
        let points = DecimalFormatter.gapPoints(ratio, target: target)
        let text = DecimalFormatter.format(abs(points), places: 2)
        if text == "0.00" {
            return ratio < target
                ? pick("just below the target (by less than 0.01 pp)", "略低于目标（不足0.01个百分点）")
                : pick("at the target", "达到目标")
        }
        return points > 0
            ? pick("\(text) pp above the target", "高于目标\(text)个百分点")
            : pick("\(text) pp below the target", "低于目标\(text)个百分点")
    }

    /// Names joined, at most ``namesPerSentence`` of them, the rest counted.
    private func names(_ halls: [String]) -> String {
        let shown = halls.prefix(Self.namesPerSentence).joined(separator: pick(", ", "、"))
        guard halls.count > Self.namesPerSentence else { return shown }
        return pick("\(shown) and \(halls.count - Self.namesPerSentence) more", "\(shown)等\(halls.count)个大厅")
    }

    private func totals(_ period: Period) -> (denominator: Int, numerator: Int) {
        report.tierSummaries.filter { $0.period == period }.reduce((0, 0)) { ($0.0 + $1.denominator, $0.1 + $1.numerator) }
    }

    private var overall: String {
        let now = totals(month)
        let ratio = now.denominator > 0 ? Double(now.numerator) / Double(now.denominator) : 0
        let before = totals(month.advanced(by: -1))
        var text =
            closed
            ? pick("In \(monthText(month)), ", "\(monthText(month))，")
            : pick("In \(monthText(month)) (provisional, data up to \(cutoffText)), ", "\(monthText(month))（截至\(cutoffText)，临时数据），")
        text += pick(
            "the service halls of \(area) counted \(now.denominator) transactions, \(now.numerator) of them handled online: "
                + "an online handling rate of \(percent(ratio))",
            "\(area)各级政务服务大厅共有效办件\(now.denominator)件，其中网上办理\(now.numerator)件，网上办事率\(percent(ratio))")
        if before.denominator > 0 {
            let previous = Double(before.numerator) / Double(before.denominator)
            let points = (DecimalFormatter.roundedRatio(ratio) - DecimalFormatter.roundedRatio(previous)) * 100
            text += pick(", \(change(points)) on the month before", "，环比\(change(points))")
        }
        return text + pick(".", "。")
    }

    private var cutoffText: String {
        let day = report.tierSummaries.filter { $0.period == month }.compactMap(\.dataCutoff).max()
        return day.map { words.day($0) } ?? pick("today", "目前")
    }

    private var tiers: String? {
        var parts: [String] = []
        for summary in report.tierSummaries where summary.period == month {
            guard let ratio = summary.ratio else { continue }
            let target = summary.target.doubleValue
            // A tier of one hall (the district centre) is that hall: how many reported says nothing.
            let alone = report.registry.indices(of: summary.tier).count == 1
            var part =
                alone
                ? pick("\(words.tier(summary.tier)): \(percent(ratio)), ", "\(tierSubject(summary.tier))网上办事率\(percent(ratio))，")
                : pick(
                    "\(words.tier(summary.tier)): \(summary.halls) halls reporting (\(summary.ranked) ranked), \(percent(ratio)), ",
                    "\(tierSubject(summary.tier))报送大厅\(summary.halls)个（参与排名\(summary.ranked)个），网上办事率\(percent(ratio))，")
            part += gap(ratio: ratio, target: target)
            if summary.halls > 1 && summary.hallsBelowTarget > 0 {
                part += pick(", \(summary.hallsBelowTarget) below it", "，其中\(summary.hallsBelowTarget)个大厅低于目标")
                // A few: named, the unranked ones said so (they are on no black list).
                let below = report.hallMonths.filter {
                    $0.period == month && $0.flags.contains(.belowTarget)
                        && report.registry[$0.hall].tier == summary.tier
                }
                if below.count <= 3 {
                    let named = below.map { row in
                        report.registry[row.hall].name + (row.rank == nil ? pick(", not ranked", "，办件量不足未参与排名") : "")
                    }
                    part += pick(" (", "（") + named.joined(separator: pick("; ", "；")) + pick(")", "）")
                }
            }
            switch summary.trajectory {
            case .reaches(let months):
                part += pick(
                    ", expected to reach it in \(months) month\(months == 1 ? "" : "s") at the current trend",
                    "，按当前趋势预计\(months)个月后达标")
            case .notAtThisTrend: part += pick(", not reaching it at the current trend", "，按当前趋势无法达标")
            case .atTarget, nil: break
            }
            parts.append(part)
        }
        guard !parts.isEmpty else { return nil }
        return pick("By tier — ", "分层级看，") + parts.joined(separator: pick("; ", "；")) + pick(".", "。")
    }

    private func tierSubject(_ tier: Tier) -> String {
        switch tier {
        case .district: return "区级政务服务中心"
        case .township: return "乡镇（街道）层级"
        case .village: return "村（居）层级"
        }
    }

    /// A tier in a sentence, with full-width brackets in Chinese: 乡镇（街道）.
    private func tierInProse(_ tier: Tier) -> String {
        language == .en
            ? words.tier(tier) : words.tier(tier).replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
    }

    private var lists: String? {
        guard closed else {
            let closes = words.day(report.closing.closingDay(of: month))
            return report.closing.hasEnded(month)
                ? pick(
                    "The month's exports may still be corrected: the bulletin and its red and black lists follow from \(closes).",
                    "本月数据尚在补报期，\(closes)起发布正式通报及红黑榜。")
                : pick("The month is not over: no red or black list is published yet.", "本月尚未结束，暂不发布红黑榜。")
        }
        var sentences: [String] = []
        for kind in [SupervisionReport.ListKind.red, .black] {
            var parts: [String] = []
            for tier in Tier.allCases {
                let entries = report.lists.filter { $0.kind == kind && $0.tier == tier && $0.period == month }
                guard !entries.isEmpty else { continue }
                let halls = entries.map { entry -> String in
                    let name = report.registry[entry.figures.hall].name
                    guard let streak = entry.blackStreak, streak > 1 else { return name }
                    return name + pick(" (on it \(streak) months running)", "（连续\(streak)个月上黑榜）")
                }
                parts.append(pick("\(words.tier(tier)): ", "\(tierInProse(tier))层级为") + halls.joined(separator: pick(", ", "、")))
            }
            guard !parts.isEmpty else { continue }
            sentences.append(
                (kind == .red ? pick("Red list — ", "红榜：") : pick("Black list — ", "黑榜："))
                    + parts.joined(separator: pick("; ", "；")) + pick(".", "。"))
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: pick(" ", ""))
    }

    /// The halls flagged declining (rule 9: three falls running), each with its whole run of falls:
    /// 「撒拉溪镇政务服务中心自5月起连续7个月下降」, longest run first.
    private var declining: String? {
        let flagged = report.hallMonths.filter { $0.period == month && $0.flags.contains(.declining) }
        guard !flagged.isEmpty else { return nil }
        // The changes of the flagged halls only: a province has a million hall-months.
        let halls = Set(flagged.map(\.hall))
        var delta: [HallPeriod: Double] = [:]
        for row in report.hallMonths where halls.contains(row.hall) {
            if let change = row.deltaPP { delta[HallPeriod(hall: row.hall, period: row.period)] = change }
        }
        let runs = flagged.map { row -> (hall: Int, months: Int) in
            var months = 0
            while let change = delta[HallPeriod(hall: row.hall, period: month.advanced(by: -months))], change < 0 { months += 1 }
            return (row.hall, months)
        }.sorted { ($1.months, $0.hall) < ($0.months, $1.hall) }
        guard !runs.isEmpty else { return nil }
        let shown = runs.prefix(Self.namesPerSentence).map { run -> String in
            let start = month.advanced(by: 1 - run.months)
            return report.registry[run.hall].name
                + pick(
                    " has fallen every month since \(start) (\(run.months) months)",
                    "自\(start.year == month.year ? "" : "\(start.year)年")\(start.month)月起连续\(run.months)个月下降")
        }
        let more =
            runs.count > Self.namesPerSentence
            ? pick(
                "; \(runs.count - Self.namesPerSentence) more halls have fallen three months running or more",
                "；另有\(runs.count - Self.namesPerSentence)个大厅连续3个月以上下降") : ""
        return pick("Online rate falling: ", "网上办事率持续下降：") + shown.joined(separator: pick("; ", "；")) + more
            + pick(". The offices concerned should find out why.", "。请相关单位分析原因、加强整改。")
    }

    private var notReporting: String? {
        guard closed, report.periods.first != month else { return nil }
        let halls = report.notReporting.filter { $0.period == month }.map { report.registry[$0.hall].name }
        guard !halls.isEmpty else {
            return pick("Every hall that reported last month reported this month.", "上月报送的大厅本月均已报送。")
        }
        return pick(
            "Not reporting this month: \(names(halls)); please check why.",
            "\(names(halls))本月未报送办件数据，请督促核实。")
    }
}
