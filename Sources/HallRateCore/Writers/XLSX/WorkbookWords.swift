/// The words only the workbook uses, in Chinese (default) or English: sheet names, column headers
/// (long ones broken before their unit, so that a printed page stays readable), the marks column
/// (红榜, 黑榜, 低于目标, 未报送…) and the legend that explains every fill.
///
/// Sentences shared with the other outputs stay in ``Vocabulary``.
struct WorkbookWords {
    let language: Pipeline.Output.Language

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    private var vocabulary: Vocabulary { Vocabulary(language: language) }

    /// A month as leaders read it, the same as in the HTML report: `2019年4月`, `2019-04`.
    func month(_ period: Period) -> String { HTMLReportWords(language: language).monthName(period) }

    /// How month cells show: `2019年4月`, `2019-04`.
    var monthFormat: String { pick("yyyy-mm", "yyyy\"年\"m\"月\"") }
    /// How day cells show: `2019年4月18日`, `2019-04-18`.
    var dayFormat: String { pick("yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"") }
    /// The printed footer; `&P` is the page, `&N` the number of pages.
    var pageFooter: String { pick("Page &P of &N", "第 &P 页，共 &N 页") }

    /// A Chinese header broken before its unit in parentheses: `环比变化(百分点)` → `环比变化` over
    /// `(百分点)`. English headers are column codes and stay as they are.
    func wrapped(_ header: String) -> String {
        guard language == .zh, let open = header.firstIndex(of: "("), open != header.startIndex else { return header }
        return String(header[..<open]) + "\n" + String(header[open...])
    }

    // MARK: Sheet names (at most 31 characters: `乡镇(街道) 2019年12月 临时` is 17, `township 12 months provisional` 30)

    /// The suffix of a provisional month's sheets.
    func suffix(provisional: Bool) -> String { provisional ? pick(" provisional", " 临时") : "" }

    func leagueSheet(_ tier: Tier, _ period: Period, provisional: Bool) -> String {
        "\(vocabulary.tier(tier)) \(month(period))" + suffix(provisional: provisional)
    }

    func listsSheet(_ period: Period, provisional: Bool) -> String {
        pick("Lists ", "红黑榜 ") + month(period) + suffix(provisional: provisional)
    }

    func notReportingSheet(_ period: Period, provisional: Bool) -> String {
        pick("Unreported ", "未报送 ") + month(period) + suffix(provisional: provisional)
    }

    func townshipRollupSheet(_ period: Period, provisional: Bool) -> String {
        pick("Townships ", "乡镇统筹 ") + month(period) + suffix(provisional: provisional)
    }

    /// The exception lists (rule 21): `超期办结 2019年11月`, `在办超期 2019年11月`.
    func overdueFinishedSheet(_ period: Period, provisional: Bool) -> String {
        pick("Late ", "超期办结 ") + month(period) + suffix(provisional: provisional)
    }

    func overdueOpenSheet(_ period: Period, provisional: Bool) -> String {
        pick("Overdue open ", "在办超期 ") + month(period) + suffix(provisional: provisional)
    }

    /// The 12-month history of a tier: `区级 近12个月`, `district 12 months`.
    func historySheet(_ tier: Tier, provisional: Bool) -> String {
        vocabulary.tier(tier) + pick(" 12 months", " 近12个月") + suffix(provisional: provisional)
    }

    var tierSummarySheet: String { pick("Tier summary", "层级汇总") }

    /// Rows refused by data validation; not 退件, which are applications returned to the applicant.
    var rejectsSheet: String { pick("Validation rejects", "数据校验异常汇总") }

    // MARK: Headers

    /// Code, name, the 12 months (a provisional one marked so), then the target of the last month.
    func historyHeader(_ months: [Period], isClosed: (Period) -> Bool) -> [String] {
        [pick("hall_code", "大厅编码"), pick("hall_name", "大厅名称")]
            + months.map { month($0) + (isClosed($0) ? "" : pick(" (provisional)", "\n(临时)")) }
            + [pick("target", "目标")]
    }

    var rejectsHeader: [String] {
        language == .en ? ["reason", "reason_code", "source", "rows"] : ["原因", "原因代码", "数据源", "行数"]
    }

    // MARK: Marks

    /// The words of the marks column: the list the hall is on, 未报送 (reported last month, not this
    /// one), then its flags in their fixed order (无报送 only when not already 未报送).
    func marks(list: SupervisionReport.ListKind?, notReporting: Bool, flags: HallFlags) -> String {
        var words: [String] = []
        switch list {
        case .red: words.append(pick("red_list", "红榜"))
        case .black: words.append(pick("black_list", "黑榜"))
        case nil: break
        }
        if notReporting { words.append(pick("not_reporting", "未报送")) }
        for named in HallFlags.named where flags.contains(named.flag) && !(notReporting && named.flag == .noData) {
            words.append(pick(named.code, named.chinese))
        }
        return words.joined(separator: pick(";", "、"))
    }

    // MARK: Legend and footnotes

    var legendTitle: String { pick("Legend", "图例") }

    /// The legend entry of a provisional month's warning.
    var warningLegend: Worksheet.LegendEntry {
        Worksheet.LegendEntry(
            emphasis: .warning, label: pick("provisional", "临时数据"),
            meaning: pick(
                "Amber, bold: the month is not over; its figures are provisional.",
                "橙色底、粗体：本月尚未结束，数字为临时数据，可能变化。"))
    }

    /// The legend of a league table: every fill, and the words of the marks column.
    func leagueLegend(minVolume: Int) -> [Worksheet.LegendEntry] {
        [
            Worksheet.LegendEntry(
                emphasis: .redList, label: pick("red_list", "红榜"),
                meaning: pick("Light red: on this month's red list.", "浅红底：本月上红榜的大厅。")),
            Worksheet.LegendEntry(
                emphasis: .blackList, label: pick("black_list", "黑榜"),
                meaning: pick(
                    "Gray, bold: on this month's black list (always below target).",
                    "灰底、粗体：本月上黑榜的大厅（黑榜大厅均低于目标）。")),
            Worksheet.LegendEntry(
                emphasis: .belowTarget, label: pick("below_target", "低于目标"),
                meaning: pick(
                    "Light yellow: online rate below the tier's target, not on the black list.",
                    "浅黄底：网上办事率低于本层级目标、未上黑榜的大厅。")),
            Worksheet.LegendEntry(
                emphasis: .noData, label: pick("not_reporting", "未报送"),
                meaning: pick(
                    "Light blue: no counted transaction this month; not_reporting when the hall reported "
                        + "last month, no_data otherwise.",
                    "浅蓝底：本月没有有效办件。上月有报送的标「未报送」，否则标「无报送」。")),
            Worksheet.LegendEntry(
                emphasis: .plain, label: pick("insufficient_volume", "办件量不足"),
                meaning: pick(
                    "No fill: fewer than \(minVolume) transactions, not ranked and on no list.",
                    "无底色：办件量少于 \(minVolume) 件，不参与排名，不上红黑榜。")),
            Worksheet.LegendEntry(
                emphasis: .plain, label: pick("declining", "连续下降"),
                meaning: pick(
                    "No fill: the online rate fell in each of the last 3 months.",
                    "无底色：网上办事率连续 3 个月环比下降。")),
        ]
    }

    /// What 距目标 means, with the tier's target.
    func gapMeaning(target: Fraction?) -> String {
        let goal = target.map { Vocabulary.percent($0.doubleValue) } ?? "—"
        return pick(
            "gap_pp: the online rate (to 4 decimals) minus the target (\(goal)), in percentage points; "
                + "negative below the target, positive above it.",
            "距目标(百分点)：网上办事率（保留四位小数）减目标（\(goal)），单位为百分点；负数为低于目标，正数为高于目标。")
    }

    /// The legend of the lists sheet.
    var listsLegend: [Worksheet.LegendEntry] {
        [
            Worksheet.LegendEntry(emphasis: .redList, label: pick("red", "红榜"), meaning: pick("Light red: red list.", "浅红底：红榜。")),
            Worksheet.LegendEntry(
                emphasis: .blackList, label: pick("black", "黑榜"),
                meaning: pick("Gray, bold: black list.", "灰底、粗体：黑榜。")),
        ]
    }

    /// The legend of a tier's 12-month history.
    var historyLegend: [Worksheet.LegendEntry] {
        [
            Worksheet.LegendEntry(
                emphasis: .belowTarget, label: pick("below_target", "低于目标"),
                meaning: pick("Light yellow: below the target in force that month.", "浅黄底：当月网上办事率低于当月目标。")),
            Worksheet.LegendEntry(
                emphasis: .plain, label: pick("(empty)", "（空白）"),
                meaning: pick("No counted transaction that month.", "当月没有有效办件（未报送或无数据）。")),
        ]
    }

    /// Under the 12-month history: what its cells are.
    var historyMeaning: String {
        pick(
            "Online rate of each hall in each of the 12 months up to the report's month (to 4 decimals, as in the CSV tables); "
                + "target: the tier's target in the last month.",
            "各大厅截至本月的近 12 个月网上办事率（保留四位小数，与 CSV 表一致）；目标为最后一个月的本层级目标。")
    }

    /// Under the rejects: what they are and where the rows are.
    var rejectsMeaning: String {
        pick(
            "Rows refused by data validation and not counted, by reason and source; every row is in rejects.csv.",
            "数据校验异常：导出数据中未通过数据校验、未计入统计的记录，按原因和数据源汇总（不是退回申请人的退件）；逐行明细见 rejects.csv。")
    }

    /// Under an empty rejects table.
    var noRejects: String { pick("No row was refused.", "无数据校验异常。") }
    /// A federated run's: each member keeps its own rejects.
    var rejectsKeptByMembers: String {
        pick(
            "The rows each member county refused are in that county's own rejects.csv: only counts are published.",
            "各县(区)的数据校验异常保存在各自的 rejects.csv 中，汇总只发布统计数，不含逐行记录。")
    }
}
