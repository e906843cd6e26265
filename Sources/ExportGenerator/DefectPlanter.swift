/// Plants the defects of one layout: extra defect rows, and duplicates made from genuine transactions.
///
/// Defect rows are extra rows on top of the genuine transactions, so a pipeline that rejects them and
/// deduplicates correctly reproduces the genuine counts exactly.
struct DefectPlanter {
    let layout: ExportLayout
    /// Halls defects may use (the scenario halls are left alone).
    let halls: [HallRecord]
    let months: [Month]
    let factory: TransactionFactory

    /// One spec per planted defect row (duplicates excluded), in kind order.
    func makeSpecs(rng: inout SplitMix64) -> [DefectSpec] {
        var specs: [DefectSpec] = []
        for kind in DefectKind.allCases where kind != .duplicate {
            for instance in 0..<kind.count(in: layout) {
                let t = fixedMonth(kind, instance) ?? rng.below(months.count)
                var txn = factory.makeTypical(hall: rng.pick(halls), period: t, rng: &rng)
                switch kind {
                case .unknownHall:
                    txn.hall = unknownHall(instance)
                case .formulaUnknownHall:
                    txn.hall = unknownHall(0)
                    if layout == .village {
                        txn.hall = HallRecord(code: txn.hall.code, name: formula, tier: .village, parentCode: "")
                    } else if let item = txn.item {
                        txn.item = CatalogItem(
                            code: item.code, name: formula, department: item.department,
                            atTownships: item.atTownships, terms: item.terms)
                    }
                case .extraField:
                    if layout != .village { txn.item = rng.pick(Catalog.townshipItems.filter { !CSVLine.needsQuoting($0.name) }) }
                default:
                    break
                }
                specs.append(DefectSpec(kind: kind, instance: instance, txn: txn))
            }
        }
        return specs
    }

    /// The written fields of a defect row and a one-line description of it.
    func render(_ spec: DefectSpec) -> (fields: [String], detail: String) {
        var fields = layout.fields(for: spec.txn)
        switch spec.kind {
        case .duplicate:
            return (fields, "")
        case .unknownHall:
            switch layout {
            case .street:
                return (fields, layout.header[1] + " = " + spec.txn.hall.name + ": no hall has this name or alias")
            case .villageXML:
                return (fields, "folder " + spec.txn.hall.code + " is not a hall code in halls.csv")
            default:
                return (fields, "hall code " + spec.txn.hall.code + " is not in halls.csv")
            }
        case .missingID:
            fields[0] = ""
            return (fields, layout == .villageXML ? "no 流水号 attribute" : "empty " + layout.header[0])
        case .impossibleDate:
            let text = impossibleDates[spec.instance % impossibleDates.count].text
            fields[layout.acceptedColumn] = text
            return (fields, layout.header[layout.acceptedColumn] + " = " + text)
        case .garbledDate:
            fields[layout.acceptedColumn] = "待定"
            return (fields, layout.header[layout.acceptedColumn] + " = 待定")
        case .unknownChannel:
            fields[layout.channelColumn] = "传真"
            return (fields, layout.header[layout.channelColumn] + " = 传真")
        case .unknownStatus:
            fields[layout.statusColumn] = "挂起"
            if layout == .district { fields[7] = "" }
            return (fields, layout.header[layout.statusColumn] + " = 挂起")
        case .extraField:
            let extra = layout == .village ? "代办点" : "补办"
            fields.insert(extra, at: layout.nameColumn + 1)
            return (
                fields,
                "\(fields.count) fields: unquoted comma in " + layout.header[layout.nameColumn]
                    + " (" + fields[layout.nameColumn] + "," + extra + ")"
            )
        case .missingField:
            fields.remove(at: layout.updatedColumn)
            return (fields, "\(fields.count) fields: " + layout.header[layout.updatedColumn] + " left out")
        case .formulaUnknownHall:
            return (
                fields,
                layout.header[layout.nameColumn] + " = " + formula + "; hall code "
                    + spec.txn.hall.code + " is not in halls.csv"
            )
        case .truncatedRecord:
            return (
                fields,
                "the file ends inside this record, in its 更新时间 (`" + String(fields[layout.updatedColumn].prefix(13))
                    + "`); the records before it are complete and count"
            )
        }
    }

