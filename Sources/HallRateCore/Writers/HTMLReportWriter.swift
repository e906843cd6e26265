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
public struct HTMLReportWriter: Sendable {
    public let pipelineName: String
    public let language: Pipeline.Output.Language
    /// The target ratio per tier in force in the month of the page (set by ``html(_:period:)``).
    var targets: [Tier: Fraction] = [:]

    public init(pipelineName: String, language: Pipeline.Output.Language) {
        self.pipelineName = pipelineName
        self.language = language
    }

    var words: HTMLReportWords { HTMLReportWords(language: language) }

    /// The page for `period`, or for the latest month with data when nil.
    public func html(_ report: SupervisionReport, period: Period?) -> String {
        let month = period ?? report.latestClosedPeriod ?? report.periods.last
        var writer = self
        if let month {
            for tier in Tier.allCases { writer.targets[tier] = report.targets.target(tier, in: month) }
        }
        return writer.page(report, month: month)
    }

    private func page(_ report: SupervisionReport, month: Period?) -> String {
        let index = HTMLReportIndex(report)
        let title = month.map { words.title(provisional: index.isProvisional($0)) + " · " + words.monthName($0) } ?? words.title
        var page = "<!DOCTYPE html>\n<html lang=\"\(words.htmlLanguage)\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"generator\" content=\"hallrate\">\n"
        page += "<title>\(HTMLEscaping.escape(title))</title>\n"
        page += "<style>\n\(HTMLReportStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
        page += masthead(index, month: month, title: title)
        let tiers = Tier.allCases.filter { !report.registry.indices(of: $0).isEmpty }
        if let month {
            if index.isProvisional(month) {
                page += "<div class=\"provisional-banner\" role=\"note\"><span class=\"tag\">\(words.warning)</span>"
                page += "\(words.sentences.provisionalWarning(cutoff: index.dataCutoff(month)))</div>\n"
            }
            let anchors = [("overview", words.overview), ("not-reporting", words.notReporting)]
                + tiers.map { ("tier-\($0.rawValue)", words.tier($0)) }
            page += "<nav>" + anchors.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined() + "</nav>\n"
            page += overview(index, tiers: tiers, month: month)
            page += notReporting(index, month: month)
            for tier in tiers { page += section(index, tier: tier, month: month) }
        } else {
            page += "<section><p class=\"empty\">\(words.noPeriods)</p></section>\n"
        }
        page += "<footer>hallrate · \(HTMLEscaping.escape(pipelineName))\(month.map { " · \($0)" } ?? "")</footer>\n"
        return page + "</main>\n</body>\n</html>\n"
    }

    /// Writes the page for `period` (the latest month when nil) to `path`, atomically, creating its folder.
    /// - Throws: ``HallRateError`` `.output` when the file cannot be written; a previous file is left intact.
    public func write(_ report: SupervisionReport, period: Period?, to path: String) throws(HallRateError) {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try AtomicFile.makeDirectory(String(path[..<slash]))
        }
        try AtomicFile.write(Array(html(report, period: period).utf8), to: path)
    }

    /// The title block: pipeline, month and whether its figures are final, data range and how the page was made.
    private func masthead(_ index: HTMLReportIndex, month: Period?, title: String) -> String {
        let report = index.report
        var html = "<header class=\"masthead\">\n<h1>\(HTMLEscaping.escape(title))</h1>\n<dl>"
        html += "<div><dt>\(words.pipeline)</dt><dd>\(HTMLEscaping.escape(pipelineName))</dd></div>"
        if let month {
            html += "<div><dt>\(words.month)</dt><dd>\(month)</dd></div>"
            let status = index.isProvisional(month) ? words.provisionalStatus(cutoff: index.dataCutoff(month)) : words.final
            html += "<div><dt>\(words.dataStatus)</dt><dd>\(status)</dd></div>"
        }
        if let first = report.periods.first, let last = report.periods.last {
            html += "<div><dt>\(words.dataRange)</dt><dd>\(words.range(first, last))</dd></div>"
        }
        return html + "</dl>\n<p>\(words.generationNote)</p>\n</header>\n"
    }
}

/// The report's figures looked up by hall, tier and month.
struct HTMLReportIndex {
    let report: SupervisionReport
    private let rows: [HallPeriod: HallMonth]
    private let summaries: [TierPeriod: SupervisionReport.TierSummary]

    private struct TierPeriod: Hashable {
        let tier: Tier
        let period: Period
    }

    init(_ report: SupervisionReport) {
        self.report = report
        var rows: [HallPeriod: HallMonth] = [:]
        for row in report.hallMonths { rows[HallPeriod(hall: row.hall, period: row.period)] = row }
        self.rows = rows
        var summaries: [TierPeriod: SupervisionReport.TierSummary] = [:]
        for summary in report.tierSummaries { summaries[TierPeriod(tier: summary.tier, period: summary.period)] = summary }
        self.summaries = summaries
    }

    /// The hall's figures for the month, nil when it did not report.
    func figures(hall: Int, period: Period) -> HallMonth? { rows[HallPeriod(hall: hall, period: period)] }

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
    func closingDay(_ period: Period) -> CalendarDate {
        CalendarDate(days: CalendarDate.lastDay(of: period).days + report.closing.closeAfterDays)
    }

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
