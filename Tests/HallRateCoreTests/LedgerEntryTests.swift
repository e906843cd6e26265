import Foundation
import Testing

@testable import HallRateCore

/// The ledger's ingestion times are read without a date formatter (a nightly run reads one per file);
/// the reading must agree with Foundation's ISO 8601 parser, its oracle.
@Suite struct LedgerEntryTests {
    @Test(arguments: ["2026-12-06T02:28:07Z", "1970-01-01T00:00:00Z", "2019-02-28T23:59:59Z", "2024-02-29T12:00:00Z"])
    func ingestionTimesReadAsFoundationReadsThem(text: String) throws {
        let expected = try #require(ISO8601DateFormatter().date(from: text)).timeIntervalSince1970
        #expect(LedgerEntry.secondsSince1970(text).map(Double.init) == expected)
    }

    @Test(arguments: ["", "2026-12-06 02:28:07", "2026-13-06T02:28:07Z", "2026-02-30T00:00:00Z", "2026-12-06T02:28:07+08:00"])
    func anythingElseIsNotATime(text: String) {
        #expect(LedgerEntry.secondsSince1970(text) == nil)
    }
}

/// The path order's memcmp fast path against its definition, byte order of UTF-8.
@Suite struct PathOrderTests {
    @Test func theFastPathOrdersAsTheUTF8BytesDo() {
        var generator = SplitMix64(seed: 7)
        let alphabet = ["a", "b", "/", "-", "_", "甲", "乙", "é", "0", "Z", ""]
        let paths = (0..<400).map { _ in (0..<Int(generator.next() % 6)).map { _ in generator.pick(alphabet) }.joined() }
        for a in paths.prefix(60) {
            for b in paths {
                #expect(PathOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
            }
        }
        // A bridged or substring-made string without contiguous storage takes the slow path, same answer.
        #expect(PathOrder.precedes(String(Substring("ab")), "abc"))
    }
}
