/// The README's time-limit section (contract rules 18–21): the catalogue, the rules in brief, the district hall's
/// expected figures per month of acceptance and worked examples. The demo test parses the table (header
/// `| month | counted | uncatalogued |`, rows `| YYYY-MM | …`) and the examples (`- title: `id` item (limit),
/// accepted …, deadline YYYY-MM-DD, completed … → verdict.`): keep their shape. No row of it starts with "| `",
/// which the per-hall table's parser reads as a hall.
extension DemoReadme {
    var timeLimitSection: [String] {
        let catalogued = Catalog.items.compactMap(\.terms)
        let instant = catalogued.filter { $0.kind == .instant }.count
        let natural = catalogued.filter { $0.unit == .naturalDays }.count
        let left = Catalog.uncataloguedItems.map(\.name).joined(separator: " and ")
        let asOf = TimeLimitCase.dayLabel(TimeLimitTruth.asOf)
        let hall = timeLimits.hall
        var lines = [
            "## Time limits (item catalogue)",
            "",
            "`catalogue.csv` (事项目录; UTF-8 without BOM, LF, RFC 4180 quoted) lists \(catalogued.count) of the "
                + "\(Catalog.items.count) items, header `\(Catalog.catalogueHeader)`: \(instant) 即办件 (limits 0 and 0) and "
                + "\(catalogued.count - instant) 承诺件, \(natural) of them in 自然日, the others in 工作日. \(left) are left out "
                + "on purpose: their transactions are uncatalogued. Only the district layout records 事项编码 (item_code), so "
                + "only the district hall `\(hall.code)` has catalogued transactions; every counted transaction of the other "
                + "halls is uncatalogued.",
            "",
            "A promised item's deadline is the end of the n-th 法定工作日 after the day of acceptance (that day does not "
                + "count; a working day is a Monday–Friday that is no official holiday, or an official make-up working day "
                + "调休上班日 such as Sat 2019-02-02, Sun 2019-02-03 or Sat 2019-10-12), or for an item in 自然日 the day of "
                + "acceptance + n; an instant item's deadline is its day of acceptance. "
                + "A completed transaction is on time when the day of its 办结时间 is at most its deadline, otherwise it is "
                + "overdue_finished; the demo's rejected transactions carry no 办结时间 and are untimed. "
                + "A transaction still in progress on the as-of day \(asOf) is overdue_open (红牌) when its deadline is "
                + "before that day, and due_soon (黄牌) when at most one day of its item's unit is left after it. "
                + "Withdrawn transactions count nowhere, and every row adds up: counted = finished + in_progress + untimed "
                + "+ uncatalogued, finished = on_time + overdue_finished.",
            "",
            "District hall `\(hall.code)` \(hall.name), by month of acceptance, as of \(asOf) "
                + "(`hallrate run Pipelines/default.yml --as-of \(asOf)`, `time_limits.csv`):",
            "",
            "| month | " + TimeLimitCounts.header.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: TimeLimitCounts.header.count),
        ]
        var total = TimeLimitCounts()
        for (t, month) in months.enumerated() {
            let counts = timeLimits.counts[t]
            guard counts.counted > 0 else { continue }
            lines.append("| \(month.label) | " + counts.cells.map(String.init).joined(separator: " | ") + " |")
            total.merge(counts)
        }
        lines.append("| **total** | " + total.cells.map { "**\($0)**" }.joined(separator: " | ") + " |")
        lines += [
            "",
            "Worked examples (the first matching transaction by 办件编号; times as in the export):",
            "",
        ]
        for example in timeLimits.examples {
            let judged = example.judged
            let txn = judged.txn
            let unit = judged.terms?.unitWord ?? "工作日"
            let completed = txn.status == .done ? txn.finished.map(TimeLimitCase.timeLabel) ?? "none" : "none"
            lines.append(
                "- \(example.title): `\(txn.id)` \(txn.item?.name ?? "") (\(judged.terms?.limitLabel ?? "uncatalogued")), "
                    + "accepted \(TimeLimitCase.timeLabel(txn.accepted)), "
                    + "deadline \(judged.deadline.map(TimeLimitCase.dayLabel) ?? "none"), completed \(completed) → "
                    + judged.verdict.label(unit: unit) + ".")
        }
        lines.append("")
        return lines
    }
}
