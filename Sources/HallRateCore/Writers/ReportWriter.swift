/// Stage 7, emit: writes the supervision CSVs of a ``SupervisionReport`` into the output folder.
///
/// Files: `hall_months.csv` (long table), `league/YYYY-MM_<tier>.csv` (one league table per month
/// and tier), `red_black_lists.csv`, `tier_summary.csv`, `not_reporting.csv`, `township_rollup.csv`. Each is replaced atomically, all of them
/// made durable together.
///
/// Tables are rendered straight into bytes (``CSVBuilder``); the text cells that repeat on many
/// rows (hall codes and names, tiers, months, flags) are rendered once per run.
struct ReportWriter {
    let folder: String
    let output: Pipeline.Output
    /// Called after each file is in place (for the fault-injection test).
    var checkpoint: (String) -> Void = { _ in }

    private var words: Vocabulary { Vocabulary(language: output.language) }

    /// Writes every table and returns the paths written, relative to the output folder.
    func write(_ report: SupervisionReport) throws(HallRateError) -> [String] {
        try commit(try stage(report))
    }

    /// Every table of a report, rendered into temporary files next to the ones they replace: nothing a
    /// reader opens has changed yet (``commit(_:)`` puts them in place, ``StagedTables/discard()`` drops them).
    struct StagedTables {
        /// The tables' paths relative to the output folder, in order.
        let names: [String]
        fileprivate let files: [AtomicFile.Staged]

        func discard() { AtomicFile.discard(files) }
    }

    /// Renders and stages every table (the slow part, run beside the other outputs).
    func stage(_ report: SupervisionReport) throws(HallRateError) -> StagedTables {
        try AtomicFile.makeDirectory(folder)
        try AtomicFile.makeDirectory(folder + "/league")
        // The exception lists' folders only where the lists are written (a federated run's cases stay with its members).
        let listsWritten = report.timeLimits != nil && !report.casesStayWithMembers
        for sub in Breakdown.Dimension.allCases.map(Self.breakdownFolder) + (listsWritten ? Self.exceptionFolders : []) {
            try AtomicFile.makeDirectory(folder + "/" + sub)
        }
        // Each table as a job: its name, and whether it goes with the long table or with the league tables.
        var jobs: [Job] = []
        func emit(_ name: String, withLongTable: Bool = false, _ render: @escaping () -> CSVBuilder) {
            jobs.append(Job(name: name, half: withLongTable ? 0 : 1, render: render))
        }
        let cells = RenderedCells(report, words: words, codes: output.csvCodes, percent: output.percent)
        emit("hall_months.csv", withLongTable: true) { hallMonths(report, cells) }
        for league in report.leagueTables {
            emit("league/\(league.period)_\(league.tier.rawValue).csv") { table(league, report, cells) }
        }
        emit("red_black_lists.csv") { lists(report, cells) }
        emit("tier_summary.csv") { tierSummary(report, cells) }
        emit("not_reporting.csv") { notReporting(report, cells) }
        emit("township_rollup.csv") { townshipRollups(report, cells) }
        let columns = ReportColumns(report: report)
        if let timeLimits = report.timeLimits {
            emit("time_limits.csv", withLongTable: true) {
                // The keys sorted, not the rows: each row carries a hundred bytes of counts.
                let rows = timeLimits.keys.sorted().lazy.map { key in
                    ReportColumns.HallTimeLimits(hall: key.hall, period: key.period, counts: timeLimits[key] ?? TimeLimitCounts())
                }
                return render(columns.timeLimits, rows, cells, bytesPerRow: 144)
            }
        } else {
            AtomicFile.remove(folder + "/time_limits.csv")  // the pipeline no longer has a catalogue
        }
        // One file per dimension and month: the rows come by month already, grouped here in one pass.
        let files = Dictionary(grouping: report.breakdowns) { "\(Self.breakdownFolder($0.dimension))/\($0.period).csv" }
        for (name, rows) in files.sorted(by: { $0.key < $1.key }) {
            emit(name, withLongTable: true) { render(columns.breakdown(rows[0].dimension), rows, cells) }
        }
        if listsWritten {
            // The exception lists, one file per list and month of acceptance (a header alone: none that month).
            // Keyed by month and list (late 0, open 1) without a String per row.
            let lists = Dictionary(grouping: report.exceptions) { $0.period.index * 2 + ($0.kind == .finishedLate ? 0 : 1) }
            for month in report.periods {
                for (list, kind, table) in [
                    (0, TimeLimitException.Kind.finishedLate, columns.overdueFinished), (1, .overdue, columns.overdueOpen),
                ] {
                    emit("\(Self.exceptionFolder(kind))/\(month).csv") { render(table, lists[month.index * 2 + list] ?? [], cells) }
                }
            }
        }
        return StagedTables(names: jobs.map(\.name), files: try stage(jobs))
    }

