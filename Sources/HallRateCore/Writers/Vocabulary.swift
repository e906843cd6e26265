/// Value words of the outputs, in Chinese (default) or English (the tables' headers are declared with
/// their columns, in ``ReportColumns``).
struct Vocabulary {
    let language: Pipeline.Output.Language

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    /// Whether a month's figures are final: `no`/正式 for a closed month, `yes`/临时 for a provisional one.
    func provisional(_ provisional: Bool) -> String {
        provisional ? pick("yes", "临时") : pick("no", "正式")
    }

    /// A tier's trajectory against its target (contract rule 15); empty when unknown.
    func trajectory(_ trajectory: TierTrajectory?) -> String {
        switch trajectory {
        case nil: return ""
        case .atTarget: return pick("at_target", "已达标")
        case .reaches(let months): return pick("reaches", "预计\(months)个月后达标")
        case .notAtThisTrend: return pick("not_at_this_trend", "按当前趋势无法达标")
        }
    }

    var rejectsHeader: [String] {
        language == .en ? ["file", "line", "reason", "detail", "raw"] : ["文件", "行号", "原因", "说明", "原始行", "原因代码"]
    }

    func tier(_ tier: Tier) -> String {
        switch tier {
        case .district: return pick("district", "区级")
        case .township: return pick("township", "乡镇(街道)")
        case .village: return pick("village", "村(居)")
        }
    }

    func list(_ kind: SupervisionReport.ListKind) -> String {
        kind == .red ? pick("red", "红榜") : pick("black", "黑榜")
    }

    /// Flags joined by `;`, in their fixed order.
    func flags(_ flags: HallFlags) -> String {
        HallFlags.named.filter { flags.contains($0.flag) }.map { language == .en ? $0.code : $0.chinese }
            .joined(separator: ";")
    }
}

