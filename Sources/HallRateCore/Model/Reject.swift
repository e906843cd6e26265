/// A row that was refused, with enough to find and fix it.
package struct Reject: Error, Sendable {
    /// Why a row was refused; the raw values are stable and appear in the rejects file.
    package enum Reason: String, CaseIterable, Sendable {
        case fieldCount = "field_count"
        case missingField = "missing_field"
        case unknownHall = "unknown_hall"
        case badDate = "bad_date"
        case unmappedChannel = "unmapped_channel"
        case unmappedStatus = "unmapped_status"
        case recordTooLong = "record_too_long"
        case malformedRecord = "malformed_record"
        case fileRefused = "file_refused"
    }

    package let file: String
    package let line: Int
    package let reason: Reason
    /// A human sentence quoting the offending value.
    package let detail: String
    /// The row as read, re-serialised as CSV, with ID numbers masked; at most ``maxRawBytes`` of it.
    package let raw: String

    /// The longest `raw` kept: a runaway row is cut (and marked) rather than copied into the rejects.
    package static let maxRawBytes = 4096

    /// `raw` cut to ``maxRawBytes`` at a character boundary, marked `…[cut]` when cut.
    package static func capped(_ raw: String) -> String {
        guard raw.utf8.count > maxRawBytes else { return raw }
        let bytes = raw.utf8
        var cut = bytes.index(bytes.startIndex, offsetBy: maxRawBytes)
        while cut > bytes.startIndex, UTF8.isContinuation(bytes[cut]) { cut = bytes.index(before: cut) }
        return String(decoding: bytes[..<cut], as: UTF8.self) + "…[cut]"
    }
}
