import Foundation

/// Writes the supervisors' workbook (`report_YYYY-MM.xlsx`): a league table per tier for the month,
/// the red and black lists, the tier summary over all months, and the rejects by reason and source.
///
/// Codes are text cells (no `5.20502E+11`), ratios are numbers shown as percentages, counts are
/// integers; halls below target or on the black list are highlighted (fill and bold, so grayscale
/// print keeps them apart).
struct WorkbookWriter {
    let output: Pipeline.Output
    private var words: Vocabulary { Vocabulary(language: output.language) }
    private var chinese: Bool { output.language == .zh }

    /// The workbook's bytes for `period` (the report's last month when nil).
    func data(_ report: SupervisionReport, period: Period?, rejects: [Reject], files: [FileReport]) throws(HallRateError) -> Data {
        var workbook = XLSXWorkbook()
        let month = period ?? report.latestClosedPeriod ?? report.periods.last ?? Period(index: 0)
        let black = Set(report.lists.filter { $0.kind == .black && $0.period == month }.map(\.figures.hall))
        for league in report.leagueTables where league.period == month {
            var sheet = Worksheet(name: "\(words.tier(league.tier)) \(month)", header: words.leagueHeader)
            for entry in league.entries {
                let hall = report.registry[entry.hall]
                let figures = entry.figures
                sheet.append([
                    figures?.rank.map(Worksheet.Value.integer) ?? .empty, .text(hall.code), .text(hall.name),
                    figures.map { .integer($0.total) } ?? .empty, figures.map { .integer($0.online) } ?? .empty,
                    figures.map { .percent($0.ratio) } ?? .empty, figures?.deltaPP.map(Worksheet.Value.decimal) ?? .empty,
                    figures?.slopePP.map(Worksheet.Value.decimal) ?? .empty, .text(words.flags(entry.flags)),
                    figures?.prevRank.map(Worksheet.Value.integer) ?? .empty,
                    figures?.rankChange.map(Worksheet.Value.integer) ?? .empty,
                    figures?.yoyDeltaPP.map(Worksheet.Value.decimal) ?? .empty,
                    .text(words.provisional(!report.closing.isClosed(month))),
                ], highlighted: entry.flags.contains(.belowTarget) || black.contains(entry.hall))
            }
            workbook.sheets.append(sheet)
        }
        var lists = Worksheet(name: (chinese ? "红黑榜 " : "Lists ") + "\(month)", header: words.listHeader)
        for entry in report.lists where entry.period == month {
            let hall = report.registry[entry.figures.hall]
            lists.append([
                .text(entry.period.description), .text(words.tier(entry.tier)), .text(words.list(entry.kind)),
                entry.figures.rank.map(Worksheet.Value.integer) ?? .empty, .text(hall.code), .text(hall.name),
                .integer(entry.figures.total), .integer(entry.figures.online), .percent(entry.figures.ratio),
                entry.figures.target.map { .percent($0.doubleValue) } ?? .empty,
                entry.blackStreak.map(Worksheet.Value.integer) ?? .empty,
            ], highlighted: entry.kind == .black)
        }
        workbook.sheets.append(lists)
        var summary = Worksheet(name: chinese ? "层级汇总" : "Tier summary", header: words.tierSummaryHeader)
        for row in report.tierSummaries {
            summary.append([
                .text(row.period.description), .text(words.tier(row.tier)), .percent(row.target.doubleValue),
                .integer(row.halls), .integer(row.total), .integer(row.online), row.ratio.map(Worksheet.Value.percent) ?? .empty,
                .integer(row.hallsBelowTarget), .integer(row.ranked), row.slopePP.map(Worksheet.Value.decimal) ?? .empty,
                row.trajectory?.monthsToTarget.map(Worksheet.Value.integer) ?? .empty, .text(words.trajectory(row.trajectory)),
                .text(words.provisional(row.provisional)), .text(row.dataCutoff?.description ?? ""),
            ])
        }
        workbook.sheets.append(summary)
        var rejected = Worksheet(name: chinese ? "退件汇总" : "Rejects",
                                 header: chinese ? ["原因", "数据源", "行数"] : ["reason", "source", "rows"])
        let sourceOfFile = Dictionary(files.map { ($0.path, $0.source) }, uniquingKeysWith: { first, _ in first })
        var counts: [String: Int] = [:]
        for reject in rejects { counts["\(reject.reason.rawValue)\t\(sourceOfFile[reject.file] ?? "")", default: 0] += 1 }
        for key in counts.keys.sorted() {
            let parts = key.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            rejected.append([.text(parts[0]), .text(parts.count > 1 ? parts[1] : ""), .integer(counts[key] ?? 0)])
        }
        workbook.sheets.append(rejected)
        do {
            return try workbook.data()
        } catch {
            throw HallRateError(.output, "cannot assemble the workbook: \(error)")
        }
    }

    /// Writes `report_YYYY-MM.xlsx` into `folder` atomically and returns its name.
    func write(_ report: SupervisionReport, period: Period?, rejects: [Reject], files: [FileReport],
               folder: String) throws(HallRateError) -> String {
        let month = period ?? report.latestClosedPeriod ?? report.periods.last ?? Period(index: 0)
        let name = "report_\(month).xlsx"
        try AtomicFile.write(Array(data(report, period: month, rejects: rejects, files: files)), to: folder + "/" + name)
        return name
    }
}
