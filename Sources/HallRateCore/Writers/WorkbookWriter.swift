import Foundation

/// Writes the supervisors' workbook (`report_YYYY-MM.xlsx`): a league table per tier for the month,
/// the red and black lists with what they mean, the halls not reporting (未报送), a 12-month history
/// per tier, the tier summary over all months, and the rows refused by data validation by reason and
/// source (数据校验异常汇总).
///
/// Codes are text cells (no `5.20502E+11`), ratios are numbers shown as percentages and stored rounded
/// to the 4 decimals the CSV tables print (one rounding, ``DecimalFormatter``, for every output),
/// counts are integers, months are dates shown as `2019年4月`. Each meaning has its own fill (red list,
/// black list, below target, no data), always with its word in the marks column, so grayscale print
/// keeps it; a legend under each table explains every fill. Every sheet prints landscape on A4, one
/// page wide, the header row repeated and the sheet's name as the page's title. A provisional month's
/// sheets are named so and open with the warning that its figures are provisional and no list is
/// published.
struct WorkbookWriter {
    let output: Pipeline.Output
    private var words: Vocabulary { Vocabulary(language: output.language) }
    private var sheetWords: WorkbookWords { WorkbookWords(language: output.language) }
    private var chinese: Bool { output.language == .zh }

    /// `value` rounded to `places` decimals exactly as the CSV tables print it, so that a cell, the CSV
    /// and the HTML report agree to the last digit.
    static func rounded(_ value: Double, places: Int) -> Double { DecimalFormatter.rounded(value, places: places) }

    /// A ratio as the workbook stores it: rounded to 4 decimals, shown as `0.00%`.
    private static func percent(_ ratio: Double) -> Worksheet.Value { .percent(rounded(ratio, places: 4)) }

    /// Percentage points as the workbook stores them: rounded to 2 decimals.
    private static func points(_ value: Double?, signed: Bool = true) -> Worksheet.Value {
        guard let value else { return .empty }
        let kept = rounded(value, places: 2)
        return signed ? .signedDecimal(kept) : .decimal(kept)
    }

    /// A cell of a table declared in ``ReportColumns``, as the workbook shows it.
    private func cell(_ value: ReportValue, _ report: SupervisionReport) -> Worksheet.Value {
        let registry = report.registry
        switch value {
        case .integer(let value): return value.map(Worksheet.Value.integer) ?? .empty
        case .ratio(let value): return value.map(WorkbookWriter.percent) ?? .empty
        case .points(let value): return WorkbookWriter.points(value, signed: false)
        case .text(let text): return .text(text)
        case .month(let month): return .month(month)
        case .day(let day): return day.map(Worksheet.Value.day) ?? .empty
        case .hallCode(let hall): return .text(registry[hall].code)
        case .code(let code): return .text(code)
        case .hallName(let hall): return .text(registry[hall].name)
        case .township(let hall): return .text(registry.township(of: hall).map { registry[$0].name } ?? "")
        case .tier(let tier): return .text(words.tier(tier))
        case .flags(let flags): return .text(words.flags(flags))
        case .provisional(let provisional): return .text(words.provisional(provisional))
        case .list(let kind): return .text(words.list(kind))
        case .trajectory(let trajectory): return .text(words.trajectory(trajectory))
        case .words(let en, let zh): return .text(output.language == .en ? en : zh)
        }
    }

    /// A sheet of `rows` with `columns` (declared with their headers), each row filled as `emphasis` says.
    private func sheet<TableRow>(
        _ name: String, _ columns: [SheetColumn<TableRow>], _ rows: some Sequence<TableRow>,
        emphasis: (TableRow) -> Worksheet.Emphasis
    ) -> Worksheet {
        var sheet = Worksheet(name: name, header: columns.map { sheetWords.wrapped($0.header(output.language)) })
        for row in rows { sheet.append(columns.map { $0.value(row) }, emphasis: emphasis(row)) }
        return sheet
    }

    /// A sheet of `rows` with the columns of `table`, headers broken before their unit.
    private func sheet<TableRow>(
        _ name: String, _ table: ReportTable<TableRow>, _ rows: some Sequence<TableRow>, _ report: SupervisionReport
    ) -> Worksheet {
        var sheet = Worksheet(name: name, header: table.header(output.language).map(sheetWords.wrapped))
        for row in rows { sheet.append(table.columns.map { cell($0.value(row), report) }) }
        return sheet
    }

