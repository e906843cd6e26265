/// Each layout's words for channels and statuses, its offline channel mix and its date spelling.
extension ExportLayout {
    var dateStyle: DateStyle {
        switch self {
        case .district: return .dashed
        case .township: return .slashed
        case .street: return .slashedPadded
        case .village: return .chinese
        case .villageXML: return .iso8601
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
        case (.street, .window): return "现场"
        case (.street, .online): return "网上"
        case (.street, .mobile): return "移动"
        case (.street, .kiosk): return "自助"
        case (.village, .window), (.villageXML, .window): return "窗口"
        case (.village, .online), (.villageXML, .online): return "网办"
        case (.village, .mobile), (.villageXML, .mobile): return "手机"
        case (.village, .agent), (.villageXML, .agent): return "代办"
        default: return nil
        }
    }

    /// The offline channels this layout uses, with weights in per mille.
    var offlineChannels: [(channel: ChannelKind, perMille: Int)] {
        switch self {
        case .district, .street: return [(.window, 850), (.kiosk, 150)]
        case .township: return [(.window, 900), (.kiosk, 100)]
        case .village, .villageXML: return [(.window, 700), (.agent, 300)]
        }
    }

    func word(for status: StatusKind) -> String {
        switch (self, status) {
        case (.township, .done): return "已办结"
        case (.township, .inProgress): return "办理中"
        case (.township, .rejected): return "退回"
        case (.township, .withdrawn): return "已撤回"
        case (.street, .rejected): return "退件"
        case (_, .done): return "办结"
        case (_, .inProgress): return "在办"
        case (_, .rejected): return "不予受理"
        case (_, .withdrawn): return "撤件"
        }
    }
}
