/// Stage 4d, the time-limit counts (contract rules 19–21): every counted winner judged against its
/// item's deadline (``TimeLimitJudge``) and counted per hall and month of acceptance. Only for a
/// pipeline with an item catalogue. Deadlines are computed once per item and day of acceptance; the
/// compression figure is summed at the end over the distinct items each hall-month handled.
final class TimeLimitCounter {
    private let judge: TimeLimitJudge
    /// File position `f`'s item numbers → the catalogue's index of the item, or -1: at `items[start[f]…]`.
    private let items: [Int]
    private let start: [Int]
    private var counts: [HallPeriod: TimeLimitCounts] = [:]
    /// Per hall-month, the catalogue indices of the items handled (for `compression`).
    private var handled: [HallPeriod: Set<Int>] = [:]
    /// Deadlines already computed, by day of acceptance × catalogue size + catalogue index.
    private var deadlines: [Int: CalendarDate] = [:]
    /// The exception lists' rows (without their ids: ``Store/transactionIDs(_:)`` finds them), at most
    /// ``TimeLimitException/listLimit``; how many more there were.
    private(set) var exceptions: [TimeLimitException] = []
    private(set) var exceptionsLeftOut = 0
    /// The first calendar error met (a deadline in a year the calendar does not cover).
    private(set) var failure: HallRateError?

    /// - Parameter files: per stored file in path order, its items' (code, name).
    init(files: [[(code: String, name: String)]], judge: TimeLimitJudge) {
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
    }

    /// Counts one winner of registry hall `hall`, stored by file position `file`.
    func add(_ row: CompactTransaction, file: Int, hall: Int) {
        guard row.isCounted else { return }
        let key = HallPeriod(hall: hall, period: Period(index: Int(row.period)))
        let local = Int(row.item)
        let number = local < start[file + 1] - start[file] ? items[start[file] + local] : -1
        var cell = counts[key] ?? TimeLimitCounts()
        cell.counted += 1
        defer { counts[key] = cell }
        guard number >= 0 else {
            cell.uncatalogued += 1
            return
        }
        let item = judge.catalogue.items[number]
        if item.kind == .instant { cell.instant += 1 }
        if item.fullyOnline, row.channel.isOnline { cell.fullyOnlineOnline += 1 }
        handled[key, default: []].insert(number)
        let accepted =
            row.acceptedDay > 0
            ? CalendarDate(year: key.period.year, month: key.period.month, day: row.acceptedDay) : nil
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
                    kind: kind, hall: hall, period: key.period, item: number, accepted: accepted, deadline: deadline,
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
    private func deadline(of item: ItemCatalogue.Item, _ number: Int, acceptedOn day: CalendarDate) throws(HallRateError) -> CalendarDate {
        let memo = day.days * judge.catalogue.items.count + number  // number < count: one key per (day, item)
        if let known = deadlines[memo] { return known }
        let deadline = try judge.deadline(of: item, acceptedOn: day)
        deadlines[memo] = deadline
        return deadline
    }

    /// Adds the counts of another counter made from the same files.
    func absorb(_ other: TimeLimitCounter) {
        counts.merge(other.counts) {
            var sum = $0
            sum.merge($1)
            return sum
        }
        handled.merge(other.handled) { $0.union($1) }
        let room = max(0, TimeLimitException.listLimit - exceptions.count)
        exceptions += other.exceptions.prefix(room)
        exceptionsLeftOut += other.exceptionsLeftOut + max(0, other.exceptions.count - room)
        if failure == nil { failure = other.failure }
    }

    /// Every hall-month's counts, with Σ promised_limit and Σ legal_limit over the distinct items it handled.
    var result: [HallPeriod: TimeLimitCounts] {
        var result = counts
        for (key, numbers) in handled {
            for number in numbers {
                result[key]?.promisedSum += judge.catalogue.items[number].promisedLimit
                result[key]?.legalSum += judge.catalogue.items[number].legalLimit
            }
        }
        return result
    }
}
