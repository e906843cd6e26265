import Testing

@testable import HallRateCore

/// The stored row is the struct's raw memory (``CompactTransaction/byteCount`` bytes a row in the
/// store's chunks): its size, its fields' offsets and its bytes are pinned, so that a reordered field or
/// a new one cannot silently reinterpret every store already written.
@Suite struct CompactTransactionLayoutTests {
    @Test func theRowIs24BytesWithItsFieldsWhereTheStoreExpectsThem() {
        #expect(MemoryLayout<CompactTransaction>.size == CompactTransaction.byteCount)
        #expect(MemoryLayout<CompactTransaction>.stride == CompactTransaction.byteCount)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.key) == 0)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.updatedAt) == 8)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.period) == 16)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.hall) == 20)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.kind) == 22)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.day) == 23)
    }

    @Test func aRowsBytesAreLittleEndianFieldsInOrder() {
        let row = CompactTransaction(
            key: TransactionKey(rawValue: 0x0102_0304_0506_0708), updatedAt: LocalTime(seconds: 0x1122_3344),
            period: Period(index: 0x0A0B), day: 17, hall: 0x0C0D, channel: .mobile, status: .rejected)
        let bytes = withUnsafeBytes(of: row) { Array($0) }
        #expect(
            bytes == [
                0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,  // key
                0x44, 0x33, 0x22, 0x11, 0x00, 0x00, 0x00, 0x00,  // updated_at, seconds
                0x0B, 0x0A, 0x00, 0x00,  // period index
                0x0D, 0x0C,  // hall
                2 * 8 + 2,  // kind: mobile × 8 + rejected
                17,
            ])  // day
    }
}
