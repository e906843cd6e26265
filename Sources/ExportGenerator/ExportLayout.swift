/// The three export layouts, one per tier: columns, vocabularies, date style, encoding and line ending.
enum ExportLayout: CaseIterable {
    /// `district/district_YYYY-MM.csv`: UTF-8 with BOM, CRLF.
    case district
    /// `township/township_YYYY-MM.csv`: UTF-8, LF.
    case township
    /// `village/village_YYYY-MM.csv`: GB18030, CRLF.
    case village

    var tier: HallTier {
        switch self {
        case .district: return .district
        case .township: return .township
        case .village: return .village
        }
    }

    var directory: String { tier.rawValue }

    /// The path of one month's file relative to the demo directory.
    func relativePath(_ month: Month) -> String { directory + "/" + directory + "_" + month.label + ".csv" }

    var header: [String] {
        switch self {
        case .district:
            return ["办件编号", "事项编码", "事项名称", "受理部门", "受理大厅编码", "申报渠道", "受理时间", "办结时间",
                    "办件状态", "更新时间", "申请人证件号码"]
        case .township:
            return ["申报号", "大厅代码", "事项名称", "办理渠道", "受理日期", "状态", "最后更新", "身份证号"]
        case .village:
            return ["流水号", "服务站编码", "服务站名称", "渠道", "受理时间", "办理状态", "更新时间", "证件号码"]
        }
    }

    var encoding: TextEncoding {
        switch self {
        case .district: return .utf8WithBOM
        case .township: return .utf8
        case .village: return .gb18030
        }
    }

    var lineEnding: String { self == .township ? "\n" : "\r\n" }

    var dateStyle: DateStyle {
        switch self {
        case .district: return .dashed
        case .township: return .slashed
        case .village: return .chinese
        }
    }

    /// This layout's word for a channel; nil where the layout has no such channel.
    func word(for channel: ChannelKind) -> String? {
        switch (self, channel) {
        case (.district, .window): return "窗口"
        case (.district, .online): return "网上申报"
        case (.district, .mobile): return "移动端"
        case (.district, .kiosk): return "自助终端"
        case (.township, .window): return "窗口办理"
        case (.township, .online): return "网上办理"
        case (.township, .mobile): return "掌上办理"
        case (.township, .kiosk): return "自助机"
        case (.village, .window): return "窗口"
        case (.village, .online): return "网办"
        case (.village, .mobile): return "手机"
        case (.village, .agent): return "代办"
        default: return nil
        }
    }

    /// The offline channels this layout uses, with weights in per mille.
    var offlineChannels: [(channel: ChannelKind, perMille: Int)] {
        switch self {
        case .district: return [(.window, 850), (.kiosk, 150)]
        case .township: return [(.window, 900), (.kiosk, 100)]
        case .village: return [(.window, 700), (.agent, 300)]
        }
    }

    func word(for status: StatusKind) -> String {
        switch (self, status) {
        case (.township, .done): return "已办结"
        case (.township, .inProgress): return "办理中"
        case (.township, .rejected): return "退回"
        case (.township, .withdrawn): return "已撤回"
        case (_, .done): return "办结"
        case (_, .inProgress): return "在办"
        case (_, .rejected): return "不予受理"
        case (_, .withdrawn): return "撤件"
        }
    }

    // Column positions shared by the planting code.
    var hallColumn: Int { self == .district ? 4 : 1 }
    /// 事项名称 (district, township) or 服务站名称 (village).
    var nameColumn: Int { 2 }
    var channelColumn: Int { self == .district ? 5 : 3 }
    var acceptedColumn: Int { self == .district ? 6 : 4 }
    var statusColumn: Int { self == .district ? 8 : 5 }
    var updatedColumn: Int { self == .district ? 9 : 6 }

    /// The record for a transaction, in header order.
    func fields(for txn: Transaction) -> [String] {
        let style = dateStyle
        let channel = word(for: txn.channel) ?? ""
        switch self {
        case .district:
            let finished = txn.status == .done ? txn.finished.map(style.format) ?? "" : ""
            return [txn.id, txn.item?.code ?? "", txn.item?.name ?? "", txn.item?.department ?? "", txn.hall.code,
                    channel, style.format(txn.accepted), finished, word(for: txn.status), style.format(txn.updated),
                    txn.person]
        case .township:
            return [txn.id, txn.hall.code, txn.item?.name ?? "", channel, style.format(txn.accepted),
                    word(for: txn.status), style.format(txn.updated), txn.person]
        case .village:
            return [txn.id, txn.hall.code, txn.hall.name, channel, style.format(txn.accepted),
                    word(for: txn.status), style.format(txn.updated), txn.person]
        }
    }

    /// The transaction number for the `sequence`-th transaction of a month: `QXG` + 受理 date + 6 digits
    /// (district), `XZ` + hall code + `yyMM` + 4 digits (township), `BM` + hall code + `yyMM` + 4 digits (village).
    func transactionID(hallCode: String, accepted: Stamp, month: Month, sequence: Int) -> String {
        var bytes: [UInt8] = []
        switch self {
        case .district:
            let f = accepted.fields
            bytes.appendText("QXG")
            bytes.appendDigits(f.year, width: 4)
            bytes.appendDigits(f.month, width: 2)
            bytes.appendDigits(f.day, width: 2)
            bytes.appendDigits(sequence, width: 6)
        case .township, .village:
            bytes.appendText(self == .township ? "XZ" : "BM")
            bytes.appendText(hallCode)
            bytes.appendDigits(month.year % 100, width: 2)
            bytes.appendDigits(month.month, width: 2)
            bytes.appendDigits(sequence, width: 4)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
