/// Stage 4d, the time-limit counts (contract rules 19–21): every counted winner judged against its
/// item's deadline (``TimeLimitJudge``) and counted per hall and month of acceptance. Only for a
/// pipeline with an item catalogue. Deadlines are computed once per item and day of acceptance; the
/// compression figure is summed at the end over the distinct items each hall-month handled.
final class TimeLimitCounter {
    private let judge: TimeLimitJudge
    /// The catalogue's items' terms, by catalogue index.
    private let terms: [ItemCatalogue.Terms]
    /// File position `f`'s item numbers → the catalogue's index of the item, or -1: at `items[start[f]…]`.
    private let items: [Int]
    private let start: [Int]
    /// The counts, like ``Aggregator``'s: in flat tables by hall × month when the months span a sane range
    /// (no hashing per row) — the counts, a bit per item handled (for `compression`) and each deadline by
    /// day of acceptance × item — in dictionaries otherwise (the path every row took before the tables;
    /// the tables are checked by the demo's independent ground truth and by the benchmark against DuckDB,
    /// the dictionaries against the tables by `TimeLimitTests.aRegistryTooLargeForTheFlatTablesCountsTheSame`).
    private let firstPeriod: Int
    private let periods: Int
    private var dense: [TimeLimitCounts]
    /// 64-bit words of item bits per dense cell (0: the items handled go to `sparseHandled`).
    private let words: Int
    private var denseHandled: [UInt64]
    private var sparse: [HallPeriod: TimeLimitCounts] = [:]
    private var sparseHandled: [HallPeriod: Set<Int>] = [:]
    /// Deadlines already computed: by (day of acceptance − `firstDay`) × catalogue size + catalogue index,
    /// as ``CalendarDate/days`` (`Int32.min`: not yet); beyond that table, by day × size + index.
    private let firstDay: Int
    private var denseDeadlines: [Int32]
    private var deadlines: [Int: CalendarDate] = [:]
    /// The exception lists' rows (without their ids: ``Store/transactionIDs(_:)`` finds them), at most
    /// ``TimeLimitException/listLimit``; how many more there were.
    private(set) var exceptions: [TimeLimitException] = []
    private(set) var exceptionsLeftOut = 0
    /// The first calendar error met (a deadline in a year the calendar does not cover).
    private(set) var failure: HallRateError?

    /// The largest flat tables: cells of counts (96 bytes each), words of item bits, deadlines (4 bytes).
    static let maxDenseCells = 1 << 18
    static let maxDenseWords = 1 << 21
    static let maxDenseDeadlines = 1 << 22

    /// - Parameters:
    ///   - files: per stored file in path order, its items' (code, name).
    ///   - halls: the registry's size; `periods`: the months the winners fall in (nil when there are none).
    init(files: [[(code: String, name: String)]], judge: TimeLimitJudge, halls: Int, periods: ClosedRange<Int>?) {
        self.judge = judge
        var items: [Int] = []
        var start: [Int] = []
        let index = Dictionary(judge.catalogue.items.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            start.append(items.count)
            items += file.map { index[$0.code] ?? -1 }
        }
        start.append(items.count)
        self.items = items
        self.start = start
        terms = judge.catalogue.items.map(\.terms)
        firstPeriod = periods?.lowerBound ?? 0
        let span = periods.map { $0.upperBound - $0.lowerBound + 1 } ?? 0
        let cells = halls.multipliedReportingOverflow(by: span)
        self.periods = span > 0 && !cells.overflow && cells.partialValue <= Self.maxDenseCells ? span : 0
        self.dense = Array(repeating: TimeLimitCounts(), count: self.periods > 0 ? cells.partialValue : 0)
        let words = (terms.count + 63) / 64
        self.words = self.periods > 0 && words > 0 && cells.partialValue * words <= Self.maxDenseWords ? words : 0
        denseHandled = Array(repeating: 0, count: self.periods > 0 ? cells.partialValue * self.words : 0)
        firstDay = CalendarDate.lastDay(of: Period(index: firstPeriod - 1)).days + 1
        let days = span * 31
        let memo = days.multipliedReportingOverflow(by: max(1, terms.count))
        denseDeadlines = Array(
            repeating: Int32.min,
            count: span > 0 && !memo.overflow && memo.partialValue <= Self.maxDenseDeadlines ? memo.partialValue : 0)
    }

    /// Counts one winner of registry hall `hall`, stored by file position `file`.
    func add(_ row: CompactTransaction, file: Int, hall: Int) {
        guard row.isCounted else { return }
        let local = Int(row.item)
        let number = local < start[file + 1] - start[file] ? items[start[file] + local] : -1
        let period = Period(index: Int(row.period))
        let offset = Int(row.period) - firstPeriod
        if periods > 0, offset >= 0, offset < periods {
            let cell = hall * periods + offset
            if number >= 0 {
                if words > 0 {
                    denseHandled[cell * words + number >> 6] |= 1 << UInt64(number & 63)
                } else {
                    sparseHandled[HallPeriod(hall: hall, period: period), default: []].insert(number)
                }
            }
            count(row, file: file, hall: hall, period: period, number: number, into: &dense[cell])
        } else {
            let key = HallPeriod(hall: hall, period: period)
            if number >= 0 { sparseHandled[key, default: []].insert(number) }
            count(row, file: file, hall: hall, period: period, number: number, into: &sparse[key, default: TimeLimitCounts()])
        }
    }

