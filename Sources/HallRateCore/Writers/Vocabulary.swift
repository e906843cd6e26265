/// Column headers and value words of the outputs, in Chinese (default) or English.
///
/// English headers of the long table are exactly the metric contract's column names.
struct Vocabulary {
    let language: Pipeline.Output.Language

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    var hallMonthHeader: [String] {
        language == .en
            ? ["hall_code", "hall_name", "tier", "period", "total", "online", "ratio", "wilson_low", "prev_ratio",
               "delta_pp", "ratio_3m", "slope_pp", "yoy_delta_pp", "rank", "flags",
               "prev_rank", "rank_change", "target", "provisional", "data_cutoff"]
            : ["大厅编码", "大厅名称", "层级", "月份", "办件量", "网办件量", "网上办事率", "威尔逊下限", "上月办事率",
               "环比变化(百分点)", "近三月办事率", "趋势斜率(百分点/月)", "同比变化(百分点)", "排名", "标记",
               "上月排名", "名次变化", "目标", "数据状态", "数据截至"]
    }

    var leagueHeader: [String] {
        language == .en
            ? ["rank", "hall_code", "hall_name", "total", "online", "ratio", "delta_pp", "slope_pp", "flags",
               "prev_rank", "rank_change", "yoy_delta_pp", "provisional"]
            : ["排名", "大厅编码", "大厅名称", "办件量", "网办件量", "网上办事率", "环比变化(百分点)", "趋势斜率(百分点/月)", "标记",
               "上月排名", "名次变化", "同比变化(百分点)", "数据状态"]
    }

    var listHeader: [String] {
        language == .en
            ? ["period", "tier", "list", "rank", "hall_code", "hall_name", "total", "online", "ratio", "target", "black_streak"]
            : ["月份", "层级", "榜单", "排名", "大厅编码", "大厅名称", "办件量", "网办件量", "网上办事率", "目标", "连续上黑榜月数"]
    }

    var tierSummaryHeader: [String] {
        language == .en
            ? ["period", "tier", "target", "halls", "total", "online", "ratio", "halls_below_target",
               "ranked", "slope_pp", "months_to_target", "trajectory", "provisional", "data_cutoff"]
            : ["月份", "层级", "目标", "报送大厅数", "办件量", "网办件量", "网上办事率", "低于目标大厅数",
               "参与排名大厅数", "趋势斜率(百分点/月)", "预计达标月数", "达标趋势", "数据状态", "数据截至"]
    }

    var notReportingHeader: [String] {
        language == .en
            ? ["period", "tier", "hall_code", "hall_name", "prev_total", "prev_ratio"]
            : ["月份", "层级", "大厅编码", "大厅名称", "上月办件量", "上月网上办事率"]
    }

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
        language == .en ? ["file", "line", "reason", "detail", "raw"] : ["文件", "行号", "原因", "说明", "原始行"]
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
