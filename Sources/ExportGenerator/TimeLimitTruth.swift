/// The time-limit figures (contract rules 19–21) a correct pipeline must reproduce for the district hall, the only
/// hall whose export records item_code: computed from the genuine transactions in their final state (like
/// ``GroundTruth``), with the generator's own calendar (``WorkingDayTable``), never with hallrate's code.
///
/// - deadline: an instant item's is its day of acceptance; a promised item's is the `promisedLimit`-th working day
///   after the day of acceptance (that day does not count), or in natural days that day + `promisedLimit`;
/// - a completed transaction is on time when the calendar day of its 办结时间 is at most its deadline, else late;
///   a rejected one carries no 办结时间 in the demo and is untimed;
/// - in progress as of ``asOf``: overdue (红牌) when the deadline is before it, due soon (黄牌) when at most one day
///   of the item's unit is left after it; withdrawn ones count nowhere.
struct TimeLimitTruth {
    /// The day the figures are taken on: 2019-12-06, a Friday (`--as-of 2019-12-06`).
    static let asOf = Stamp.daysFromCivil(year: 2019, month: 12, day: 6)

    /// A worked example of the README: what it shows and the transaction chosen for it.
    struct Example {
        let title: String
        let judged: TimeLimitCase
    }

    let hall: HallRecord
    /// `counts[t]` for month `t` of acceptance.
    let counts: [TimeLimitCounts]
    /// Every counted transaction of the hall, by id.
    let cases: [TimeLimitCase]
    let examples: [Example]

    init(exports: [TierExport], months: [Month]) throws {
        guard let district = exports.first(where: { $0.layout == .district }), let hall = district.transactions.first?.hall else {
            throw GeneratorError("no district transactions to judge")
        }
        self.hall = hall
        var counts = Array(repeating: TimeLimitCounts(), count: months.count)
        var cases: [TimeLimitCase] = []
        for txn in district.transactions where txn.hall.code == hall.code && txn.status.counts {
            let judged = try Self.judge(txn)
            counts[txn.period].add(judged.verdict)
            cases.append(judged)
        }
        cases.sort { $0.txn.id < $1.txn.id }
        self.counts = counts
        self.cases = cases
        examples = try Self.examples(cases)
    }

    static func judge(_ txn: Transaction) throws -> TimeLimitCase {
        guard let terms = txn.item?.terms else { return TimeLimitCase(txn: txn, deadline: nil, verdict: .uncatalogued) }
        let accepted = txn.accepted.dayNumber
        let deadline: Int
        switch (terms.kind, terms.unit) {
        case (.instant, _): deadline = accepted
        case (.promised, .workingDays): deadline = try WorkingDayTable.workingDay(terms.promisedLimit, after: accepted)
        case (.promised, .naturalDays): deadline = accepted + terms.promisedLimit
        }
        func days(after start: Int, through end: Int) throws -> Int {
            terms.unit == .naturalDays ? max(0, end - start) : try WorkingDayTable.workingDays(after: start, through: end)
        }
        let verdict: TimeLimitVerdict
        switch txn.status {
        case .done:
            // The district export writes 办结时间 for 办结 rows only.
            guard let finished = txn.finished else {
                verdict = .untimed
                break
            }
            let day = finished.dayNumber
            verdict = day <= deadline ? .onTime : .late(days: try days(after: deadline, through: day))
        case .rejected:
            verdict = .untimed
        case .inProgress:
            if deadline < asOf {
                verdict = .overdue(days: try days(after: deadline, through: asOf))
            } else {
                verdict = .open(dueSoon: try days(after: asOf, through: deadline) <= 1)
            }
        case .withdrawn:
            verdict = .uncatalogued  // never asked: withdrawn transactions are not counted
        }
        return TimeLimitCase(txn: txn, deadline: deadline, verdict: verdict)
    }

    /// The README's worked examples, each the first matching transaction by id.
    private static func examples(_ cases: [TimeLimitCase]) throws -> [Example] {
        func day(_ month: Int, _ day: Int) -> Int { Stamp.daysFromCivil(year: 2019, month: month, day: day) }
        func promisedInWorkingDays(_ c: TimeLimitCase) -> Bool { c.terms?.kind == .promised && c.terms?.unit == .workingDays }
        func first(_ title: String, _ matches: (TimeLimitCase) -> Bool) throws -> Example {
            // A completed one where there is one, so that the example has a verdict on its 办结时间.
            guard let found = cases.first(where: { $0.txn.status == .done && matches($0) }) ?? cases.first(where: matches) else {
                throw GeneratorError("no transaction for the worked example \"\(title)\"")
            }
            return Example(title: title, judged: found)
        }
        return [
            try first("accepted just before 春节 2019: the make-up weekend 2–3 Feb counts, 4–10 Feb does not") { c in
                let accepted = c.txn.accepted.dayNumber
                return promisedInWorkingDays(c) && accepted >= day(1, 31) && accepted <= day(2, 1) && (c.deadline ?? 0) >= day(2, 11)
            },
            try first("accepted before 国庆 2019: 1–7 Oct do not count, the make-up Saturday 12 Oct does") { c in
                let accepted = c.txn.accepted.dayNumber
                return promisedInWorkingDays(c) && accepted >= day(9, 26) && accepted < day(10, 1) && (c.deadline ?? 0) >= day(10, 12)
            },
            try first("an instant item (即办件) finished on a later working day") { c in
                guard c.terms?.kind == .instant, case .late(let days) = c.verdict else { return false }
                return days >= 1
            },
            try first("a rejected transaction (不予受理): no 办结时间") { c in
                c.terms != nil && c.txn.status == .rejected
            },
            try first("in progress, due soon (黄牌) as of 2019-12-06") { c in
                c.verdict == .open(dueSoon: true)
            },
        ]
    }
}
