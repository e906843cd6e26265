/// Stage 7, emit: writes the supervision CSVs of a ``SupervisionReport`` into the output folder.
///
/// Files: `hall_months.csv` (long table), `league/YYYY-MM_<tier>.csv` (one league table per month
/// and tier), `red_black_lists.csv`, `tier_summary.csv`. Each is written atomically.
struct ReportWriter {
    let folder: String
    let output: Pipeline.Output
    /// Called after each file is in place (for the fault-injection test).
    var checkpoint: (String) -> Void = { _ in }

    private var words: Vocabulary { Vocabulary(language: output.language) }

    /// Writes every table and returns the paths written, relative to the output folder.
    func write(_ report: SupervisionReport) throws(HallRateError) -> [String] {
        try AtomicFile.makeDirectory(folder)
        try AtomicFile.makeDirectory(folder + "/league")
        var written: [String] = []
        func emit(_ table: CSVTable, _ name: String) throws(HallRateError) {
            try table.write(to: folder + "/" + name, encoding: output.encoding)
            written.append(name)
            checkpoint(name)
        }
        try emit(hallMonths(report), "hall_months.csv")
        for league in report.leagueTables {
            try emit(table(league, report.registry), "league/\(league.period)_\(league.tier.rawValue).csv")
        }
        try emit(lists(report), "red_black_lists.csv")
        try emit(tierSummary(report), "tier_summary.csv")
        AtomicFile.removeFiles(in: folder + "/league", except: Set(written.map { String($0.dropFirst("league/".count)) }),
                               suffix: ".csv")
        return written
    }

    /// A hall code cell: for Chinese (supervisor) outputs, long digit codes are written so that
    /// Excel keeps them as text instead of showing `5.20502E+11`.
    private func code(_ code: String) -> Cell {
        output.language == .zh && code.count > 11 && code.allSatisfy(\.isASCIIDigit)
            ? .number("=\"\(code)\"") : .text(code)
    }

    func hallMonths(_ report: SupervisionReport) -> CSVTable {
        var table = CSVTable(header: words.hallMonthHeader)
        let registry = report.registry
        let rows = report.hallMonths.sorted { (registry[$0.hall].code, $0.period) < (registry[$1.hall].code, $1.period) }
        for row in rows {
            let hall = registry[row.hall]
            table.append([
                .text(hall.code), .text(hall.name), .text(words.tier(hall.tier)), .text(row.period.description),
                .integer(row.total), .integer(row.online), .decimal(row.ratio, places: 4),
                .decimal(row.wilsonLow, places: 4), .decimal(row.prevRatio, places: 4), .decimal(row.deltaPP, places: 2),
                .decimal(row.ratio3m, places: 4), .decimal(row.slopePP, places: 2), .decimal(row.yoyDeltaPP, places: 2),
                row.rank.map(Cell.integer) ?? .empty, .text(words.flags(row.flags)),
            ])
        }
        return table
    }

    func table(_ league: SupervisionReport.LeagueTable, _ registry: HallRegistry) -> CSVTable {
        var table = CSVTable(header: words.leagueHeader)
        for entry in league.entries {
            let hall = registry[entry.hall]
            let figures = entry.figures
            table.append([
                figures?.rank.map(Cell.integer) ?? .empty, code(hall.code), .text(hall.name),
                figures.map { .integer($0.total) } ?? .empty, figures.map { .integer($0.online) } ?? .empty,
                .decimal(figures?.ratio, places: 4), .decimal(figures?.deltaPP, places: 2),
                .decimal(figures?.slopePP, places: 2), .text(words.flags(entry.flags)),
            ])
        }
        return table
    }

    func lists(_ report: SupervisionReport) -> CSVTable {
        var table = CSVTable(header: words.listHeader)
        for entry in report.lists {
            let hall = report.registry[entry.figures.hall]
            table.append([
                .text(entry.period.description), .text(words.tier(entry.tier)), .text(words.list(entry.kind)),
                entry.figures.rank.map(Cell.integer) ?? .empty, code(hall.code), .text(hall.name),
                .integer(entry.figures.total), .integer(entry.figures.online), .decimal(entry.figures.ratio, places: 4),
                .integer(entry.bottomStreak),
            ])
        }
        return table
    }

    func tierSummary(_ report: SupervisionReport) -> CSVTable {
        var table = CSVTable(header: words.tierSummaryHeader)
        for summary in report.tierSummaries {
            table.append([
                .text(summary.period.description), .text(words.tier(summary.tier)),
                .decimal(summary.target.doubleValue, places: 4), .integer(summary.halls), .integer(summary.total),
                .integer(summary.online), .decimal(summary.ratio, places: 4), .integer(summary.hallsBelowTarget),
            ])
        }
        return table
    }

    /// The rejects file.
    func rejects(_ rejects: [Reject]) -> CSVTable {
        var table = CSVTable(header: words.rejectsHeader)
        for reject in rejects {
            table.append([.text(reject.file), .integer(reject.line), .text(reject.reason.rawValue),
                          .text(reject.detail), .text(reject.raw)])
        }
        return table
    }
}