    /// Re-exports some genuine transactions: the earlier copy (status 在办) stays where it was, the
    /// final copy moves later in the same file or into the next month's file with a later update time.
    /// Returns, per duplicate, the index of the transaction changed and its superseded earlier copy.
    func plantDuplicates(into txns: inout [Transaction], rng: inout SplitMix64) -> [(index: Int, earlier: Transaction)] {
        let allowed = halls.map(\.code)
        let last = months.count - 1
        var used: [Bool] = Array(repeating: false, count: txns.count)
        var planted: [(index: Int, earlier: Transaction)] = []
        for instance in 0..<DefectKind.duplicate.count(in: layout) {
            let (final, nextFile) = duplicatePlan(instance)
            let candidates = txns.indices.filter { i in
                !used[i] && allowed.contains(txns[i].hall.code) && txns[i].accepted.fields.day <= 20
                    && txns[i].zone == .shanghai && (!nextFile || txns[i].period < last)
            }
            guard !candidates.isEmpty else { continue }
            let index = rng.pick(candidates)
            used[index] = true
            var earlier = txns[index]
            earlier.status = .inProgress
            earlier.finished = nil
            earlier.updated = earlier.accepted.adding(rng.seconds(in: 300...5400))
            var txn = txns[index]
            txn.status = final
            if nextFile {
                let next = months[txn.period + 1]
                txn.updated = next.start.adding(rng.seconds(in: 0...8) * 86_400 + rng.seconds(in: 32_400...61_200))
                txn.fileMonth = txn.period + 1
            } else {
                txn.updated = txn.accepted.adding(rng.seconds(in: 2...6) * 86_400 + rng.seconds(in: 0...28_800))
            }
            txn.finished = final == .done ? txn.updated.adding(-rng.seconds(in: 60...1800)) : nil
            txns[index] = txn
            planted.append((index, earlier))
        }
        return planted
    }

    /// Instance 0 is withdrawn in the correction (next file), 1 is a plain re-export still in progress
    /// (same file), the rest are completed, alternating next file and same file. In the XML layout every
    /// correction goes into the station's next month's file (instance 1 completed there).
    private func duplicatePlan(_ instance: Int) -> (final: StatusKind, nextFile: Bool) {
        if layout == .villageXML { return (instance == 0 ? .withdrawn : .done, true) }
        switch instance {
        case 0: return (.withdrawn, true)
        case 1: return (.inProgress, false)
        default: return (.done, instance % 2 == 0)
        }
    }

    private let formula = "=HYPERLINK(\"http://x\",\"点击\")"

    /// Impossible acceptance dates in this layout's spelling, with the month whose file they go into.
    private var impossibleDates: [(text: String, month: Int)] {
        switch layout {
        case .district: return [("2019-02-30 10:00:00", 4), ("2018-11-31 14:20:00", 1)]
        case .township: return [("2019/13/1 9:00", 3), ("2019/2/29 14:20", 4)]
        case .street: return [("2019/02/29 10:00:00", 4), ("2018/11/31 14:20:00", 1)]
        case .village: return [("2019年2月30日 10:00", 4), ("2019年4月31日 15:30", 6)]
        case .villageXML: return [("2019-02-30T10:00:00+08:00", 4)]
        }
    }

    /// The XML layout's unknown folder holds 2019-03's file; its damaged file is 2019-05's.
    private func fixedMonth(_ kind: DefectKind, _ instance: Int) -> Int? {
        let month: Int
        switch (kind, layout) {
        case (.impossibleDate, _): month = impossibleDates[instance % impossibleDates.count].month
        case (.unknownHall, .villageXML): month = 5
        case (.truncatedRecord, _): month = 7
        default: return nil
        }
        return month < months.count ? month : nil
    }

    /// Codes that look right but are in no registry, with a plausible name for village rows; for the street
    /// layout, names that are no hall's name or alias (the code stays empty: the street export has none).
    private func unknownHall(_ instance: Int) -> HallRecord {
        switch (layout, instance) {
        case (.street, 0): return HallRecord(code: "", name: "七星关区某某街道政务服务中心", tier: .township, parentCode: "")
        case (.street, _): return HallRecord(code: "", name: "市西街道政务服务大厅", tier: .township, parentCode: "")
        case (.villageXML, _): return HallRecord(code: "520502099201", name: "七星关区某某村便民服务站", tier: .village, parentCode: "")
        case (.district, 0): return HallRecord(code: "520502999000", name: "", tier: .district, parentCode: "")
        case (.district, _): return HallRecord(code: "520502900000", name: "", tier: .district, parentCode: "")
        case (.township, 0): return HallRecord(code: "520502999000", name: "", tier: .township, parentCode: "")
        case (.township, _): return HallRecord(code: "520502017000", name: "", tier: .township, parentCode: "")
        case (.village, 0): return HallRecord(code: "520502999201", name: "七星关区未登记便民服务站", tier: .village, parentCode: "")
        case (.village, _): return HallRecord(code: "520502017201", name: "鸭池镇石桥村便民服务站", tier: .village, parentCode: "")
        }
    }
}
