/// What happened to one input file in a run; a row of the manifest.
public struct FileReport: Sendable, Encodable {
    public enum Status: String, Sendable, Encodable {
        /// Read to the end.
        case ok
        /// Refused as a whole (undecodable bytes, a runaway field, hostile XML): one row read, one rejected.
        case refused
        /// Not well-formed XML: the records before the damage count, the damage is one reject.
        case damaged
    }

    public let path: String
    public let source: String
    public var sha256: String = ""
    public var bytes: Int = 0
    /// The encoding a CSV file was read in (what `auto` decided, when it was asked to).
    public var encoding: String?
    public var status: Status = .ok
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    /// Why the file was refused or damaged, when it was.
    public var note: String?
    /// True when this run (re)read the file; false when the store already held it unchanged.
    public var readThisRun = true

    enum CodingKeys: String, CodingKey {
        case path, source, sha256, bytes, encoding, status, note
        case rowsRead = "rows_read", accepted, rejected, duplicates, readThisRun = "read_this_run"
    }
}
