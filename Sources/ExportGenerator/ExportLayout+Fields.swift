/// Each layout's columns, the record it writes for a transaction and its transaction numbers.
extension ExportLayout {
    /// The header of a CSV or TAB layout; for the XML layout, the names of the values of a record in the order
    /// ``fields(for:)`` gives them (流水号 is an attribute, 姓名 and 证件号码 sit inside 申请人).
    var header: [String] {
        switch self {
        case .district:
            return [
                "办件编号", "事项编码", "事项名称", "受理部门", "受理大厅编码", "申报渠道", "受理时间", "办结时间",
                "办件状态", "更新时间", "申请人证件号码",
            ]
        case .township:
            return ["申报号", "大厅代码", "事项名称", "办理渠道", "受理日期", "状态", "最后更新", "身份证号"]
        case .street:
            return ["业务编号", "服务大厅", "渠道类型", "受理时间", "办理状态", "更新时间", "证件号码"]
        case .village:
            return ["流水号", "服务站编码", "服务站名称", "渠道", "受理时间", "办理状态", "更新时间", "证件号码"]
        case .villageXML:
            return ["流水号", "渠道", "受理时间", "状态", "更新时间", "姓名", "证件号码", "事项", "备注"]
        }
    }

    // Column positions shared by the planting code.
    /// The hall column (code, or name for the street layout); nil where the path names the hall.
    var hallColumn: Int? {
        switch self {
        case .district: return 4
        case .township, .street, .village: return 1
        case .villageXML: return nil
        }
    }
    /// 事项名称 (district, township), 服务站名称 (village), 服务大厅 (street), 事项 (XML).
    var nameColumn: Int {
        switch self {
        case .district, .township, .village: return 2
        case .street: return 1
        case .villageXML: return 7
        }
    }
    var channelColumn: Int {
        switch self {
        case .district: return 5
        case .township, .village: return 3
        case .street: return 2
        case .villageXML: return 1
        }
    }
    var acceptedColumn: Int { channelColumn + 1 }
    var statusColumn: Int {
        switch self {
        case .district: return 8
        case .township, .village: return 5
        case .street: return 4
        case .villageXML: return 3
        }
    }
    var updatedColumn: Int { statusColumn + 1 }
    /// 申请人证件号码 and its namesakes.
    var personColumn: Int {
        switch self {
        case .district: return 10
        case .township, .village: return 7
        case .street, .villageXML: return 6
        }
    }

    /// The record for a transaction, in ``header`` order.
    func fields(for txn: Transaction) -> [String] {
        let style = dateStyle
        let channel = word(for: txn.channel) ?? ""
        switch self {
        case .district:
            let finished = txn.status == .done ? txn.finished.map(style.format) ?? "" : ""
            return [
                txn.id, txn.item?.code ?? "", txn.item?.name ?? "", txn.item?.department ?? "", txn.hall.code,
                channel, style.format(txn.accepted), finished, word(for: txn.status), style.format(txn.updated),
                txn.person,
            ]
        case .township:
            return [
                txn.id, txn.hall.code, txn.item?.name ?? "", channel, style.format(txn.accepted),
                word(for: txn.status), style.format(txn.updated), txn.person,
            ]
        case .street:
            return [
                txn.id, ExportLayout.streetHallLabel(txn), channel, style.format(txn.accepted),
                word(for: txn.status), style.format(txn.updated), txn.person,
            ]
        case .village:
            return [
                txn.id, txn.hall.code, txn.hall.name, channel, style.format(txn.accepted),
                word(for: txn.status), style.format(txn.updated), txn.person,
            ]
        case .villageXML:
            return [
                txn.id, channel, txn.zone.format(txn.accepted), word(for: txn.status), txn.zone.format(txn.updated),
                PersonName.make(for: txn.person), txn.person, txn.item?.name ?? "", ExportLayout.remark(txn),
            ]
        }
    }

    /// The hall as the street system names it: its name or one of its aliases, about half each (chosen by a
    /// hash of the applicant, so both copies of a duplicate agree), never its code.
    static func streetHallLabel(_ txn: Transaction) -> String {
        let aliases = txn.hall.aliases
        let hash = StableHash.of("hall:" + txn.person)
        guard !aliases.isEmpty, hash % 2 == 1 else { return txn.hall.name }
        return aliases[Int(hash / 2 % UInt64(aliases.count))]
    }

    /// 备注 of an XML record: `窗口&代办` on agent submissions, an occasional note otherwise, mostly none.
    static func remark(_ txn: Transaction) -> String {
        if txn.channel == .agent { return "窗口&代办" }
        let notes = ["材料齐全", "补正材料后受理", "加急<当日办结>", "邮寄送达"]
        let hash = StableHash.of("note:" + txn.person)
        return hash % 16 == 0 ? notes[Int(hash / 16 % UInt64(notes.count))] : ""
    }

    /// The transaction number for the `sequence`-th transaction: `QXG` + 受理 date + 6 digits (district, numbered
    /// on through the months), `XZ` / `BM` + hall code + `yyMM` + 4 digits (township / village, per month),
    /// `JD` + 受理 date as `yyMMdd` + 4 digits (street, per month), `BM` + hall code + `yyyyMM` + 4 digits (XML,
    /// per station and month).
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
        case .street:
            let f = accepted.fields
            bytes.appendText("JD")
            bytes.appendDigits(f.year % 100, width: 2)
            bytes.appendDigits(f.month, width: 2)
            bytes.appendDigits(f.day, width: 2)
            bytes.appendDigits(sequence, width: 4)
        case .township, .village:
            bytes.appendText(self == .township ? "XZ" : "BM")
            bytes.appendText(hallCode)
            bytes.appendDigits(month.year % 100, width: 2)
            bytes.appendDigits(month.month, width: 2)
            bytes.appendDigits(sequence, width: 4)
        case .villageXML:
            bytes.appendText("BM")
            bytes.appendText(hallCode)
            bytes.appendDigits(month.year, width: 4)
            bytes.appendDigits(month.month, width: 2)
            bytes.appendDigits(sequence, width: 4)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