    /// ratio − target in percentage points, from the ratio and the target as the CSV prints them
    /// (4 decimals): what 距目标 says for every hall with figures.
    static func gapPP(ratio: Double, target: Fraction?) -> Double? {
        guard let target else { return nil }
        return rounded(DecimalFormatter.gapPoints(ratio, target: target.doubleValue), places: 2)
    }

    /// The workbook's bytes for `period` (the report's last month when nil).
    func data(_ report: SupervisionReport, period: Period?, rejects: RejectTally, files: [FileReport]) throws(HallRateError) -> Data {
        var workbook = XLSXWorkbook()
        workbook.monthFormat = sheetWords.monthFormat
        workbook.dayFormat = sheetWords.dayFormat
        workbook.pageFooter = sheetWords.pageFooter
        let month = period ?? report.latestClosedPeriod ?? report.periods.last ?? Period(index: 0)
        let provisional = !report.closing.isClosed(month)
        let cutoff = report.tierSummaries.filter { $0.period == month }.compactMap(\.dataCutoff).max()
        let warning =
            provisional
            ? [
                words.provisionalWarning(
                    cutoff: cutoff, ended: report.closing.hasEnded(month), closes: report.closing.closingDay(of: month))
            ]
            : []
        for league in report.leagueTables where league.period == month {
            workbook.sheets.append(leagueSheet(league, report, provisional: provisional, notes: warning))
        }
        workbook.sheets.append(
            lists(
                report, month: month, name: sheetWords.listsSheet(month, provisional: provisional),
                notes: warning))
        workbook.sheets.append(
            notReporting(
                report, month: month,
                name: sheetWords.notReportingSheet(month, provisional: provisional), notes: warning))
        if report.townshipRollups.contains(where: { $0.period == month }) {
            workbook.sheets.append(
                townshipRollups(
                    report, month: month,
                    name: sheetWords.townshipRollupSheet(month, provisional: provisional), notes: warning))
        }
        if report.timeLimits != nil && !report.casesStayWithMembers {
            workbook.sheets += exceptionLists(report, month: month, provisional: provisional, notes: warning)
        }
        workbook.sheets += history(report, month: month, notes: warning)
        workbook.sheets.append(tierSummary(report))
        workbook.sheets.append(rejected(rejects, files: files, keptByMembers: report.casesStayWithMembers))
        do {
            return try workbook.data()
        } catch {
            throw HallRateError(.output, "cannot assemble the workbook: \(error)")
        }
    }

