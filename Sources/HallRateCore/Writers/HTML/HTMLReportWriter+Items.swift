extension HTMLReportWriter {
    /// How many items each tier lists in ``itemsHoldingBack(_:month:)``.
    static let itemsPerTier = 5

    /// The items that hold each tier's online rate down most (contract rule 17): those with the most
    /// transactions not handled online, over all the tier's halls; a tier whose exports carry no item
    /// code says so, with how many transactions that is.
    func itemsHoldingBack(_ index: HTMLReportIndex, tiers: [Tier], month: Period) -> String {
        let rows = index.report.breakdowns.filter { $0.dimension == .item && $0.period == month }
        guard !rows.isEmpty else { return "" }
        var html = "<section class=\"tier items\" id=\"items\">\n<h2>\(words.itemsHoldingBack) · \(words.monthName(month))"
        html += provisionalChip(index, month) + "</h2>\n<p class=\"note\">\(words.itemsHoldingBackNote(Self.itemsPerTier))</p>\n"
        for tier in tiers {
            let ofTier = rows.filter { $0.tier == tier }
            let recorded = ofTier.filter { $0.key != .notRecorded && $0.offline > 0 }
                .sorted { ($0.offline, $1.key.code ?? "") > ($1.offline, $0.key.code ?? "") }
            let unrecorded = ofTier.filter { $0.key == .notRecorded }.reduce(0) { $0 + $1.total }
            guard !ofTier.isEmpty else { continue }
            html += "<h3>\(words.tier(tier))</h3>\n"
            if !recorded.isEmpty {
                // What the items are ranked by comes first, next to the name: on a phone the rest scrolls.
                html += "<div class=\"table-wrap\"><table class=\"items\">\n<thead><tr><th class=\"hall-name\">\(words.item)</th>"
                html += "<th class=\"num\">\(words.offline)</th><th class=\"num\">\(words.total)</th><th class=\"num\">\(words.online)</th>"
                html += "<th class=\"num\">\(words.rate)</th></tr></thead>\n<tbody>\n"
                for row in recorded.prefix(Self.itemsPerTier) {
                    let name = row.name.isEmpty ? ReportColumns.label(row.key) : row.name
                    html += "<tr><td class=\"hall-name\">\(HTMLEscaping.escape(name))</td><td class=\"num\">\(row.offline)</td>"
                    html += "<td class=\"num\">\(row.total)</td><td class=\"num\">\(row.online)</td>"
                    html += "<td class=\"num\">\(HTMLNumber.percent(row.ratio))</td></tr>\n"
                }
                html += "</tbody>\n</table></div>\n"
            }
            if unrecorded > 0 { html += "<p class=\"note\">\(words.itemsNotRecorded(unrecorded))</p>\n" }
        }
        return html + "</section>\n"
    }
}
