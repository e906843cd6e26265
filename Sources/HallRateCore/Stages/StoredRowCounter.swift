/// Stages 3 and 4a over the store: takes the stored rows in merged order, maps each row's hall to
/// the registry, deduplicates (``Deduplicator``) and counts the winners (``Aggregator``).
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
    /// Per file position, the codes of halls that left the registry and their row counts.
    private(set) var orphans: [Int: [String: Int]] = [:]

    init(files: [Store.StoredFile], periods: ClosedRange<Int>?, registry: HallRegistry) {
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
    }

    mutating func consume(_ rows: UnsafeBufferPointer<CompactTransaction>, file: Int) {
        let (first, end) = (hallBase[file], hallBase[file + 1])
        let aggregator = aggregator
        for row in rows {
            let local = Int(row.hall)
            let hall = local < end - first ? registryHalls[first + local] : -1
            guard hall >= 0 else {
                orphan(row, file: file)
                continue
            }
            deduplicator.add(.init(row: row, file: file, hall: hall)) { aggregator.add($0.row, hall: $0.hall) }
        }
    }

    private mutating func orphan(_ row: CompactTransaction, file: Int) {
        let codes = files[file].hallCodes
        orphans[file, default: [:]][Int(row.hall) < codes.count ? codes[Int(row.hall)] : "?", default: 0] += 1
    }

    /// Counts the last winner; call once, after the last row.
    mutating func finish() {
        if let winner = deduplicator.finish() { aggregator.add(winner.row, hall: winner.hall) }
    }

    /// Adds the counts, duplicates and orphans of the counter of the next key range.
    mutating func absorb(_ next: StoredRowCounter) {
        aggregator.absorb(next.aggregator)
        deduplicator.absorb(next.deduplicator)
        orphans.merge(next.orphans) { $0.merging($1, uniquingKeysWith: +) }
    }

    /// The winning rows of the file at `file`: its stored rows less its duplicates and orphans.
    func accepted(file: Int) -> Int {
        files[file].chunks.reduce(0) { $0 + $1.count } - deduplicator.duplicatesByFile[file]
            - (orphans[file]?.values.reduce(0, +) ?? 0)
    }
}