/// The sentences that say what a month's verdicts mean (contract rules 12–15), shared by the HTML
/// report and the workbook so that both say the same thing.
extension Vocabulary {
    /// A ratio as a percentage without trailing zeros: 0.5 → `50%`, 0.625 → `62.5%`.
    static func percent(_ ratio: Double) -> String {
        var text = DecimalFormatter.format(ratio * 100, places: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + "%"
    }

    /// A day as a supervisor writes it in a sentence: `12月3日`, `3 Dec`.
    func day(_ date: CalendarDate) -> String {
        let (_, month, day) = date.civil
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return pick("\(day) \(names[max(0, min(month - 1, 11))])", "\(month)月\(day)日")
    }

    /// What the red list is, with the tier's ranking threshold, target and N.
    func redListMeaning(minVolume: Int, target: Fraction?, size: Int) -> String {
        let goal = target.map { Vocabulary.percent($0.doubleValue) } ?? "—"
        return pick(
            "Red list: of the tier's ranked halls (at least \(minVolume) transactions) that meet the target (\(goal)), "
                + "the \(size) with the highest online rate; ties share a place.",
            "红榜：本层级参与排名（办件量不少于 \(minVolume) 件）且达到目标（\(goal)）的大厅中，网上办事率前 \(size) 名，并列者同列。")
    }

    /// What the black list is, with the tier's ranking threshold, target and N.
    func blackListMeaning(minVolume: Int, target: Fraction?, size: Int) -> String {
        let goal = target.map { Vocabulary.percent($0.doubleValue) } ?? "—"
        return pick(
            "Black list: of the tier's ranked halls (at least \(minVolume) transactions) below the target (\(goal)), "
                + "the \(size) with the lowest online rate; ties share a place. A hall at or above the target is never on the "
                + "black list. Months on the black list count closed months only.",
            "黑榜：本层级参与排名（办件量不少于 \(minVolume) 件）且低于目标（\(goal)）的大厅中，网上办事率最低的 \(size) 名，"
                + "并列者同列；达到目标的大厅不上黑榜。连续上黑榜月数只计已结束的月份。")
    }

    /// Why a tier never has lists: it has fewer halls in the registry than lists need ranked.
    func tierTooSmall(halls: Int, minRanked: Int) -> String {
        pick(
            "This tier has \(halls) hall\(halls == 1 ? "" : "s"), fewer than the \(minRanked) ranked halls lists need: "
                + "it has no red or black list.",
            "本层级只有 \(halls) 个大厅，少于设榜所需的 \(minRanked) 个参与排名大厅，不设红黑榜。")
    }

    /// A hall's own data cut-off in a provisional month, when earlier than the month's.
    func dataUpTo(_ day: CalendarDate) -> String {
        pick("data up to \(self.day(day))", "数据截至\(self.day(day))")
    }

    /// Why a closed tier-month has no lists: fewer than `minRanked` ranked halls.
    func tooFewRanked(_ minRanked: Int) -> String {
        pick(
            "Fewer than \(minRanked) halls of this tier are ranked this month: no red or black list.",
            "本月本层级参与排名的大厅不足 \(minRanked) 个，不设红黑榜。")
    }

    /// Why a black list is empty although the tier-month has lists.
    var everyRankedHallMeetsTarget: String {
        pick("Every ranked hall meets the target: no black list this month.", "参与排名的大厅均已达标，本月无黑榜。")
    }

    /// Why a red list is empty although the tier-month has lists.
    var noRankedHallMeetsTarget: String {
        pick("No ranked hall meets the target: no red list this month.", "参与排名的大厅均未达标，本月无红榜。")
    }

    /// Why a provisional month has no lists; `closes` is the day the month closes, `ended` whether its
    /// last day is past (its exports may still be corrected until it closes).
    func listsNotPublished(closes: CalendarDate, ended: Bool = false) -> String {
        ended
            ? pick(
                "The month's data may still be corrected: no red or black list is published yet. The lists come with the month's bulletin from \(day(closes)).",
                "本月数据尚在补报期，暂不发布红黑榜；红黑榜自 \(day(closes)) 起随本月通报发布。")
            : pick(
                "The month is not over: no red or black list is published. The lists come with the month's bulletin from \(day(closes)).",
                "本月尚未结束，不发布红黑榜；红黑榜自 \(day(closes)) 起随本月通报发布。")
    }

    /// The warning at the top of a provisional month's report. A month whose last day is past but
    /// which is not closed yet (`ended`) is in its correction period until `closes`.
    func provisionalWarning(cutoff: CalendarDate?, ended: Bool = false, closes: CalendarDate? = nil) -> String {
        let rest = pick(
            "the figures below are provisional, no red or black list is published, and ranks and flags may still change.",
            "以下数字为临时数据，不发布红黑榜，名次与标记可能变化。")
        if ended, let closes {
            let dated = cutoff.map { pick("Data up to \(day($0)). ", "数据截至 \(day($0))。") } ?? ""
            return dated
                + pick(
                    "The month is over but its exports may still be corrected until \(day(closes)): ",
                    "本月已结束，数据尚在补报期（\(day(closes)) 起为正式数据）：") + rest
        }
        guard let cutoff else { return pick("The month is not over: ", "本月尚未结束：") + rest }
        return pick("Data up to \(day(cutoff)); the month is not over: ", "数据截至 \(day(cutoff))，本月尚未结束：") + rest
    }

    /// What the township roll-up is (contract rule 16).
    /// What the 超期办结 sheet lists.
    var overdueFinishedMeaning: String {
        pick(
            "Transactions accepted this month and finished after the last day of their item's time limit (the item catalogue's "
                + "promised limit, in working days without public holidays, make-up working days counted), most days late first.",
            "超期办结：本月受理、办结时间晚于承诺时限最后一日的办件（时限按事项目录的承诺时限计算，工作日不含法定节假日，调休上班日计入），"
                + "按超期天数从多到少排列。")
    }

    /// What the 在办超期 sheet lists, as of the run's day.
    func overdueOpenMeaning(asOf: CalendarDate) -> String {
        pick(
            "Transactions accepted this month and still in progress on \(asOf): red card (红牌) past the last day of their time "
                + "limit, yellow card (黄牌) due that day or the next day of their limit.",
            "在办超期：本月受理、截至 \(asOf) 仍在办理的办件。红牌：已超过承诺时限最后一日；黄牌：当日或下一个工作日（自然日时限为下一日）到期。")
    }

    /// A sheet that shows only the first rows of a list that has more.
    func listCut(shown: Int, of total: Int, file: String) -> String {
        pick("The first \(shown) of \(total) rows; all of them are in \(file).", "仅列前 \(shown) 条（共 \(total) 条），完整名单见 \(file)。")
    }

    func townshipRollupMeaning(minVolume: Int) -> String {
        pick(
            "Each township's own hall and the village stations whose parent it is, counted together; ranked among the townships "
                + "(at least \(minVolume) transactions). Villages below target: against the village target; not reporting: as 未报送.",
            "乡镇统筹：乡镇(街道)本级大厅与所属村(居)便民服务站合并计算，在乡镇(街道)间排名（办件量不少于 \(minVolume) 件）；"
                + "低于目标村(居)数按村(居)目标判定，未报送村(居)数同“未报送”。")
    }

    /// What 未报送 means.
    var notReportingMeaning: String {
        pick(
            "Not reporting: halls with counted transactions last month and none this month (no report is not the same as zero cases: check why).",
            "未报送：上月有有效办件、本月没有任何有效办件的大厅（未报送不等于零办件，请核实原因）。")
    }

    /// A closed month in which every hall of last month reported.
    var everyHallReported: String {
        pick("Every hall that reported last month reported this month.", "上月报送的大厅本月均已报送。")
    }

    /// The first month with data: there is no month before to compare with.
    var noMonthBefore: String {
        pick("The first month with data: not reporting is judged from the next month on.", "本月为数据首月，未报送自下月起判定。")
    }

    /// A provisional month: not reporting waits for the month to close.
    var notReportingWhenClosed: String {
        pick("The month is not over: not reporting is judged once it closes.", "本月尚未结束，未报送在月份结束后判定。")
    }
}
