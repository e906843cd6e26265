/// Builds one layout's monthly files from the volume plan, then plants that layout's defects.
struct TierExportBuilder {
    let layout: ExportLayout
    /// The registry's halls of this layout's tier, with their planned counts (`counts[h][t]`).
    let halls: [HallRecord]
    let counts: [[HallMonthCounts]]
    let months: [Month]
    let seed: UInt64

    func build() -> TierExport {
        let stream = UInt64(ExportLayout.allCases.firstIndex(of: layout) ?? 0)
        let factory = TransactionFactory(layout: layout, months: months)
        var rng = SplitMix64(seed: seed, stream: 10 + stream)
        var txns: [Transaction] = []
        for t in months.indices {
            for (h, hall) in halls.enumerated() {
                txns += factory.make(hall: hall, period: t, counts: counts[h][t], rng: &rng)
            }
        }

        var defectRng = SplitMix64(seed: seed, stream: 20 + stream)
        let planter = DefectPlanter(layout: layout, halls: halls.filter { !Scenario.isProtected($0.code) },
                                    months: months, factory: factory)
        var specs = planter.makeSpecs(rng: &defectRng)
        assignIDs(&txns, &specs)
        let duplicates = planter.plantDuplicates(into: &txns, rng: &defectRng)

        var defects: [PlantedDefect] = []
        var rows: [ExportRow] = []
        var defectOfTxn: [Int?] = Array(repeating: nil, count: txns.count)
        for (number, duplicate) in duplicates.enumerated() {
            let txn = txns[duplicate.index]
            let detail = layout.word(for: duplicate.earlier.status) + " → " + layout.word(for: txn.status)
                + (txn.fileMonth == txn.period ? ", later in the same file" : ", again in the next month's file")
            defectOfTxn[duplicate.index] = defects.count
            rows.append(ExportRow(fields: layout.fields(for: duplicate.earlier), month: duplicate.earlier.fileMonth,
                                  sortKey: duplicate.earlier.updated.seconds, order: txns.count + number,
                                  defect: defects.count, isEarlierCopy: true))
            defects.append(PlantedDefect(kind: .duplicate, layout: layout, transactionID: txn.id,
                                         hallCode: txn.hall.code, detail: detail))
        }
        for (index, txn) in txns.enumerated() {
            rows.append(ExportRow(fields: layout.fields(for: txn), month: txn.fileMonth, sortKey: txn.updated.seconds,
                                  order: index, defect: defectOfTxn[index]))
        }
        for (number, spec) in specs.enumerated() {
            let (fields, detail) = planter.render(spec)
            rows.append(ExportRow(fields: fields, month: spec.txn.fileMonth, sortKey: spec.txn.updated.seconds,
                                  order: 2 * txns.count + number, defect: defects.count))
            defects.append(PlantedDefect(kind: spec.kind, layout: layout, transactionID: fields[0],
                                         hallCode: spec.txn.hall.code, detail: detail))
        }

        var files: [[ExportRow]] = Array(repeating: [], count: months.count)
        for row in rows { files[row.month].append(row) }
        for t in files.indices {
            files[t].sort { ($0.sortKey, $0.order) < ($1.sortKey, $1.order) }
            for (position, row) in files[t].enumerated() {
                guard let d = row.defect else { continue }
                let location = RowLocation(month: t, line: position + 2)
                if row.isEarlierCopy { defects[d].earlierLocation = location } else { defects[d].location = location }
            }
        }
        return TierExport(layout: layout, files: files, transactions: txns, defects: defects)
    }

    /// Numbers every transaction month by month in order of acceptance, genuine ones first, then defect rows.
    private func assignIDs(_ txns: inout [Transaction], _ specs: inout [DefectSpec]) {
        var sequence = 0
        for t in months.indices {
            if layout != .district { sequence = 0 }
            let genuine = txns.indices.filter { txns[$0].period == t }
                .sorted { (txns[$0].accepted, $0) < (txns[$1].accepted, $1) }
            for i in genuine {
                sequence += 1
                txns[i].id = layout.transactionID(hallCode: txns[i].hall.code, accepted: txns[i].accepted,
                                                  month: months[t], sequence: sequence)
            }
            let planted = specs.indices.filter { specs[$0].txn.period == t }
                .sorted { (specs[$0].txn.accepted, $0) < (specs[$1].txn.accepted, $1) }
            for i in planted {
                sequence += 1
                specs[i].txn.id = layout.transactionID(hallCode: specs[i].txn.hall.code,
                                                       accepted: specs[i].txn.accepted, month: months[t],
                                                       sequence: sequence)
            }
        }
    }
}
