/// One input file as the store remembers it: what was read, from which bytes, under which mapping.
public struct LedgerEntry: Sendable, Equatable {
    public let path: String
    public let source: String
    public let size: Int
    /// Modification time (seconds since the epoch) when it was read: with `size`, a cheap change test.
    public let modified: Int64
    public let sha256: String
    /// The fingerprint of the source mapping and registry it was read under.
    public let fingerprint: String
    public let status: FileReport.Status
    public let encoding: String?
    public let note: String?
    public let rowsRead: Int
    public let rejected: Int
    /// When it was ingested (ISO 8601, UTC).
    public let ingestedAt: String
}
