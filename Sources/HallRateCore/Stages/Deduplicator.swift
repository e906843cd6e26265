/// Stage 3, deduplicate: keeps one winner per `txn_id` (contract rule 3), by its ``TransactionKey``.
///
/// Rows must be added in reading order (files in sorted path order, rows in file order). A newer row
/// replaces the kept one unless both carry `updated_at` and the kept one's is later; losers count as
/// duplicates of the file they were read from.
struct Deduplicator {
    /// The compact winner of one transaction key.
    struct Winner {
        var hall: Int32
        var period: Int32
        var channel: Channel
        var status: Status
        var updatedAt: Int64?
        var file: Int32
    }

    private(set) var winners: [TransactionKey: Winner] = [:]
    /// Duplicates counted per file index.
    private(set) var duplicatesByFile: [Int: Int] = [:]

    /// Adds a transaction read from file number `file`.
    /// - Complexity: O(1) amortised.
    mutating func add(_ transaction: Transaction, file: Int) {
        let candidate = Winner(hall: Int32(transaction.hall), period: Int32(transaction.period.index),
                               channel: transaction.channel, status: transaction.status,
                               updatedAt: transaction.updatedAt?.seconds, file: Int32(file))
        guard let kept = winners[transaction.key] else {
            winners[transaction.key] = candidate
            return
        }
        if let keptTime = kept.updatedAt, let newTime = candidate.updatedAt, keptTime > newTime {
            duplicatesByFile[file, default: 0] += 1
        } else {
            duplicatesByFile[Int(kept.file), default: 0] += 1
            winners[transaction.key] = candidate
        }
    }

    /// The number of winning rows per file index.
    var acceptedByFile: [Int: Int] {
        var counts: [Int: Int] = [:]
        for winner in winners.values { counts[Int(winner.file), default: 0] += 1 }
        return counts
    }
}
