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

    private var kept: Candidate?
    /// Duplicates per file position (winners are the file's counted rows less these).
    private(set) var duplicatesByFile: [Int]

    init(files: Int) {
        duplicatesByFile = [Int](repeating: 0, count: files)
    }

    /// Adds the next row; returns the winner of the previous key when this row starts a new key.
    @inline(__always)
    mutating func add(_ candidate: Candidate) -> Candidate? {
        guard let current = kept, current.row.key == candidate.row.key else {
            defer { kept = candidate }
            return kept
        }
        if current.row.hasUpdate, candidate.row.hasUpdate, current.row.updatedAt > candidate.row.updatedAt {
            duplicatesByFile[candidate.file] += 1
        } else {
            duplicatesByFile[current.file] += 1
            kept = candidate
        }
        return nil
    }

    /// The winner of the last key, once every row was added.
    mutating func finish() -> Candidate? {
        defer { kept = nil }
        return kept
    }

    /// Adds the duplicates found by the (finished) deduplicator of other keys.
    mutating func absorb(_ other: Deduplicator) {
        for (file, count) in other.duplicatesByFile.enumerated() { duplicatesByFile[file] += count }
    }
}
