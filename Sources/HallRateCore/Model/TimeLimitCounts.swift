/// The time-limit figures of one hall in one month of acceptance (contract rule 21), as additive counts
/// over its counted transactions: `finished + inProgress + untimed + uncatalogued = counted`.
package struct TimeLimitCounts: Sendable, Equatable {
    /// The counts inline, in the order of ``subscript(field:)`` (slots 12–15 unused): no heap allocation,
    /// and adding two sets of counts is one vector addition.
    private var slots = SIMD16<Int>()

    /// Counted transactions (withdrawn excluded, rule 4).
    package var counted: Int {
        get { slots[0] }
        set { slots[0] = newValue }
    }
    /// Their item is not in the catalogue (or their source records none).
    package var uncatalogued: Int {
        get { slots[1] }
        set { slots[1] = newValue }
    }
    /// Finished (completed or rejected) with a usable completed_at; of those, by their deadline.
    package var finished: Int {
        get { slots[2] }
        set { slots[2] = newValue }
    }
    package var onTime: Int {
        get { slots[3] }
        set { slots[3] = newValue }
    }
    /// Still in progress; of those, past their deadline as of the run's day (红牌) or due within a day (黄牌).
    package var inProgress: Int {
        get { slots[4] }
        set { slots[4] = newValue }
    }
    package var overdueOpen: Int {
        get { slots[5] }
        set { slots[5] = newValue }
    }
    package var dueSoon: Int {
        get { slots[6] }
        set { slots[6] = newValue }
    }
    /// Finished without a usable completed_at.
    package var untimed: Int {
        get { slots[7] }
        set { slots[7] = newValue }
    }
    /// Catalogued transactions of instant items, and online-handled ones of fully-online items.
    package var instant: Int {
        get { slots[8] }
        set { slots[8] = newValue }
    }
    package var fullyOnlineOnline: Int {
        get { slots[9] }
        set { slots[9] = newValue }
    }
    /// Σ promised_limit and Σ legal_limit over the distinct catalogued items handled (for `compression`).
    package var promisedSum: Int {
        get { slots[10] }
        set { slots[10] = newValue }
    }
    package var legalSum: Int {
        get { slots[11] }
        set { slots[11] = newValue }
    }

    /// How many counts there are: ``subscript(field:)`` takes 0 ..< fieldCount.
    package static let fieldCount = 12

    /// Every count by position, in a fixed order: counted, uncatalogued, finished, onTime, inProgress,
    /// overdueOpen, dueSoon, untimed, instant, fullyOnlineOnline, promisedSum, legalSum — the columns a
    /// publication writes them to (``PostgresSchema/timeLimitColumns``).
    package subscript(field index: Int) -> Int {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    package init() {}

    /// Catalogued transactions.
    package var catalogued: Int { counted - uncatalogued }
    package var overdueFinished: Int { finished - onTime }
    package var reconciles: Bool { finished + inProgress + untimed + uncatalogued == counted }

    package var onTimeRate: Double? { finished > 0 ? Double(onTime) / Double(finished) : nil }
    package var instantShare: Double? { catalogued > 0 ? Double(instant) / Double(catalogued) : nil }
    package var fullyOnlineShare: Double? { catalogued > 0 ? Double(fullyOnlineOnline) / Double(catalogued) : nil }
    /// 1 − Σpromised / Σlegal over the distinct catalogued items (承诺时限压缩率); nil without a legal limit.
    package var compression: Double? { legalSum > 0 ? 1 - Double(promisedSum) / Double(legalSum) : nil }

    /// Adds another hall-month's counts (for a tier total; `promisedSum`/`legalSum` are then per hall-month sums).
    package mutating func merge(_ other: TimeLimitCounts) { slots &+= other.slots }
}
