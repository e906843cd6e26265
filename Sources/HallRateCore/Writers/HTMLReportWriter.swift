/// Writes one month of a ``SupervisionReport`` as a single self-contained HTML page (`report.html`):
/// the halls not reporting, then per tier a trend chart against the target, small multiples of every
/// hall, the league table, the red and black lists with what they mean, and when the tier and the
/// halls below target would reach it.
///
/// A closed month's page is its bulletin (通报). A provisional month's page is an early warning (预警):
/// a banner gives the data cut-off, the figures are marked provisional, and no list is published.
///
/// The page fetches nothing (inline CSS and SVG, no script) and carries no timestamp: the same
/// report gives the same bytes. Every text from data is escaped.
package struct HTMLReportWriter: Sendable {
    /// The full report, or the 简报: the month's verdict on one or two A4 pages for leaders.
    package enum Layout: Sendable {
        /// Overview, lists, not reporting, then every tier's chart, league table and projections.
        case full
        /// Overview, lists, not reporting and the halls below target with their gap: no per-tier detail.
        case brief
    }

    package let pipelineName: String
    package let language: Pipeline.Output.Language
    /// Who issues the report and how it is headed.
    package var publication = Pipeline.Publication()
    /// How many input files the figures come from (their SHA-256 are in the manifest), for the footer.
    package var inputFiles: Int?
    package var layout = Layout.full
    /// The target ratio per tier in force in the month of the page (set by ``html(_:period:)``).
    var targets: [Tier: Fraction] = [:]

    package init(pipelineName: String, language: Pipeline.Output.Language) {
        self.pipelineName = pipelineName
        self.language = language
    }

    /// The names of the report's metric (set by ``html(_:period:)``).
    var metric = Metric.Words.onlineRate

    var words: HTMLReportWords { HTMLReportWords(language: language, metric: metric) }

    /// The page for `period`, or for the latest month with data when nil.
    package func html(_ report: SupervisionReport, period: Period?) -> String {
        let month = period ?? report.latestClosedPeriod ?? report.periods.last
        var writer = self
        writer.metric = report.metric.words
        if let month {
            for tier in Tier.allCases { writer.targets[tier] = report.targets.target(tier, in: month) }
        }
        return writer.page(report, month: month)
    }

    /// The page's title: region, kind (通报 or 预警) and month.
    func title(_ index: HTMLReportIndex, month: Period?) -> String {
        let region = publication.region.map { HTMLEscaping.escape($0) + (language == .en ? ": " : "") } ?? ""
        let kind = month.map { words.title(provisional: index.isProvisional($0)) } ?? words.title
        let brief = layout == .brief ? words.briefSuffix : ""
        return region + kind + brief + (month.map { " · " + words.monthName($0) } ?? "")
    }

    private func page(_ report: SupervisionReport, month: Period?) -> String {
        let index = HTMLReportIndex(report)
        let title = title(index, month: month)
        var page = "<!DOCTYPE html>\n<html lang=\"\(words.htmlLanguage)\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"generator\" content=\"hallrate\">\n"
        page += "<title>\(title)</title>\n"
        page += "<style>\n\(HTMLReportStyle.css)\n</style>\n</head>\n<body\(layout == .brief ? " class=\"brief\"" : "")>\n<main>\n"
        page += masthead(index, month: month, title: title)
        let tiers = Tier.allCases.filter { !report.registry.indices(of: $0).isEmpty }
        if let month {
            if index.isProvisional(month) {
                page += "<div class=\"provisional-banner\" role=\"note\"><span class=\"tag\">\(words.warning)</span>"
                let warning = words.sentences.provisionalWarning(
                    cutoff: index.dataCutoff(month), ended: report.closing.hasEnded(month),
                    closes: report.closing.closingDay(of: month))
                page += warning + "</div>\n"
            }
            if layout == .full {
                let anchors =
                    [("overview", words.overview), ("lists", words.lists), ("not-reporting", words.notReporting)]
                    + tiers.map { ("tier-\($0.rawValue)", words.tier($0)) }
                    + (report.townshipRollups.contains { $0.period == month } ? [("township-rollup", words.townshipRollup)] : [])
                    + (report.breakdowns.contains { $0.dimension == .item && $0.period == month }
                        ? [("items", words.itemsHoldingBack)] : [])
                    + (report.timeLimits?.contains { $0.key.period == month && $0.value.catalogued > 0 } == true
                        ? [("time-limits", words.timeLimits)] : [])
                page += "<nav>" + anchors.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined() + "</nav>\n"
            }
            page += bulletin(report, month: month)
            page += overview(index, tiers: tiers, month: month)
            page += verdicts(index, tiers: tiers, month: month)
            page += notReporting(index, month: month)
            switch layout {
            case .full:
                for tier in tiers { page += section(index, tier: tier, month: month) }
                page += townshipRollups(index, month: month)
                page += itemsHoldingBack(index, tiers: tiers, month: month)
                page += timeLimits(index, month: month)
            case .brief: page += belowTarget(index, tiers: tiers, month: month)
            }
        } else {
            page += "<section><p class=\"empty\">\(words.noPeriods)</p></section>\n"
        }
        page += footer(index, month: month)
        return page + "</main>\n</body>\n</html>\n"
    }

    /// Writes the page for `period` (the latest month when nil) to `path`, atomically, creating its folder.
    /// - Throws: ``HallRateError`` `.output` when the file cannot be written; a previous file is left intact.
    package func write(_ report: SupervisionReport, period: Period?, to path: String) throws(HallRateError) {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try AtomicFile.makeDirectory(String(path[..<slash]))
        }
        try AtomicFile.write(Array(html(report, period: period).utf8), to: path)
    }

    /// The heading of an issued document: the issuing office, the title, the issue number and report date,
    /// a red rule, then the month, the data cut-off, whether the figures are final, and the data's range.
    private func masthead(_ index: HTMLReportIndex, month: Period?, title: String) -> String {
        let report = index.report
        var html = "<header class=\"masthead\">\n"
        if let issuer = publication.issuer { html += "<div class=\"issuer\">\(HTMLEscaping.escape(issuer))</div>\n" }
        html += "<h1>\(title)</h1>\n<div class=\"issue-line\">"
        let narrative = month.map { BulletinNarrative(report: report, month: $0, publication: publication, language: language) }
        if let issue = narrative?.issueNumber { html += "<span class=\"issue\">\(HTMLEscaping.escape(issue))</span>" }
        let date = narrative?.reportDate ?? report.closing.asOf
        html += "<span class=\"date\">\(words.reportDate)\(words.fullDay(date))</span></div>\n"
        html += "<div class=\"rule\" aria-hidden=\"true\"></div>\n<dl>"
        if let month {
            html += "<div><dt>\(words.month)</dt><dd>\(words.monthName(month))</dd></div>"
            let cutoff = index.isProvisional(month) ? index.dataCutoff(month) : CalendarDate.lastDay(of: month)
            if let cutoff { html += "<div><dt>\(words.dataCutoff)</dt><dd>\(words.fullDay(cutoff))</dd></div>" }
            let status = index.isProvisional(month) ? words.provisionalStatus : words.final
            html += "<div><dt>\(words.dataStatus)</dt><dd>\(status)</dd></div>"
        }
        if let first = report.periods.first, let last = report.periods.last {
            html += "<div><dt>\(words.dataRange)</dt><dd>\(words.range(first, last))</dd></div>"
        }
        return html + "</dl>\n</header>\n"
    }

    /// The 通报's text, generated from the month's figures (also written as `report_YYYY-MM.txt`).
    private func bulletin(_ report: SupervisionReport, month: Period) -> String {
        let narrative = BulletinNarrative(report: report, month: month, publication: publication, language: language)
        var html = "<section id=\"bulletin\" class=\"bulletin\">\n"
        for paragraph in narrative.paragraphs { html += "<p>\(HTMLEscaping.escape(paragraph))</p>\n" }
        return html + "</section>\n"
    }

    /// How the figures were made, where their inputs are listed, and whom to contact: small, last.
    private func footer(_ index: HTMLReportIndex, month: Period?) -> String {
        var html = "<footer>"
        if let contact = publication.contact { html += "<p class=\"contact\">\(HTMLEscaping.escape(contact))</p>" }
        html += "<p>\(words.definition)</p>"
        html += "<p class=\"provenance\">\(words.provenance(pipeline: HTMLEscaping.escape(pipelineName), files: inputFiles))</p>"
        return html + "</footer>\n"
    }
}

