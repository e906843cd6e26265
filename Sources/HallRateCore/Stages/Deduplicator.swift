/// Stage 3, deduplicate: keeps one winner per `txn_id` (contract rule 3).
///
/// Rows must come grouped by key and, within a key, in reading order (files in sorted path order,
/// rows in file order): the store's merged order. Within a key, a later row replaces the kept one
/// unless both carry `updated_at` and the kept one's is later. Losers count as duplicates of the
/// file they were read from. Memory does not depend on the number of rows.
struct Deduplicator {
    /// A stored row, with the position of its file and its hall's registry index.
    struct Candidate {
        var row: CompactTransaction
        var file: Int
        var hall: Int
    }

    /// The winner so far of the current key (meaningless while `hasKept` is false: no Optional, so
    /// that the per-row fold copies nothing it does not need).
    private var kept = Candidate(
        row: CompactTransaction(
            key: TransactionKey(rawValue: 0), updatedAt: nil, period: Period(index: 0),
            hall: 0, channel: .window, status: .completed), file: 0, hall: 0)
    private var hasKept = false
    /// Duplicates per file position (winners are the file's counted rows less these).
    private(set) var duplicatesByFile: [Int]

    init(files: Int) {
        duplicatesByFile = [Int](repeating: 0, count: files)
    }

    /// Adds the next row; when it starts a new key, hands the winner of the previous key to `winner`.
    @inline(__always)
    mutating func add(_ candidate: Candidate, winner: (Candidate) -> Void) {
        guard hasKept, kept.row.key == candidate.row.key else {
            if hasKept { winner(kept) }
            kept = candidate
            hasKept = true
            return
        }
        if kept.row.hasUpdate, candidate.row.hasUpdate, kept.row.updatedAt > candidate.row.updatedAt {
            duplicatesByFile[candidate.file] += 1
        } else {
            duplicatesByFile[kept.file] += 1
            kept = candidate
        }
    }

    /// The winner of the last key, once every row was added.
    mutating func finish() -> Candidate? {
        defer { hasKept = false }
        return hasKept ? kept : nil
    }

    /// Adds the duplicates found by the (finished) deduplicator of other keys.
    mutating func absorb(_ other: Deduplicator) {
        for (file, count) in other.duplicatesByFile.enumerated() { duplicatesByFile[file] += count }
    }
}