    /// Puts staged tables in place, removes the tables of months no longer in the data, and returns the
    /// tables' paths relative to the output folder.
    func commit(_ staged: StagedTables) throws(HallRateError) -> [String] {
        let written = staged.names
        try AtomicFile.commit(staged.files)  // one folder flush for all the tables instead of one per file
        for name in written { checkpoint(name) }
        // Left by a run killed while it staged (the run's start cleans only the output folder's top level).
        AtomicFile.removeTemporaryFiles(in: folder, of: Self.tableNames.contains)
        // League tables of months no longer in the range; any other file in league/ is not ours.
        let leagues = Set(written.map { String($0.dropFirst("league/".count)) })
        AtomicFile.removeFiles(in: folder + "/league") { Self.isLeagueName($0) && !leagues.contains($0) }
        AtomicFile.removeTemporaryFiles(in: folder + "/league", of: Self.isLeagueName)
        for sub in Breakdown.Dimension.allCases.map(Self.breakdownFolder) + Self.exceptionFolders {
            let months = Set(written.filter { $0.hasPrefix(sub + "/") }.map { String($0.dropFirst(sub.count + 1)) })
            AtomicFile.removeFiles(in: folder + "/" + sub) { Self.isMonthName($0) && !months.contains($0) }
            AtomicFile.removeTemporaryFiles(in: folder + "/" + sub, of: Self.isMonthName)
        }
        return written
    }

    /// A table to render and stage: its name in the output folder, and the half of the tables it is written with.
    private struct Job {
        let name: String
        let half: Int
        let render: () -> CSVBuilder
    }

