import Foundation

/// One input file as the store remembers it: what was read, from which bytes, under which mapping.
package struct LedgerEntry: Sendable, Equatable {
    package let path: String
    package let source: String
    package let size: Int
    /// Modification time (nanoseconds since the epoch) when it was read: with `size`, a cheap change test.
    package let modified: Int64
    package let sha256: String
    /// The fingerprint of the source mapping and registry it was read under.
    package let fingerprint: String
    package let status: FileReport.Status
    package let encoding: String?
    package let note: String?
    package let rowsRead: Int
    package let rejected: Int
    /// When it was ingested (ISO 8601, UTC).
    package let ingestedAt: String

    /// True when the file was modified within two seconds of its ingestion: a change in that window
    /// may not show in size and modification time (coarse clocks), so its content must be compared.
    var isRacy: Bool {
        guard let ingested = LedgerEntry.secondsSince1970(ingestedAt) else { return true }
        return Double(modified) / 1e9 + 2 >= Double(ingested)
    }

    /// Seconds since 1970 of a UTC time written `YYYY-MM-DDTHH:MM:SSZ` (as ``ingestedAt`` is), read
    /// without a date formatter: a nightly run asks it of every file in the store, and creating ICU
    /// formatters cost seconds over 20,000 files.
    static func secondsSince1970(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes[19] == 0x5A
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19),
            let time = LocalTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return Int(time.seconds)  // the fields are UTC, so this counts seconds since 1970-01-01 UTC
    }
}