    /// A tier's league table for the month: figures, target and 距目标, the marks (list, 未报送,
    /// flags) in words and as the row's fill, then what 距目标 means and the legend.
    private func leagueSheet(
        _ league: SupervisionReport.LeagueTable, _ report: SupervisionReport, provisional: Bool,
        notes: [String]
    ) -> Worksheet {
        let month = league.period
        let target = report.targets.target(league.tier, in: month)
        var listed: [Int: SupervisionReport.ListKind] = [:]
        for entry in report.lists where entry.period == month && entry.tier == league.tier { listed[entry.figures.hall] = entry.kind }
        let silent = Set(report.notReporting.filter { $0.period == month }.map(\.hall))
        let metric = report.metric.words
        let registry = report.registry
        typealias Cell = SheetColumn<SupervisionReport.LeagueEntry>
        let columns: [Cell] = [
            Cell("rank", "排名") { $0.figures?.rank.map(Worksheet.Value.integer) ?? .empty },
            Cell("hall_code", "大厅编码") { .text(registry[$0.hall].code) },
            Cell("hall_name", "大厅名称") { .text(registry[$0.hall].name) },
            Cell(metric.denominatorColumn, metric.denominator) { $0.figures.map { .integer($0.denominator) } ?? .empty },
            Cell(metric.numeratorColumn, metric.numerator) { $0.figures.map { .integer($0.numerator) } ?? .empty },
            Cell("ratio", metric.ratio) { $0.figures.map { WorkbookWriter.percent($0.ratio) } ?? .empty },
            Cell("target", "目标") { _ in target.map { WorkbookWriter.percent($0.doubleValue) } ?? .empty },
            Cell("gap_pp", "距目标(百分点)") {
                WorkbookWriter.points($0.figures.flatMap { WorkbookWriter.gapPP(ratio: $0.ratio, target: target) })
            },
            Cell("lists_flags", "榜单/标记") {
                .text(sheetWords.marks(list: listed[$0.hall], notReporting: silent.contains($0.hall), flags: $0.flags))
            },
            Cell("prev_rank", "上月排名") { $0.figures?.prevRank.map(Worksheet.Value.integer) ?? .empty },
            Cell("rank_change", "名次变化") { $0.figures?.rankChange.map(Worksheet.Value.signedInteger) ?? .empty },
            Cell("delta_pp", "环比变化(百分点)") { WorkbookWriter.points($0.figures?.deltaPP) },
            Cell("yoy_delta_pp", "同比变化(百分点)") { WorkbookWriter.points($0.figures?.yoyDeltaPP) },
            Cell("slope_pp", "趋势斜率(百分点/月)") { WorkbookWriter.points($0.figures?.slopePP, signed: false) },
            Cell("provisional", "数据状态") { _ in .text(words.provisional(provisional)) },
        ]
        var sheet = sheet(sheetWords.leagueSheet(league.tier, month, provisional: provisional), columns, league.entries) { entry in
            switch listed[entry.hall] {
            case .black: return .blackList
            case .red: return .redList
            case nil:
                return entry.flags.contains(.belowTarget)
                    ? .belowTarget : !entry.flags.isDisjoint(with: [.noData, .noFigure]) ? .noData : .plain
            }
        }
        sheet.notes = notes
        sheet.footnotes.append(sheetWords.gapMeaning(target: target))
        sheet.legendTitle = sheetWords.legendTitle
        sheet.legend =
            (notes.isEmpty ? [] : [sheetWords.warningLegend])
            + sheetWords.leagueLegend(minVolume: report.rules.minVolume[league.tier] ?? 0)
        return sheet
    }

    /// The red and black lists of a closed month, then per tier what each list means or why there is none;
    /// for a provisional month only the statement that no list is published.
    private func lists(_ report: SupervisionReport, month: Period, name: String, notes: [String]) -> Worksheet {
        let metric = report.metric.words
        let registry = report.registry
        typealias Cell = SheetColumn<SupervisionReport.ListEntry>
        let columns: [Cell] = [
            Cell("period", "月份") { .month($0.period) },
            Cell("tier", "层级") { .text(words.tier($0.tier)) },
            Cell("list", "榜单") { .text(words.list($0.kind)) },
            Cell("rank", "排名") { $0.figures.rank.map(Worksheet.Value.integer) ?? .empty },
            Cell("hall_code", "大厅编码") { .text(registry[$0.figures.hall].code) },
            Cell("hall_name", "大厅名称") { .text(registry[$0.figures.hall].name) },
            Cell(metric.denominatorColumn, metric.denominator) { .integer($0.figures.denominator) },
            Cell(metric.numeratorColumn, metric.numerator) { .integer($0.figures.numerator) },
            Cell("ratio", metric.ratio) { WorkbookWriter.percent($0.figures.ratio) },
            Cell("target", "目标") { $0.figures.target.map { WorkbookWriter.percent($0.doubleValue) } ?? .empty },
            Cell("gap_pp", "距目标(百分点)") { WorkbookWriter.points(WorkbookWriter.gapPP(ratio: $0.figures.ratio, target: $0.figures.target)) },
            Cell("black_streak", "连续上黑榜月数") { $0.blackStreak.map(Worksheet.Value.integer) ?? .empty },
        ]
        let published = report.closing.isClosed(month) ? report.lists.filter { $0.period == month } : []
        var sheet = sheet(name, columns, published) { $0.kind == .black ? .blackList : .redList }
        sheet.notes = notes
        sheet.legendTitle = sheetWords.legendTitle
        let rules = report.rules
        guard report.closing.isClosed(month) else {
            sheet.notes.append(
                words.listsNotPublished(
                    closes: report.closing.closingDay(of: month),
                    ended: report.closing.hasEnded(month)))
            for tier in Tier.allCases where (1..<rules.listMinRanked).contains(report.registry.indices(of: tier).count) {
                let halls = report.registry.indices(of: tier).count
                sheet.notes.append(
                    (chinese ? "【\(words.tier(tier))】" : "[\(words.tier(tier))] ")
                        + words.tierTooSmall(halls: halls, minRanked: rules.listMinRanked))
            }
            sheet.legend = [sheetWords.warningLegend]
            return sheet
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
            sheet.footnotes.append(
                label
                    + words.redListMeaning(
                        minVolume: rules.minVolume[tier] ?? 0,
                        target: report.targets.target(tier, in: month), size: rules.listSize))
            if !listed.contains(where: { $0.kind == .red }) { sheet.footnotes.append(label + words.noRankedHallMeetsTarget) }
            sheet.footnotes.append(
                label
                    + words.blackListMeaning(
                        minVolume: rules.minVolume[tier] ?? 0,
                        target: report.targets.target(tier, in: month), size: rules.listSize))
            if !listed.contains(where: { $0.kind == .black }) { sheet.footnotes.append(label + words.everyRankedHallMeetsTarget) }
        }
        sheet.legend = sheetWords.listsLegend
        return sheet
    }

