/// The time-limit figures of one hall in one month of acceptance (contract rule 21), as additive counts
/// over its counted transactions: `finished + inProgress + untimed + uncatalogued = counted`.
package struct TimeLimitCounts: Sendable, Equatable {
    /// Counted transactions (withdrawn excluded, rule 4).
    package var counted = 0
    /// Their item is not in the catalogue (or their source records none).
    package var uncatalogued = 0
    /// Finished (completed or rejected) with a usable completed_at; of those, by their deadline.
    package var finished = 0
    package var onTime = 0
    /// Still in progress; of those, past their deadline as of the run's day (红牌) or due within a day (黄牌).
    package var inProgress = 0
    package var overdueOpen = 0
    package var dueSoon = 0
    /// Finished without a usable completed_at.
    package var untimed = 0
    /// Catalogued transactions of instant items, and online-handled ones of fully-online items.
    package var instant = 0
    package var fullyOnlineOnline = 0
    /// Σ promised_limit and Σ legal_limit over the distinct catalogued items handled (for `compression`).
    package var promisedSum = 0
    package var legalSum = 0

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

    /// Every count, in a fixed order: for adding two sets of counts field by field, and the columns a
    /// publication writes them to (``PostgresSchema/timeLimitColumns``).
    package static let fields: [WritableKeyPath<TimeLimitCounts, Int> & Sendable] = [
        \.counted, \.uncatalogued, \.finished, \.onTime, \.inProgress, \.overdueOpen, \.dueSoon, \.untimed, \.instant,
        \.fullyOnlineOnline, \.promisedSum, \.legalSum,
    ]

    /// Adds another hall-month's counts (for a tier total; `promisedSum`/`legalSum` are then per hall-month sums).
    package mutating func merge(_ other: TimeLimitCounts) {
        for field in Self.fields { self[keyPath: field] += other[keyPath: field] }
    }
}