/// The report's figures looked up by hall, tier and month.
struct HTMLReportIndex {
    let report: SupervisionReport
    private let rows: HallMonthIndex
    private let summaries: [TierPeriod: SupervisionReport.TierSummary]

    private struct TierPeriod: Hashable {
        let tier: Tier
        let period: Period
    }

    init(_ report: SupervisionReport) {
        self.report = report
        rows = HallMonthIndex(report.hallMonths, periods: report.periods, hallCount: report.registry.halls.count)
        var summaries: [TierPeriod: SupervisionReport.TierSummary] = [:]
        for summary in report.tierSummaries { summaries[TierPeriod(tier: summary.tier, period: summary.period)] = summary }
        self.summaries = summaries
    }

    /// The hall's figures for the month, nil when it did not report.
    func figures(hall: Int, period: Period) -> HallMonth? { rows.row(hall: hall, period: period).map { report.hallMonths[$0] } }

    func summary(_ tier: Tier, _ period: Period) -> SupervisionReport.TierSummary? {
        summaries[TierPeriod(tier: tier, period: period)]
    }

    /// The tier's league table for the month; when the report has none, the tier's halls unranked in code order.
    func league(_ tier: Tier, _ period: Period) -> [SupervisionReport.LeagueEntry] {
        if let table = report.leagueTables.first(where: { $0.tier == tier && $0.period == period }) { return table.entries }
        return report.registry.indices(of: tier).map { SupervisionReport.LeagueEntry(hall: $0, figures: figures(hall: $0, period: period)) }
    }