    /// The halls that reported the month before and not in this closed month (未报送, contract rule 14);
    /// for a provisional month, that they are judged once it closes.
    private func notReporting(_ report: SupervisionReport, month: Period, name: String, notes: [String]) -> Worksheet {
        let tiers = report.registry.tierIndices
        let entries =
            report.closing.isClosed(month)
            ? report.notReporting.filter { $0.period == month }.sorted { (tiers[$0.hall], $0.hall) < (tiers[$1.hall], $1.hall) } : []
        var sheet = sheet(name, ReportColumns(report: report).notReporting, entries, report)
        sheet.notes = notes
        if report.closing.isClosed(month) {
            if entries.isEmpty {
                sheet.footnotes.append(report.periods.first == month ? words.noMonthBefore : words.everyHallReported)
            }
        } else {
            sheet.notes.append(words.notReportingWhenClosed)
        }
        sheet.footnotes.append(words.notReportingMeaning)
        if !notes.isEmpty {
            sheet.legendTitle = sheetWords.legendTitle
            sheet.legend = [sheetWords.warningLegend]
        }
        return sheet
    }

    /// The rows an exception sheet shows at most: the CSV has them all.
    static let maxListRows = 50_000

    /// 超期办结 and 在办超期 (红牌, 黄牌) of the month (rule 21), as the CSVs of `overdue_finished/` and `overdue_open/`.
    private func exceptionLists(_ report: SupervisionReport, month: Period, provisional: Bool, notes: [String]) -> [Worksheet] {
        let columns = ReportColumns(report: report)
        let rows = report.exceptions.filter { $0.period == month }
        let late = rows.filter { $0.kind == .finishedLate }
        let open = rows.filter { $0.kind != .finishedLate }
        return [
            (
                sheetWords.overdueFinishedSheet(month, provisional: provisional), columns.overdueFinished, late,
                words.overdueFinishedMeaning,
                TimeLimitException.Kind.finishedLate
            ),
            (
                sheetWords.overdueOpenSheet(month, provisional: provisional), columns.overdueOpen, open,
                words.overdueOpenMeaning(asOf: report.closing.asOf), .overdue
            ),
        ].map { name, table, rows, meaning, kind in
            var sheet = sheet(name, table, rows.prefix(Self.maxListRows), report)
            sheet.notes = notes
            if rows.count > Self.maxListRows {
                sheet.notes.append(
                    words.listCut(shown: Self.maxListRows, of: rows.count, file: "\(ReportWriter.exceptionFolder(kind))/\(month).csv"))
            }
            sheet.footnotes.append(meaning)
            if !notes.isEmpty {
                sheet.legendTitle = sheetWords.legendTitle
                sheet.legend = [sheetWords.warningLegend]
            }
            return sheet
        }
    }

