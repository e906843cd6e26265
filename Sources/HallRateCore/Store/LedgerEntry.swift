import Foundation

/// One input file as the store remembers it: what was read, from which bytes, under which mapping.
public struct LedgerEntry: Sendable, Equatable {
    public let path: String
    public let source: String
    public let size: Int
    /// Modification time (nanoseconds since the epoch) when it was read: with `size`, a cheap change test.
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

    /// True when the file was modified within two seconds of its ingestion: a change in that window
    /// may not show in size and modification time (coarse clocks), so its content must be compared.
    var isRacy: Bool {
        guard let ingested = ISO8601DateFormatter().date(from: ingestedAt) else { return true }
        return Double(modified) / 1e9 + 2 >= ingested.timeIntervalSince1970
    }
}
