import Testing

@testable import HallRateCore

/// The stored row is the struct's raw memory (``CompactTransaction/byteCount`` bytes a row in the
/// store's chunks): its size, its fields' offsets and its bytes are pinned, so that a reordered field or
/// a new one cannot silently reinterpret every store already written.
@Suite struct CompactTransactionLayoutTests {
    @Test func theRowIs32BytesWithItsFieldsWhereTheStoreExpectsThem() {
        #expect(CompactTransaction.byteCount == 32)
        #expect(MemoryLayout<CompactTransaction>.size == CompactTransaction.byteCount)
        #expect(MemoryLayout<CompactTransaction>.stride == CompactTransaction.byteCount)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.key) == 0)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.updatedAt) == 8)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.period) == 16)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.completed) == 20)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.hall) == 24)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.item) == 26)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.department) == 28)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.kind) == 30)
        #expect(MemoryLayout<CompactTransaction>.offset(of: \.day) == 31)
    }

    @Test func aRowsBytesAreLittleEndianFieldsInOrder() {
        let row = CompactTransaction(
            key: TransactionKey(rawValue: 0x0102_0304_0506_0708), updatedAt: LocalTime(seconds: 0x1122_3344),
            period: Period(index: 0x0A0B), day: 17, hall: 0x0C0D, channel: .mobile, status: .rejected,
            completed: .at(minute: 0x0102_0304), item: 0x0E0F, department: 0x1A1B)
        let bytes = withUnsafeBytes(of: row) { Array($0) }
        #expect(
            bytes == [
                0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,  // key
                0x44, 0x33, 0x22, 0x11, 0x00, 0x00, 0x00, 0x00,  // updated_at, seconds
                0x0B, 0x0A, 0x00, 0x00,  // period index
                0x04, 0x03, 0x02, 0x01,  // completed_at, minutes
                0x0D, 0x0C,  // hall
                0x0F, 0x0E,  // item
                0x1B, 0x1A,  // department
                2 * 8 + 2,  // kind: mobile × 8 + rejected
                17,  // day
            ])
    }

    @Test func everyCompletionSurvivesTheRow() {
        for completion in [Transaction.Completion.none, .unreadable, .beforeAcceptance, .at(minute: 26_000_000), .at(minute: 0)] {
            let row = CompactTransaction(
                key: TransactionKey("T"), updatedAt: nil, period: Period(index: 0), hall: 0, channel: .window, status: .completed,
                completed: completion)
            #expect(row.completion == completion)
        }
    }
}
