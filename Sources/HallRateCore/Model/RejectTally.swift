/// How many rejects each file has, by reason: what the summary, the manifest and the workbook need,
/// without holding the rejects themselves (a store can hold millions; ``Store/forEachReject(_:)``
/// streams them into `rejects.csv`).
package struct RejectTally: Sendable {
    /// One file's rejects of one reason.
    package struct Count: Sendable, Equatable {
        package let file: String
        package let reason: Reject.Reason
        package let count: Int
    }

    /// By file (in the store's path order), then reason.
    package var counts: [Count]
    /// Rejects made by this run rather than stored (rows of files gone from the inputs whose hall left
    /// the registry); they follow the stored ones in `rejects.csv`.
    package var extra: [Reject]

    /// Every reject's count by reason, the extra ones included.
    package var byReason: [Reject.Reason: Int] {
        var totals: [Reject.Reason: Int] = [:]
        for count in counts { totals[count.reason, default: 0] += count.count }
        for reject in extra { totals[reject.reason, default: 0] += 1 }
        return totals
    }

    /// Counts by reason and by the source of each file (`sourceOf` maps a file to its source).
    package func byReasonAndSource(_ sourceOf: [String: String]) -> [(reason: Reject.Reason, source: String, count: Int)] {
        var totals: [String: (Reject.Reason, String, Int)] = [:]
        func add(_ reason: Reject.Reason, _ file: String, _ count: Int) {
            let source = sourceOf[file] ?? ""
            let key = reason.rawValue + "\t" + source
            totals[key] = (reason, source, (totals[key]?.2 ?? 0) + count)
        }
        for count in counts { add(count.reason, count.file, count.count) }
        for reject in extra { add(reject.reason, reject.file, 1) }
        return totals.keys.sorted().compactMap { totals[$0] }.map { (reason: $0.0, source: $0.1, count: $0.2) }
    }
}
