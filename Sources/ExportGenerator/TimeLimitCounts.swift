/// The time-limit figures of one hall in one month of acceptance (the README's table, `time_limits.csv`).
/// counted = finished + in_progress + untimed + uncatalogued; finished = on_time + overdue_finished.
struct TimeLimitCounts: Equatable {
    var counted = 0
    var uncatalogued = 0
    var finished = 0
    var onTime = 0
    var overdueFinished = 0
    var inProgress = 0
    var overdueOpen = 0
    var dueSoon = 0
    var untimed = 0

    mutating func add(_ verdict: TimeLimitVerdict) {
        counted += 1
        switch verdict {
        case .uncatalogued: uncatalogued += 1
        case .untimed: untimed += 1
        case .onTime:
            finished += 1
            onTime += 1
        case .late:
            finished += 1
            overdueFinished += 1
        case .open(let soon):
            inProgress += 1
            if soon { dueSoon += 1 }
        case .overdue:
            inProgress += 1
            overdueOpen += 1
        }
    }

    mutating func merge(_ other: TimeLimitCounts) {
        for key in Self.fields { self[keyPath: key] += other[keyPath: key] }
    }

    /// The README's cells, in the order of its header.
    var cells: [Int] { Self.fields.map { self[keyPath: $0] } }
    private static var fields: [WritableKeyPath<TimeLimitCounts, Int>] {
        [
            \.counted, \.uncatalogued, \.finished, \.onTime, \.overdueFinished, \.inProgress, \.overdueOpen, \.dueSoon, \.untimed,
        ]
    }
    static let header = [
        "counted", "uncatalogued", "finished", "on_time", "overdue_finished", "in_progress", "overdue_open", "due_soon", "untimed",
    ]
}
