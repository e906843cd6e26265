/// What contract rules 19–21 (docs/metrics.md) make of one counted transaction, as the generator judges it.
enum TimeLimitVerdict: Equatable {
    /// Its item is not in `catalogue.csv`, or its source does not map item_code.
    case uncatalogued
    /// Completed or rejected without a 办结时间 (the demo's rejected rows).
    case untimed
    case onTime
    /// Finished after the end of its deadline day, by this many days of the item's unit.
    case late(days: Int)
    /// In progress as of the as-of day, deadline not passed; `dueSoon` (黄牌) when at most one day of its unit
    /// is left after the as-of day.
    case open(dueSoon: Bool)
    /// In progress and its deadline day ended before the as-of day (红牌), by this many days of its unit up to
    /// and including the as-of day.
    case overdue(days: Int)

    /// The README's words for it, with the days in `unit` (`工作日` / `自然日`).
    func label(unit: String) -> String {
        switch self {
        case .uncatalogued: return "uncatalogued"
        case .untimed: return "untimed (finished without 办结时间)"
        case .onTime: return "on time"
        case .late(let days): return "late, \(days) \(unit) after the deadline"
        case .open(let dueSoon): return dueSoon ? "in progress, due soon (黄牌)" : "in progress, not yet due"
        case .overdue(let days): return "in progress, overdue (红牌) by \(days) \(unit)"
        }
    }
}
