/// What happened to one input file in a run; a row of the manifest.
package struct FileReport: Sendable, Encodable {
    package enum Status: String, Sendable, Encodable {
        /// Read to the end.
        case ok
        /// Refused as a whole (undecodable bytes, a runaway field, hostile XML): one row read, one rejected.
        case refused
        /// Not well-formed XML: the records before the damage count, the damage is one reject.
        case damaged
    }

    package let path: String
    package let source: String
    package var sha256: String = ""
    package var bytes: Int = 0
    /// The encoding a CSV file was read in (what `auto` decided, when it was asked to).
    package var encoding: String?
    package var status: Status = .ok
    package var rowsRead = 0
    package var accepted = 0
    package var rejected = 0
    package var duplicates = 0
    /// Why the file was refused or damaged, when it was.
    package var note: String?
    /// True when this run (re)read the file; false when the store already held it unchanged.
    package var readThisRun = true

    enum CodingKeys: String, CodingKey {
        case path, source, sha256, bytes, encoding, status, note
        case rowsRead = "rows_read"
        case accepted, rejected, duplicates
        case readThisRun = "read_this_run"
    }
}
