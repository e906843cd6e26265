/// Stage 4d, the time-limit counts (contract rules 19–21): every counted winner judged against its
/// item's deadline (``TimeLimitJudge``) and counted per hall and month of acceptance. Only for a
/// pipeline with an item catalogue. Deadlines are computed once per item and day of acceptance.
final class TimeLimitCounter {
    private let judge: TimeLimitJudge
    /// File position `f`'s item numbers → the catalogue's index of the item, or -1: at `items[start[f]…]`.
    private let items: [Int]
    private let start: [Int]
    private var counts: [HallPeriod: TimeLimitCounts] = [:]
    /// Per hall-month, the catalogue indices of the items handled (for `compression`).
    private var handled: [HallPeriod: Set<Int>] = [:]
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
        if handled[key, default: []].insert(number).inserted, item.unit == .workingDays || item.unit == .naturalDays {
            cell.promisedSum += item.promisedLimit
            cell.legalSum += item.legalLimit
        }
        let accepted =
            row.acceptedDay > 0
            ? CalendarDate(year: key.period.year, month: key.period.month, day: row.acceptedDay) : nil
        let verdict: TimeLimitJudge.Verdict
        do {
            verdict = try judge.judge(item: item, status: row.status, accepted: accepted, completion: row.completion)
        } catch {
            if failure == nil { failure = error }
            cell.untimed += 1
            return
        }
        switch verdict {
        case .uncatalogued: cell.uncatalogued += 1
        case .untimed: cell.untimed += 1
        case .onTime:
            cell.finished += 1
            cell.onTime += 1
        case .late: cell.finished += 1
        case .open(let dueSoon):
            cell.inProgress += 1
            if dueSoon { cell.dueSoon += 1 }
        case .overdue:
            cell.inProgress += 1
            cell.overdueOpen += 1
        }
    }

    /// Adds the counts of another counter made from the same files.
    func absorb(_ other: TimeLimitCounter) {
        for (key, cell) in other.counts {
            var merged = counts[key] ?? TimeLimitCounts()
            let before = handled[key, default: []]
            merged.merge(
                {
                    // Items the other part also handled here count once for compression.
                    var adjusted = cell
                    for number in other.handled[key, default: []] where before.contains(number) {
                        adjusted.promisedSum -= judge.catalogue.items[number].promisedLimit
                        adjusted.legalSum -= judge.catalogue.items[number].legalLimit
                    }
                    return adjusted
                }())
            counts[key] = merged
            handled[key, default: []].formUnion(other.handled[key, default: []])
        }
        if failure == nil { failure = other.failure }
    }

    /// Every hall-month's counts.
    var result: [HallPeriod: TimeLimitCounts] { counts }
}
