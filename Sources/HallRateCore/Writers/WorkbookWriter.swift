import Foundation

/// Writes the supervisors' workbook (`report_YYYY-MM.xlsx`): a league table per tier for the month,
/// the red and black lists with what they mean, the halls not reporting (未报送), the tier summary over
/// all months, and the rejects by reason and source.
///
/// Codes are text cells (no `5.20502E+11`), ratios are numbers shown as percentages, counts are
/// integers; halls below target are highlighted (fill and bold, so grayscale print keeps them apart),
/// and so is every black list entry, which is always below target. A provisional month's sheets are
/// named so and open with the warning that its figures are provisional and no list is published.
struct WorkbookWriter {
    let output: Pipeline.Output
    private var words: Vocabulary { Vocabulary(language: output.language) }
    private var chinese: Bool { output.language == .zh }

    /// The workbook's bytes for `period` (the report's last month when nil).
    func data(_ report: SupervisionReport, period: Period?, rejects: RejectTally, files: [FileReport]) throws(HallRateError) -> Data {
        var workbook = XLSXWorkbook()
        let month = period ?? report.latestClosedPeriod ?? report.periods.last ?? Period(index: 0)
        let provisional = !report.closing.isClosed(month)
        // Sheet names stay within Excel's 31 characters: `Unreported 2019-11 provisional` is 30.
        let suffix = provisional ? (chinese ? " 临时" : " provisional") : ""
        let cutoff = report.tierSummaries.filter { $0.period == month }.compactMap(\.dataCutoff).max()
        let warning = provisional ? [words.provisionalWarning(cutoff: cutoff)] : []
        for league in report.leagueTables where league.period == month {
            var sheet = Worksheet(name: "\(words.tier(league.tier)) \(month)\(suffix)", header: words.leagueHeader)
            sheet.notes = warning
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
                    .text(words.provisional(provisional)),
                ], highlighted: entry.flags.contains(.belowTarget))
            }
            workbook.sheets.append(sheet)
        }
        workbook.sheets.append(lists(report, month: month, name: (chinese ? "红黑榜 " : "Lists ") + "\(month)\(suffix)", notes: warning))
        workbook.sheets.append(notReporting(report, month: month, name: (chinese ? "未报送 " : "Unreported ") + "\(month)\(suffix)",
                                            notes: warning))
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
        for row in rejects.byReasonAndSource(sourceOfFile) {
            rejected.append([.text(row.reason.rawValue), .text(row.source), .integer(row.count)])
        }
        workbook.sheets.append(rejected)
        do {
            return try workbook.data()
        } catch {
            throw HallRateError(.output, "cannot assemble the workbook: \(error)")
        }
    }

    /// The red and black lists of a closed month, then per tier what each list means or why there is none;
    /// for a provisional month only the statement that no list is published.
    private func lists(_ report: SupervisionReport, month: Period, name: String, notes: [String]) -> Worksheet {
        var sheet = Worksheet(name: name, header: words.listHeader)
        sheet.notes = notes
        let rules = report.rules
        guard report.closing.isClosed(month) else {
            sheet.notes.append(words.listsNotPublished(
                closes: CalendarDate(days: CalendarDate.lastDay(of: month).days + report.closing.closeAfterDays)))
            for tier in Tier.allCases where (1..<rules.listMinRanked).contains(report.registry.indices(of: tier).count) {
                let halls = report.registry.indices(of: tier).count
                sheet.notes.append((chinese ? "【\(words.tier(tier))】" : "[\(words.tier(tier))] ")
                    + words.tierTooSmall(halls: halls, minRanked: rules.listMinRanked))
            }
            return sheet
        }
        for entry in report.lists where entry.period == month {
            let hall = report.registry[entry.figures.hall]
            sheet.append([
                .text(entry.period.description), .text(words.tier(entry.tier)), .text(words.list(entry.kind)),
                entry.figures.rank.map(Worksheet.Value.integer) ?? .empty, .text(hall.code), .text(hall.name),
                .integer(entry.figures.total), .integer(entry.figures.online), .percent(entry.figures.ratio),
                entry.figures.target.map { .percent($0.doubleValue) } ?? .empty,
                entry.blackStreak.map(Worksheet.Value.integer) ?? .empty,
            ], highlighted: entry.kind == .black && entry.figures.flags.contains(.belowTarget))
        }
        for tier in Tier.allCases where !report.registry.indices(of: tier).isEmpty {
            let label = chinese ? "【\(words.tier(tier))】" : "[\(words.tier(tier))] "
            let ranked = report.tierSummaries.first { $0.tier == tier && $0.period == month }?.ranked ?? 0
            let halls = report.registry.indices(of: tier).count
            guard halls >= rules.listMinRanked else {
                sheet.footnotes.append(label + words.tierTooSmall(halls: halls, minRanked: rules.listMinRanked))
                continue
            }
            guard ranked >= rules.listMinRanked else {
                sheet.footnotes.append(label + words.tooFewRanked(rules.listMinRanked))
                continue
            }
            let listed = report.lists.filter { $0.tier == tier && $0.period == month }
            sheet.footnotes.append(label + words.redListMeaning(minVolume: rules.minVolume[tier] ?? 0,
                                                                target: report.targets.target(tier, in: month), size: rules.listSize))
            if !listed.contains(where: { $0.kind == .red }) { sheet.footnotes.append(label + words.noRankedHallMeetsTarget) }
            sheet.footnotes.append(label + words.blackListMeaning(minVolume: rules.minVolume[tier] ?? 0,
                                                                  target: report.targets.target(tier, in: month), size: rules.listSize))
            if !listed.contains(where: { $0.kind == .black }) { sheet.footnotes.append(label + words.everyRankedHallMeetsTarget) }
        }
        return sheet
    }

    /// The halls that reported the month before and not in this closed month (未报送, contract rule 14);
    /// for a provisional month, that they are judged once it closes.
    private func notReporting(_ report: SupervisionReport, month: Period, name: String, notes: [String]) -> Worksheet {
        var sheet = Worksheet(name: name, header: words.notReportingHeader)
        sheet.notes = notes
        if report.closing.isClosed(month) {
            let tiers = report.registry.tierIndices
            let entries = report.notReporting.filter { $0.period == month }
                .sorted { (tiers[$0.hall], $0.hall) < (tiers[$1.hall], $1.hall) }
            for entry in entries {
                let hall = report.registry[entry.hall]
                sheet.append([.text(month.description), .text(words.tier(hall.tier)), .text(hall.code), .text(hall.name),
                              .integer(entry.previous.total), .percent(entry.previous.ratio)])
            }
            if entries.isEmpty {
                sheet.footnotes.append(report.periods.first == month ? words.noMonthBefore : words.everyHallReported)
            }
        } else {
            sheet.notes.append(words.notReportingWhenClosed)
        }
        sheet.footnotes.append(words.notReportingMeaning)
        return sheet
    }

    /// Writes `report_YYYY-MM.xlsx` into `folder` atomically and returns its name.
    func write(_ report: SupervisionReport, period: Period?, rejects: RejectTally, files: [FileReport],
               folder: String) throws(HallRateError) -> String {
        let month = period ?? report.latestClosedPeriod ?? report.periods.last ?? Period(index: 0)
        let name = "report_\(month).xlsx"
        try AtomicFile.write(Array(data(report, period: month, rejects: rejects, files: files)), to: folder + "/" + name)
        return name
    }
}
