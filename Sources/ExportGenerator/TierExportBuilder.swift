/// Builds one layout's files from the volume plan, then plants that layout's defects.
struct TierExportBuilder {
    let layout: ExportLayout
    /// The registry's halls that export through this layout, with their planned counts (`counts[h][t]`).
    let halls: [HallRecord]
    let counts: [[HallMonthCounts]]
    let months: [Month]
    let seed: UInt64

    func build() -> TierExport {
        let factory = TransactionFactory(layout: layout, months: months)
        var rng = SplitMix64(seed: seed, stream: 10 + layout.stream)
        var txns: [Transaction] = []
        for t in months.indices {
            for (h, hall) in halls.enumerated() {
                txns += factory.make(hall: hall, period: t, counts: counts[h][t], rng: &rng)
            }
        }
        if layout == .villageXML {
            var offsetRng = SplitMix64(seed: seed, stream: 30 + layout.stream)
            OffsetPlanter(months: months).plant(into: &txns, rng: &offsetRng)
        }

        var defectRng = SplitMix64(seed: seed, stream: 20 + layout.stream)
        let planter = DefectPlanter(
            layout: layout, halls: halls.filter { !Scenario.isProtected($0.code) },
            months: months, factory: factory)
        var specs = planter.makeSpecs(rng: &defectRng)
        assignIDs(&txns, &specs)
        let duplicates = planter.plantDuplicates(into: &txns, rng: &defectRng)

        var defects: [PlantedDefect] = []
        var rows: [ExportRow] = []
        var defectOfTxn: [Int?] = Array(repeating: nil, count: txns.count)
        for (number, duplicate) in duplicates.enumerated() {
            let txn = txns[duplicate.index]
            let detail =
                layout.word(for: duplicate.earlier.status) + " → " + layout.word(for: txn.status)
                + (txn.fileMonth == duplicate.earlier.fileMonth ? ", later in the same file" : ", again in the next month's file")
            defectOfTxn[duplicate.index] = defects.count
            rows.append(
                ExportRow(
                    fields: layout.fields(for: duplicate.earlier), hall: txn.hall,
                    month: duplicate.earlier.fileMonth, sortKey: duplicate.earlier.updated.seconds,
                    order: txns.count + number, defect: defects.count, isEarlierCopy: true))
            defects.append(
                PlantedDefect(
                    kind: .duplicate, layout: layout, transactionID: txn.id,
                    hallCode: txn.hall.code, detail: detail))
        }
        for (index, txn) in txns.enumerated() {
            rows.append(
                ExportRow(
                    fields: layout.fields(for: txn), hall: txn.hall, month: txn.fileMonth,
                    sortKey: txn.updated.seconds, order: index, defect: defectOfTxn[index]))
        }
        for (number, spec) in specs.enumerated() {
            let (fields, detail) = planter.render(spec)
            // The truncated record must be the last one of its file.
            let sortKey = spec.kind == .truncatedRecord ? Int64.max : spec.txn.updated.seconds
            rows.append(
                ExportRow(
                    fields: fields, hall: spec.txn.hall, month: spec.txn.fileMonth, sortKey: sortKey,
                    order: 2 * txns.count + number, defect: defects.count))
            defects.append(
                PlantedDefect(
                    kind: spec.kind, layout: layout, transactionID: fields[0],
                    hallCode: spec.txn.hall.code, detail: detail))
        }

        let files = group(rows, defects: &defects)
        return TierExport(layout: layout, files: files, transactions: txns, defects: defects)
    }

    /// Sorts the rows into their files (every month has a file in the tier-wide layouts; a station-month
    /// without rows has none), orders each file by update time, and records where each defect row landed.
    private func group(_ rows: [ExportRow], defects: inout [PlantedDefect]) -> [ExportFile] {
        var byPath: [String: ExportFile] = [:]
        if !layout.filePerHall {
            for (t, month) in months.enumerated() {
                let path = layout.relativePath(month, hallCode: "")
                byPath[path] = ExportFile(relativePath: path, monthIndex: t, month: month, station: nil, rows: [])
            }
        }
        for row in rows {
            let path = layout.relativePath(months[row.month], hallCode: row.hall.code)
            if byPath[path] == nil {
                byPath[path] = ExportFile(
                    relativePath: path, monthIndex: row.month, month: months[row.month],
                    station: layout.filePerHall ? row.hall : nil, rows: [])
            }
            byPath[path]?.rows.append(row)
        }
        var files = byPath.values.sorted { $0.relativePath < $1.relativePath }
        for f in files.indices {
            files[f].rows.sort { ($0.sortKey, $0.order) < ($1.sortKey, $1.order) }
            let lines = files[f].startLines(layout)
            for (position, row) in files[f].rows.enumerated() {
                guard let d = row.defect else { continue }
                let location = RowLocation(path: files[f].relativePath, line: lines[position])
                if row.isEarlierCopy { defects[d].earlierLocation = location } else { defects[d].location = location }
                if defects[d].kind == .truncatedRecord { files[f].isTruncated = true }
            }
        }
        return files
    }

    /// Numbers the transactions month by month in order of acceptance, genuine ones first, then defect rows:
    /// one sequence per month (per station and month in the XML layout; on through the months for the district).
    private func assignIDs(_ txns: inout [Transaction], _ specs: inout [DefectSpec]) {
        var counters: [String: Int] = [:]
        for t in months.indices {
            if layout != .district { counters.removeAll() }
            let genuine = txns.indices.filter { txns[$0].period == t }
                .sorted { (txns[$0].accepted, $0) < (txns[$1].accepted, $1) }
            for i in genuine { txns[i].id = nextID(for: txns[i], month: t, counters: &counters) }
            let planted = specs.indices.filter { specs[$0].txn.period == t }
                .sorted { (specs[$0].txn.accepted, $0) < (specs[$1].txn.accepted, $1) }
            for i in planted { specs[i].txn.id = nextID(for: specs[i].txn, month: t, counters: &counters) }
        }
    }

    private func nextID(for txn: Transaction, month t: Int, counters: inout [String: Int]) -> String {
        let key = layout.filePerHall ? txn.hall.code : ""
        let sequence = (counters[key] ?? 0) + 1
        counters[key] = sequence
        return layout.transactionID(hallCode: txn.hall.code, accepted: txn.accepted, month: months[t], sequence: sequence)
    }
}
