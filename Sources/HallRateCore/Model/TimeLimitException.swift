/// One row of the exception lists for supervisors (contract rule 21, issue 14): a transaction finished
/// after its deadline (超期办结), or still open as of the run's day and past its deadline (在办超期, 红牌)
/// or due on it or the next day of its item's unit (临近期限, 黄牌).
package struct TimeLimitException: Sendable, Equatable {
    package enum Kind: Sendable, Equatable, Comparable {
        case finishedLate
        /// 红牌.
        case overdue
        /// 黄牌.
        case dueSoon
    }

    /// The most rows the exception lists keep in one run (about 100 bytes each): the counts stay exact
    /// beyond, and the run says how many cases the lists leave out.
    package static let listLimit = 1_000_000

    package let kind: Kind
    /// Registry index of the hall, and the month of acceptance.
    package let hall: Int
    package let period: Period
    /// Index of the item in the catalogue.
    package let item: Int
    package let accepted: CalendarDate
    /// The last day of the item's time limit.
    package let deadline: CalendarDate
    /// `completed_at` to the minute (``LocalTime`` / 60), for a finished transaction.
    package let completedMinute: Int32?
    /// Days late (finished), overdue up to the run's day (红牌), or left after the run's day (黄牌: 0 or 1),
    /// in the item's unit.
    package let days: Int
    /// Where its id is kept: the stored file (position in path order) and the key.
    package let file: Int
    package let key: UInt64
    /// The id as the store keeps it (masked where it looks like an ID number); nil when the file it
    /// came from was stored before ids were kept and is gone from the inputs.
    package var txnID: String?

    /// The order of a list: most days first, then by hall, day of acceptance and id.
    package static func precedes(_ a: TimeLimitException, _ b: TimeLimitException) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.days != b.days { return a.kind == .dueSoon ? a.days < b.days : a.days > b.days }
        if a.hall != b.hall { return a.hall < b.hall }
        if a.accepted != b.accepted { return a.accepted < b.accepted }
        return (a.txnID ?? "", a.key) < (b.txnID ?? "", b.key)
    }
}
