/// Why a row was refused by data validation, in the outputs' language: a Chinese explanation a
/// supervisor can act on (zh), or the stable reason code itself (en).
extension Vocabulary {
    /// The explanation of `reason`: `字段数不符` for `field_count` in Chinese, `field_count` in English.
    ///
    /// These rows were refused by the pipeline's data validation and not counted; they are not 退件
    /// (applications returned to the applicant).
    func reason(_ reason: Reject.Reason) -> String {
        guard language == .zh else { return reason.rawValue }
        switch reason {
        case .fieldCount: return "字段数不符"
        case .missingField: return "缺少必填字段"
        case .unknownHall: return "大厅编码不在名册中"
        case .badDate: return "日期无法识别"
        case .unmappedChannel: return "办理渠道无法识别"
        case .unmappedStatus: return "办件状态无法识别"
        case .recordTooLong: return "记录超长"
        case .malformedRecord: return "记录格式损坏"
        case .fileRefused: return "文件被拒收"
        }
    }

    /// What to check for a refused row, in Chinese, for the 说明 of `rejects.csv`; the detail as recorded
    /// (which quotes the offending value) follows it. In English the detail alone.
    func rejectDetail(_ reason: Reject.Reason, detail: String) -> String {
        guard language == .zh else { return detail }
        let advice: String
        switch reason {
        case .fieldCount: advice = "该行字段数与表头不一致（常见于未加引号的逗号或换行），请检查导出文件"
        case .missingField: advice = "必填字段为空，请补全后重新导出"
        case .unknownHall: advice = "大厅编码或名称在大厅名册中找不到，请核对名册或导出数据"
        case .badDate: advice = "日期无法按流水线的日期格式识别，或早于起始月份、晚于下月，请核对日期"
        case .unmappedChannel: advice = "办理渠道取值未在流水线 values.channel 中映射，请补充映射"
        case .unmappedStatus: advice = "办件状态取值未在流水线 values.status 中映射，请补充映射"
        case .recordTooLong: advice = "记录超过 1 MiB 上限，文件可能已损坏"
        case .malformedRecord: advice = "记录格式损坏（如 XML 文件不完整），请重新导出"
        case .fileRefused: advice = "整个文件被拒收（编码、表头或格式不符），请检查文件"
        }
        return advice + "。原文：" + detail
    }
}
