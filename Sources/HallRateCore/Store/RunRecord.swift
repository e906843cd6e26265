/// One run in the store's history, for `hallrate status`.
package struct RunRecord: Sendable {
    package let startedAt: String
    package let seconds: Double
    /// Files known to the store at the end of the run, and how many this run (re)read.
    package let files: Int
    package let filesRead: Int
    package let rowsRead: Int
    package let rejected: Int
    package let exitStatus: Int
    package let note: String?
}