    /// The month is not closed yet: its page is an early warning without lists.
    func isProvisional(_ period: Period) -> Bool { !report.closing.isClosed(period) }

    /// The latest day of data of a provisional month: the latest cut-off among its tiers (nil when unknown).
    func dataCutoff(_ period: Period) -> CalendarDate? {
        report.tierSummaries.filter { $0.period == period }.compactMap(\.dataCutoff).max()
            ?? report.hallMonths.filter { $0.period == period }.compactMap(\.dataCutoff).max()
    }

    /// The day `period` closes: `close_after_days` after its last day.
    func closingDay(_ period: Period) -> CalendarDate { report.closing.closingDay(of: period) }

    /// The halls not reporting in the month, by tier then hall code.
    func notReporting(_ period: Period) -> [SupervisionReport.NotReporting] {
        let tiers = report.registry.tierIndices
        return report.notReporting.filter { $0.period == period }
            .sorted { (tiers[$0.hall], $0.hall) < (tiers[$1.hall], $1.hall) }
    }

    /// The red or black list of the tier for the month, in the report's order.
    func list(_ kind: SupervisionReport.ListKind, _ tier: Tier, _ period: Period) -> [SupervisionReport.ListEntry] {
        report.lists.filter { $0.kind == kind && $0.tier == tier && $0.period == period }
    }

    /// The report's months from the first through `period`, or the last `count` of them.
    func months(through period: Period, last count: Int? = nil) -> [Period] {
        guard let first = report.periods.first, first <= period else { return [period] }
        let start = count.map { max(first.index, period.index - $0 + 1) } ?? first.index
        return (start...period.index).map(Period.init(index:))
    }
}
