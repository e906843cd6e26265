/// One run in the store's history, for `hallrate status`.
public struct RunRecord: Sendable {
    public let startedAt: String
    public let seconds: Double
    /// Files known to the store at the end of the run, and how many this run (re)read.
    public let files: Int
    public let filesRead: Int
    public let rowsRead: Int
    public let rejected: Int
    public let exitStatus: Int
    public let note: String?
}
