extension HTMLReportWriter {
    /// How many cases each exception list shows in the report; the CSVs and the workbook have them all.
    static let casesPerList = 8

    /// 办结时限 (contract rule 21, with an item catalogue): the month's on-time figures over all halls,
    /// then the worst cases of each exception list — finished late, and open past (红牌) or near (黄牌)
    /// their deadline as of the run's day.
    func timeLimits(_ index: HTMLReportIndex, month: Period) -> String {
        guard let counts = index.report.timeLimits else { return "" }
        let total = counts.filter { $0.key.period == month }.values.reduce(into: TimeLimitCounts()) { $0.merge($1) }
        guard total.catalogued > 0 else { return "" }
        let rows = index.report.exceptions.filter { $0.period == month }
        let late = rows.filter { $0.kind == .finishedLate }
        let open = rows.filter { $0.kind != .finishedLate }
        let asOf = index.report.closing.asOf
        var html = "<section class=\"tier small time-limits\" id=\"time-limits\">\n<h2>\(words.timeLimits) · \(words.monthName(month))"
        html += provisionalChip(index, month) + "</h2>\n"
        html += "<p>\(words.timeLimitsSummary(total, asOf: asOf))</p>\n"
        let catalogue = index.report.catalogue?.items ?? []
        func table(_ title: String, _ cases: [TimeLimitException], open: Bool) -> String {
            guard !cases.isEmpty else { return "" }
            // The days come right after the hall, so that a phone shows why a case is listed without scrolling.
            var html = "<h3>\(title)</h3>\n<div class=\"table-wrap\"><table class=\"cases\">\n<thead><tr>"
            if open { html += "<th>\(words.card)</th>" }
            html += "<th class=\"hall-name\">\(words.name)</th><th class=\"num\">\(open ? words.daysOverdueOrLeft : words.daysLate)</th>"
            html += "<th>\(words.item)</th><th>\(words.txnID)</th><th>\(words.accepted)</th><th>\(words.deadline)</th>"
            if !open { html += "<th>\(words.completed)</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for row in cases.prefix(Self.casesPerList) {
                let item = row.item < catalogue.count ? catalogue[row.item] : nil
                html += "<tr>"
                if open {
                    html +=
                        row.kind == .overdue
                        ? "<td class=\"card red\">\(words.redCard)</td>" : "<td class=\"card yellow\">\(words.yellowCard)</td>"
                }
                html += "<td class=\"hall-name\">\(HTMLEscaping.escape(index.report.registry[row.hall].name))</td>"
                let days = row.kind == .dueSoon ? words.daysLeft(row.days) : "\(row.days)"
                html += "<td class=\"num\">\(days)\(item.map { words.unitSuffix($0.unit) } ?? "")</td>"
                html += "<td>\(HTMLEscaping.escape(item?.name ?? ""))</td><td class=\"txn\">\(HTMLEscaping.escape(row.txnID ?? "—"))</td>"
                html += "<td>\(row.accepted)</td><td>\(row.deadline)</td>"
                if !open { html += "<td>\(row.completedMinute.map(ReportColumns.minute) ?? "")</td>" }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
            if cases.count > Self.casesPerList {
                html += "<p class=\"note\">\(words.moreCases(shown: Self.casesPerList, of: cases.count))</p>\n"
            }
            return html
        }
        html += table(words.overdueFinished, late, open: false)
        html += table(words.overdueOpen(asOf), open, open: true)
        html += "<p class=\"note\">\(index.report.casesStayWithMembers ? words.casesKeptByMembers : words.timeLimitsNote(month))</p>\n"
        return html + "</section>\n"
    }
}