    /// Renders and stages the tables, in two halves at the same time (a province's tables are hundreds of
    /// megabytes): the long table, the time limits and the breakdowns in one, the league tables and the rest in
    /// the other. Returns the staged files in the jobs' order; on a failure none is left staged.
    private func stage(_ jobs: [Job]) throws(HallRateError) -> [AtomicFile.Staged] {
        let halves = Concurrently.map([0, 1]) { half -> Result<[(job: Int, file: AtomicFile.Staged?)], HallRateError> in
            var done: [(job: Int, file: AtomicFile.Staged?)] = []
            for (index, job) in jobs.enumerated() where job.half == half {
                do throws(HallRateError) {
                    done.append((index, try job.render().stage(to: folder + "/" + job.name, encoding: output.encoding)))
                } catch {
                    AtomicFile.discard(done.compactMap(\.file))
                    return .failure(error)
                }
            }
            return .success(done)
        }
        var staged: [(job: Int, file: AtomicFile.Staged?)] = []
        var failure: HallRateError?
        for half in halves {
            switch half {
            case .success(let done): staged += done
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure {
            AtomicFile.discard(staged.compactMap(\.file))
            throw failure
        }
        return staged.sorted { $0.job < $1.job }.compactMap(\.file)
    }

    /// The folder of a breakdown's monthly tables: `items`, `departments`.
    static func breakdownFolder(_ dimension: Breakdown.Dimension) -> String {
        dimension == .item ? "items" : "departments"
    }

    /// The folder of an exception list's monthly tables: `overdue_finished` (超期办结), `overdue_open`
    /// (在办超期, 红牌 and 黄牌).
    static func exceptionFolder(_ kind: TimeLimitException.Kind) -> String {
        kind == .finishedLate ? "overdue_finished" : "overdue_open"
    }

    static let exceptionFolders = ["overdue_finished", "overdue_open"]

    /// True for a name this writer gives a month's breakdown: `YYYY-MM.csv`.
    static func isMonthName(_ name: String) -> Bool {
        name.hasSuffix(".csv") && Period(String(name.dropLast(4))) != nil
    }

    /// The CSV tables at the top of the output folder.
    static let tableNames: Set<String> = [
        "hall_months.csv", "red_black_lists.csv", "tier_summary.csv", "not_reporting.csv",
        "township_rollup.csv", "time_limits.csv", "rejects.csv",
    ]

    /// True for a name this writer gives a league table: `YYYY-MM_<tier>.csv`.
    static func isLeagueName(_ name: String) -> Bool {
        guard name.hasSuffix(".csv"), name.count > 12 else { return false }
        let stem = name.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_"), Period(String(stem[..<underscore])) != nil else { return false }
        return Tier(rawValue: String(stem[stem.index(after: underscore)...])) != nil
    }

    /// True for a name of an output this tool writes at the top of the output folder.
    static func isOutputName(_ name: String) -> Bool {
        tableNames.contains(name) || name == "manifest.json" || ReportFiles.parse(name) != nil
    }

    /// A hall code cell, written the same way in every CSV so that they join: with `csv_codes: excel`
    /// a code of digits is `="<code>"`, which Excel and WPS keep as text (no `5.20502E+11`, no lost
    /// leading zero); any other code, and every code with `plain`, is text as it is.
    static func code(_ code: String, style: Pipeline.Output.CSVCodes) -> Cell {
        style == .excel && !code.isEmpty && code.allSatisfy(\.isASCIIDigit) ? .number("=\"\(code)\"") : .text(code)
    }

    /// The text cells every table repeats, rendered once.
    struct RenderedCells {
        /// Per registry hall: its code cell (``ReportWriter/code(_:style:)``), its name, and for a village the
        /// name of its township (所属乡镇; empty otherwise).
        let code: [[UInt8]]
        let township: [[UInt8]]
        let name: [[UInt8]]
        /// Per ``Tier/index``.
        let tier: [[UInt8]]
        let red: [UInt8]
        let black: [UInt8]
        /// Per `HallFlags.rawValue` 0…31.
        let flagCells: [[UInt8]]
        /// ``Vocabulary/provisional(_:)`` of false and true.
        let provisionalCells: [[UInt8]]
        let words: Vocabulary
        /// How months are written: `="2019-11"` for Excel, which would otherwise make the month a date.
        let monthsAsExcelText: Bool
        /// Ratios as percentages (`59.60%`) instead of fractions (`0.5960`).
        let percent: Bool
        /// How codes other than halls' are written.
        let codeStyle: Pipeline.Output.CSVCodes

        init(_ report: SupervisionReport, words: Vocabulary, codes: Pipeline.Output.CSVCodes, percent: Bool = false) {
            let halls = report.registry.halls
            code = halls.map {
                var bytes: [UInt8] = []
                ReportWriter.code($0.code, style: codes).append(to: &bytes)
                return bytes
            }
            monthsAsExcelText = codes == .excel
            codeStyle = codes
            self.percent = percent
            name = halls.map { CSVBuilder.rendered(text: $0.name) }
            township = halls.indices.map { hall in
                report.registry.township(of: hall).map { CSVBuilder.rendered(text: report.registry[$0].name) } ?? []
            }
            tier = Tier.allCases.map { CSVBuilder.rendered(text: words.tier($0)) }
            red = CSVBuilder.rendered(text: words.list(.red))
            black = CSVBuilder.rendered(text: words.list(.black))
            flagCells = (0..<32).map { CSVBuilder.rendered(text: words.flags(HallFlags(rawValue: $0))) }
            provisionalCells = [false, true].map { CSVBuilder.rendered(text: words.provisional($0)) }
            self.words = words
        }

        func provisional(_ provisional: Bool) -> [UInt8] { provisionalCells[provisional ? 1 : 0] }

        func flags(_ flags: HallFlags) -> [UInt8] {
            flags.rawValue >= 0 && flags.rawValue < flagCells.count
                ? flagCells[flags.rawValue] : CSVBuilder.rendered(text: words.flags(flags))
        }
    }

    /// A month cell, `YYYY-MM` as ``Period/description`` writes it, or `="YYYY-MM"` for Excel.
    private static func period(_ period: Period, into table: inout CSVBuilder, _ cells: RenderedCells) {
        let (year, month) = (period.year, period.month)
        guard period.index >= 0, year <= 9999 else { return table.text(period.description) }
        let excel = cells.monthsAsExcelText
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { text in
            var at = 0
            func put(_ byte: UInt8) {
                text[at] = byte
                at += 1
            }
            if excel {
                put(0x3D)
                put(0x22)
            }
            put(0x30 &+ UInt8(year / 1000))
            put(0x30 &+ UInt8(year / 100 % 10))
            put(0x30 &+ UInt8(year / 10 % 10))
            put(0x30 &+ UInt8(year % 10))
            put(0x2D)
            put(0x30 &+ UInt8(month / 10))
            put(0x30 &+ UInt8(month % 10))
            if excel { put(0x22) }
            table.rendered(UnsafeBufferPointer(rebasing: text[..<at]))
        }
    }

    /// A ratio cell: four decimals (`0.5960`), or with `output.percent` the same digits as a percentage
    /// (`59.60%`, which Excel reads as the number 0.596 shown as a percentage); empty for nil.
    private static func ratio(_ value: Double?, into table: inout CSVBuilder, _ cells: RenderedCells) {
        guard cells.percent else { return table.decimal(value, places: 4) }
        guard let value, value.isFinite else { return table.empty() }
        table.rendered(Array((DecimalFormatter.percentDigits(value) + "%").utf8))
    }

    /// A table of `rows` as `columns` declares it.
    /// - Parameter bytesPerRow: a guess of a rendered row's size, to allocate once: rather too large (pages
    ///   never written cost nothing) than too small (the table is copied into twice the memory).
    private func render<TableRow>(
        _ columns: ReportTable<TableRow>, _ rows: some Collection<TableRow>, _ cells: RenderedCells, bytesPerRow: Int = 96
    ) -> CSVBuilder {
        var table = CSVBuilder(header: columns.header(output.language), capacity: rows.count * bytesPerRow)
        // The closures alone: a column's header strings would be retained and released at every cell.
        let values = columns.columns.map(\.value)
        values.withUnsafeBufferPointer { values in
            for row in rows {
                for value in values { Self.render(value(row), into: &table, cells) }
                table.endRow()
            }
        }
        return table
    }

    /// One cell; hall, tier, flag and status cells are the bytes ``RenderedCells`` rendered once.
    private static func render(_ value: ReportValue, into table: inout CSVBuilder, _ cells: RenderedCells) {
        switch value {
        case .integer(let value): table.integer(value)
        case .ratio(let value): ratio(value, into: &table, cells)
        case .points(let value): table.decimal(value, places: 2)
        case .text(let text): table.text(text)
        case .month(let month): period(month, into: &table, cells)
        case .day(let day): table.text(day?.description ?? "")
        case .hallCode(let hall): table.rendered(cells.code[hall])
        case .code(let code): table.cell(ReportWriter.code(code, style: cells.codeStyle))
        case .hallName(let hall): table.rendered(cells.name[hall])
        case .township(let hall): table.rendered(cells.township[hall])
        case .tier(let tier): table.rendered(cells.tier[tier.index])
        case .flags(let flags): table.rendered(cells.flags(flags))
        case .provisional(let provisional): table.rendered(cells.provisional(provisional))
        case .list(let kind): table.rendered(kind == .red ? cells.red : cells.black)
        case .trajectory(let trajectory): table.text(cells.words.trajectory(trajectory))
        case .words(let en, let zh): table.text(cells.words.language == .en ? en : zh)
        }
    }

    /// The long table, by hall code then month (registry indices follow code order; the rows usually come sorted).
    func hallMonths(_ report: SupervisionReport, _ cells: RenderedCells) -> CSVBuilder {
        let rows = report.hallMonths
        return render(
            ReportColumns(report: report).hallMonths, HallMonth.hallThenMonthOrder(rows).lazy.map { rows[$0] }, cells,
            bytesPerRow: 192)
    }

    func table(_ league: SupervisionReport.LeagueTable, _ report: SupervisionReport, _ cells: RenderedCells) -> CSVBuilder {
        render(ReportColumns(report: report).league(league), league.entries, cells, bytesPerRow: 160)
    }

    func lists(_ report: SupervisionReport, _ cells: RenderedCells) -> CSVBuilder {
        render(ReportColumns(report: report).lists, report.lists, cells)
    }

    func tierSummary(_ report: SupervisionReport, _ cells: RenderedCells) -> CSVBuilder {
        render(ReportColumns(report: report).tierSummary, report.tierSummaries, cells)
    }

    /// Halls that reported in the month before and not in a closed month (未报送, contract rule 14).
    func notReporting(_ report: SupervisionReport, _ cells: RenderedCells) -> CSVBuilder {
        render(ReportColumns(report: report).notReporting, report.notReporting, cells)
    }

    /// The township roll-up (乡镇统筹, contract rule 16): by month, then league order.
    func townshipRollups(_ report: SupervisionReport, _ cells: RenderedCells) -> CSVBuilder {
        render(ReportColumns(report: report).townshipRollups, report.townshipRollups, cells)
    }

    /// The rejects file, every reject in memory (for tests and small sets).
    func rejects(_ rejects: [Reject]) -> CSVBuilder {
        var table = CSVBuilder(header: words.rejectsHeader)
        for reject in rejects { Self.append(reject, to: &table, words) }
        return table
    }

    /// Writes `rejects.csv` from the store's rejects, then `extra`, streaming a batch of rows at a time,
    /// so memory does not grow with the number of rejects; the file is left alone when unchanged.
    func writeRejects(from store: Store, extra: [Reject], to path: String) throws(HallRateError) {
        let file = try AtomicFileStream(path: path)
        var batch = CSVBuilder(header: words.rejectsHeader, capacity: 1 << 16)
        var rows = 0
        func add(_ reject: Reject) throws(HallRateError) {
            Self.append(reject, to: &batch, words)
            rows += 1
            if rows % 4096 == 0 {
                try file.write(batch.bytes(output.encoding))
                batch = CSVBuilder(continuingWithCapacity: 1 << 20)
            }
        }
        try store.forEachReject { reject in try add(reject) }
        for reject in extra { try add(reject) }
        if !batch.isEmpty || rows == 0 { try file.write(batch.bytes(output.encoding)) }
        if let staged = file.finish() { try AtomicFile.commit([staged]) }
    }

    /// One reject: in Chinese the reason and what to check are in Chinese, and the reason's code follows
    /// in a last column 原因代码, for programs; in English the code is the reason.
    private static func append(_ reject: Reject, to table: inout CSVBuilder, _ words: Vocabulary) {
        table.text(reject.file)
        table.integer(reject.line)
        table.text(words.reason(reject.reason))
        table.text(words.rejectDetail(reject.reason, detail: reject.detail))
        table.text(reject.raw)
        if words.language == .zh { table.text(reject.reason.rawValue) }
        table.endRow()
    }
}