    /// Judges one counted winner of item `number` (-1: uncatalogued) into its hall-month's `cell`, and
    /// lists it when late, overdue or due soon.
    private func count(
        _ row: CompactTransaction, file: Int, hall: Int, period: Period, number: Int, into cell: inout TimeLimitCounts
    ) {
        cell.counted += 1
        guard number >= 0 else {
            cell.uncatalogued += 1
            return
        }
        let item = terms[number]
        if item.kind == .instant { cell.instant += 1 }
        if item.fullyOnline, row.channel.isOnline { cell.fullyOnlineOnline += 1 }
        let accepted = row.acceptedDay > 0 ? CalendarDate(year: period.year, month: period.month, day: row.acceptedDay) : nil
        let verdict: TimeLimitJudge.Verdict
        do {
            verdict = try judge.judge(item: item, status: row.status, accepted: accepted, completion: row.completion) {
                item, day throws(HallRateError) in try self.deadline(of: item, number, acceptedOn: day)
            }
        } catch {
            if failure == nil { failure = error }
            cell.untimed += 1
            return
        }
        func list(_ kind: TimeLimitException.Kind, days: Int) {
            guard exceptions.count < TimeLimitException.listLimit else {
                exceptionsLeftOut += 1
                return
            }
            guard let accepted, let deadline = try? deadline(of: item, number, acceptedOn: accepted) else { return }
            // Due soon: its deadline is the run's day (0 days left) or the next day of its unit (1).
            let days = kind == .dueSoon ? (deadline == judge.asOf ? 0 : 1) : days
            var minute: Int32?
            if case .at(let at) = row.completion { minute = at }
            exceptions.append(
                TimeLimitException(
                    kind: kind, hall: hall, period: period, item: number, accepted: accepted, deadline: deadline,
                    completedMinute: minute, days: days, file: file, key: row.key))
        }
        switch verdict {
        case .uncatalogued: cell.uncatalogued += 1
        case .untimed: cell.untimed += 1
        case .onTime:
            cell.finished += 1
            cell.onTime += 1
        case .late(let days):
            cell.finished += 1
            list(.finishedLate, days: days)
        case .open(let dueSoon):
            cell.inProgress += 1
            if dueSoon {
                cell.dueSoon += 1
                list(.dueSoon, days: 0)  // the days left are the list's to work out from the deadline
            }
        case .overdue(let days):
            cell.inProgress += 1
            cell.overdueOpen += 1
            list(.overdue, days: days)
        }
    }

    /// ``TimeLimitJudge/deadline(of:acceptedOn:)``, computed once per item (catalogue index `number`) and day.
    private func deadline(of item: ItemCatalogue.Terms, _ number: Int, acceptedOn day: CalendarDate) throws(HallRateError) -> CalendarDate {
        let slot = (day.days - firstDay) * terms.count + number
        if slot >= 0, slot < denseDeadlines.count {
            if denseDeadlines[slot] != Int32.min { return CalendarDate(days: Int(denseDeadlines[slot])) }
            let deadline = try judge.deadline(of: item, acceptedOn: day)
            denseDeadlines[slot] = Int32(truncatingIfNeeded: deadline.days)
            return deadline
        }
        let memo = day.days * terms.count + number  // number < count: one key per (day, item)
        if let known = deadlines[memo] { return known }
        let deadline = try judge.deadline(of: item, acceptedOn: day)
        deadlines[memo] = deadline
        return deadline
    }

    /// Adds the counts of another counter made from the same files, halls and months.
    func absorb(_ other: TimeLimitCounter) {
        precondition(
            other.periods == periods && other.firstPeriod == firstPeriod && other.words == words && other.dense.count == dense.count,
            "time-limit counters of different shapes")
        for i in dense.indices { dense[i].merge(other.dense[i]) }
        for i in denseHandled.indices { denseHandled[i] |= other.denseHandled[i] }
        sparse.merge(other.sparse) {
            var sum = $0
            sum.merge($1)
            return sum
        }
        sparseHandled.merge(other.sparseHandled) { $0.union($1) }
        let room = max(0, TimeLimitException.listLimit - exceptions.count)
        exceptions += other.exceptions.prefix(room)
        exceptionsLeftOut += other.exceptionsLeftOut + max(0, other.exceptions.count - room)
        if failure == nil { failure = other.failure }
    }

    /// Hands the exception rows over, leaving none here: up to a million rows are not copied.
    func takeExceptions() -> [TimeLimitException] {
        defer { exceptions = [] }
        return exceptions
    }

    /// Every hall-month's counts, with Σ promised_limit and Σ legal_limit over the distinct items it handled.
    var result: [HallPeriod: TimeLimitCounts] {
        var result = sparse
        if periods > 0 {
            for cell in dense.indices where dense[cell].counted > 0 {
                let key = HallPeriod(hall: cell / periods, period: Period(index: firstPeriod + cell % periods))
                var counts = dense[cell]
                for word in 0..<words {
                    var bits = denseHandled[cell * words + word]
                    while bits != 0 {
                        let number = word * 64 + bits.trailingZeroBitCount
                        counts.promisedSum += terms[number].promisedLimit
                        counts.legalSum += terms[number].legalLimit
                        bits &= bits - 1
                    }
                }
                result[key] = counts
            }
        }
        for (key, numbers) in sparseHandled {
            for number in numbers {
                result[key]?.promisedSum += terms[number].promisedLimit
                result[key]?.legalSum += terms[number].legalLimit
            }
        }
        return result
    }
}
