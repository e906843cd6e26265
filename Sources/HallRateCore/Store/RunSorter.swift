import Dispatch

/// Sorts a file's full runs on a thread of its own, so that mapping goes on while a run is sorted.
///
/// One run at a time: ``startSorting(_:capacity:)`` takes the full run (and gives back an empty
/// buffer to fill next), ``withSortedRun(_:)`` waits for it and lends it, sorted, to be stored. Without it, the
/// mapping thread stopped for each run of 2M rows (about 0.2 s), and the reading thread soon after.
/// Memory: the run being sorted and, while it is sorted, the sort's scratch buffer, each as large as a run.
final class RunSorter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "hallrate.run-sorter")
    private let group = DispatchGroup()
    // Between startSorting and the end of the wait in withSortedRun, only the sorting closure
    // touches these; the group orders its accesses before the owner's.
    private var run: [CompactTransaction] = []
    /// Whether a run was handed over and not yet taken back (the owner's thread only).
    private(set) var hasRun = false

    /// Starts sorting `rows` in the background; `rows` becomes an empty buffer with room for `capacity` rows.
    /// - Precondition: the previous run was taken back with ``withSortedRun(_:)``.
    func startSorting(_ rows: inout [CompactTransaction], capacity: Int) {
        precondition(!hasRun, "one run at a time")
        swap(&rows, &run)
        rows.removeAll(keepingCapacity: true)
        rows.reserveCapacity(capacity)
        hasRun = true
        group.enter()
        queue.async { [self] in
            KeySorter.sort(&run)
            group.leave()
        }
    }

    /// Whether the run handed over is sorted, without waiting.
    var isSorted: Bool { hasRun && group.wait(timeout: .now()) == .success }

    /// Waits until the run handed over is sorted and lends it to `body`.
    /// - Precondition: a run was handed over (``hasRun``).
    func withSortedRun<T>(_ body: ([CompactTransaction]) throws -> T) rethrows -> T {
        precondition(hasRun, "no run handed over")
        group.wait()
        hasRun = false
        return try body(run)
    }
}
