/// Column headers and value words of the outputs, in Chinese (default) or English.
///
/// English headers of the long table are exactly the metric contract's column names.
struct Vocabulary {
    let language: Pipeline.Output.Language

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    var hallMonthHeader: [String] {
        language == .en
            ? ["hall_code", "hall_name", "tier", "period", "total", "online", "ratio", "wilson_low", "prev_ratio",
               "delta_pp", "ratio_3m", "slope_pp", "yoy_delta_pp", "rank", "flags"]
            : ["大厅编码", "大厅名称", "层级", "月份", "办件量", "网办件量", "网上办事率", "威尔逊下限", "上月办事率",
               "环比变化(百分点)", "近三月办事率", "趋势斜率(百分点/月)", "同比变化(百分点)", "排名", "标记"]
    }

    var leagueHeader: [String] {
        language == .en
            ? ["rank", "hall_code", "hall_name", "total", "online", "ratio", "delta_pp", "slope_pp", "flags"]
            : ["排名", "大厅编码", "大厅名称", "办件量", "网办件量", "网上办事率", "环比变化(百分点)", "趋势斜率(百分点/月)", "标记"]
    }

    var listHeader: [String] {
        language == .en
            ? ["period", "tier", "list", "rank", "hall_code", "hall_name", "total", "online", "ratio", "bottom_streak"]
            : ["月份", "层级", "榜单", "排名", "大厅编码", "大厅名称", "办件量", "网办件量", "网上办事率", "连续垫底月数"]
    }

    var tierSummaryHeader: [String] {
        language == .en
            ? ["period", "tier", "target", "halls", "total", "online", "ratio", "halls_below_target"]
            : ["月份", "层级", "目标", "报送大厅数", "办件量", "网办件量", "网上办事率", "低于目标大厅数"]
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
