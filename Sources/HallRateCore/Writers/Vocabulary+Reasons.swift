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
}
