/// Stages 3 and 4a over the store: takes the stored rows in merged order, maps each row's hall to
/// the registry, deduplicates (``Deduplicator``) and counts the winners (``Aggregator``), and by item
/// and department (``BreakdownCounter``).
///
/// Rows whose hall left the registry (kept files gone from the inputs) are set aside as orphans:
/// they become rejects, so the reconciliation still holds.
struct StoredRowCounter: MergeableRowConsumer {
    /// Registry index of file `f`'s hall `i` at `hallBase[f] + i` (-1: the hall left the registry).
    private let registryHalls: [Int]
    private let hallBase: [Int]
    private let files: [Store.StoredFile]
    private(set) var deduplicator: Deduplicator
    let aggregator: Aggregator
    let items: BreakdownCounter
    let departments: BreakdownCounter
    /// With an item catalogue: the time-limit counts (rules 19–21).
    let timeLimits: TimeLimitCounter?
    /// ``Tier/index`` per registry hall.
    private let tiers: [Int]
    /// Per file position, the codes of halls that left the registry and their row counts.
    private(set) var orphans: [Int: [String: Int]] = [:]

    init(files: [Store.StoredFile], periods: ClosedRange<Int>?, registry: HallRegistry, timeLimits judge: TimeLimitJudge? = nil) {
        self.files = files
        var registryHalls: [Int] = []
        var hallBase: [Int] = []
        for file in files {
            hallBase.append(registryHalls.count)
            registryHalls += file.hallCodes.map { registry.index(ofCode: $0) ?? -1 }
        }
        hallBase.append(registryHalls.count)
        self.registryHalls = registryHalls
        self.hallBase = hallBase
        deduplicator = Deduplicator(files: files.count)
        aggregator = Aggregator(halls: registry.halls.count, periods: periods)
        items = BreakdownCounter(files: files.map(\.items), periods: periods)
        departments = BreakdownCounter(files: files.map { $0.departments.map { (code: $0, name: "") } }, periods: periods)
        tiers = registry.tierIndices
        timeLimits = judge.map { TimeLimitCounter(files: files.map(\.items), judge: $0, halls: registry.halls.count, periods: periods) }
    }

    /// Counts one winner.
    @inline(__always)
    private static func count(
        _ winner: Deduplicator.Candidate, _ aggregator: Aggregator, _ items: BreakdownCounter, _ departments: BreakdownCounter,
        _ tiers: [Int], _ timeLimits: TimeLimitCounter?
    ) {
        timeLimits?.add(winner.row, file: winner.file, hall: winner.hall)
        aggregator.add(winner.row, hall: winner.hall)
        let tier = tiers[winner.hall]
        items.add(winner.row, local: winner.row.item, file: winner.file, tier: tier)
        departments.add(winner.row, local: winner.row.department, file: winner.file, tier: tier)
    }

    mutating func consume(_ rows: UnsafeBufferPointer<CompactTransaction>, file: Int) {
        let (first, end) = (hallBase[file], hallBase[file + 1])
        let (aggregator, items, departments, tiers, timeLimits) = (aggregator, items, departments, tiers, timeLimits)
        for row in rows {
            let local = Int(row.hall)
            let hall = local < end - first ? registryHalls[first + local] : -1
            guard hall >= 0 else {
                orphan(row, file: file)
                continue
            }
            deduplicator.add(.init(row: row, file: file, hall: hall)) { Self.count($0, aggregator, items, departments, tiers, timeLimits) }
        }
    }

    private mutating func orphan(_ row: CompactTransaction, file: Int) {
        let codes = files[file].hallCodes
        orphans[file, default: [:]][Int(row.hall) < codes.count ? codes[Int(row.hall)] : "?", default: 0] += 1
    }

    /// Counts the last winner; call once, after the last row.
    mutating func finish() {
        if let winner = deduplicator.finish() { Self.count(winner, aggregator, items, departments, tiers, timeLimits) }
    }

    /// Adds the counts, duplicates and orphans of the counter of the next key range.
    mutating func absorb(_ next: StoredRowCounter) {
        aggregator.absorb(next.aggregator)
        items.absorb(next.items)
        departments.absorb(next.departments)
        if let timeLimits, let other = next.timeLimits { timeLimits.absorb(other) }
        deduplicator.absorb(next.deduplicator)
        orphans.merge(next.orphans) { $0.merging($1, uniquingKeysWith: +) }
    }

    /// The winning rows of the file at `file`: its stored rows less its duplicates and orphans.
    func accepted(file: Int) -> Int {
        files[file].chunks.reduce(0) { $0 + $1.count } - deduplicator.duplicatesByFile[file]
            - (orphans[file]?.values.reduce(0, +) ?? 0)
    }
}