    /// 乡镇统筹 (contract rule 16): the townships of the month, each with its villages, in league order.
    private func townshipRollups(_ report: SupervisionReport, month: Period, name: String, notes: [String]) -> Worksheet {
        var sheet = sheet(
            name, ReportColumns(report: report).townshipRollups, report.townshipRollups.lazy.filter { $0.period == month }, report)
        sheet.notes = notes
        sheet.footnotes.append(words.townshipRollupMeaning(minVolume: report.rules.minVolume[.township] ?? 0))
        if !notes.isEmpty {
            sheet.legendTitle = sheetWords.legendTitle
            sheet.legend = [sheetWords.warningLegend]
        }
        return sheet
    }

    /// One sheet per tier with halls: each hall's online rate in the 12 months up to `month` (empty
    /// when it had no data), a month below its target filled, and the tier's target of `month`.
    ///
    /// - Complexity: O(n) in the report's hall-months, plus O(halls × 12).
    private func history(_ report: SupervisionReport, month: Period, notes: [String]) -> [Worksheet] {
        let months = (0..<12).map { month.advanced(by: $0 - 11) }
        let figures = HallMonthIndex(report.hallMonths, periods: months, hallCount: report.registry.halls.count)
        let provisional = !report.closing.isClosed(month)
        var sheets: [Worksheet] = []
        for tier in Tier.allCases {
            let halls = report.registry.indices(of: tier)
            guard !halls.isEmpty else { continue }
            var sheet = Worksheet(
                name: sheetWords.historySheet(tier, provisional: provisional),
                header: sheetWords.historyHeader(months, isClosed: report.closing.isClosed))
            sheet.notes = notes
            let target = report.targets.target(tier, in: month)
            for index in halls {
                let hall = report.registry[index]
                var cells = [
                    Worksheet.Cell(value: .text(hall.code), emphasis: .plain),
                    Worksheet.Cell(value: .text(hall.name), emphasis: .plain),
                ]
                for period in months {
                    guard let row = figures.row(hall: index, period: period).map({ report.hallMonths[$0] }) else {
                        cells.append(Worksheet.Cell(value: .empty, emphasis: .plain))
                        continue
                    }
                    cells.append(
                        Worksheet.Cell(
                            value: WorkbookWriter.percent(row.ratio),
                            emphasis: row.flags.contains(.belowTarget) ? .belowTarget : .plain))
                }
                cells.append(Worksheet.Cell(value: target.map { WorkbookWriter.percent($0.doubleValue) } ?? .empty, emphasis: .plain))
                sheet.append(cells: cells)
            }
            sheet.footnotes.append(sheetWords.historyMeaning)
            sheet.legendTitle = sheetWords.legendTitle
            sheet.legend = (notes.isEmpty ? [] : [sheetWords.warningLegend]) + sheetWords.historyLegend
            sheets.append(sheet)
        }
        return sheets
    }

    /// The tier summary over every month.
    private func tierSummary(_ report: SupervisionReport) -> Worksheet {
        sheet(sheetWords.tierSummarySheet, ReportColumns(report: report).tierSummary, report.tierSummaries, report)
    }

    /// The rows refused by data validation (not 退件: nothing was returned to an applicant), by reason
    /// in words and as its code, and by source.
    private func rejected(_ rejects: RejectTally, files: [FileReport], keptByMembers: Bool) -> Worksheet {
        var sheet = Worksheet(name: sheetWords.rejectsSheet, header: sheetWords.rejectsHeader)
        let sourceOfFile = Dictionary(files.map { ($0.path, $0.source) }, uniquingKeysWith: { first, _ in first })
        let rows = rejects.byReasonAndSource(sourceOfFile)
        for row in rows {
            sheet.append([.text(words.reason(row.reason)), .text(row.reason.rawValue), .text(row.source), .integer(row.count)])
        }
        // A federated run's rows are with the counties: its own rejects.csv is empty, so it points there instead.
        if keptByMembers {
            sheet.footnotes.append(sheetWords.rejectsKeptByMembers)
        } else {
            if rows.isEmpty { sheet.footnotes.append(sheetWords.noRejects) }
            sheet.footnotes.append(sheetWords.rejectsMeaning)
        }
        return sheet
    }
}
