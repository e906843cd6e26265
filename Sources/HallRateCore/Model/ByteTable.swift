#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed table from short byte strings to values, looked up by exact bytes without building a `String`.
///
/// For the words that repeat on every row (hall codes, channel and status words): open addressing over a
/// power-of-two slot array, a 64-bit hash checked first, then the length and `memcmp`.
///
/// A hit is exact: the bytes equal those of the key, so the `String` lookup it replaces would have
/// found the same key. A miss only means "not byte-equal to any key": `String` compares by canonical
/// equivalence, so callers fall back to their `String` lookup on a miss to keep the same answers.
struct ByteTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var start: Int
        var count: Int
        var value: Value
    }

    /// All keys' bytes, one after the other.
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Entry index + 1 per slot, 0 when the slot is empty.
    private var slots: [Int32]
    private let mask: Int

    /// Builds the table; a later pair replaces an earlier one with the same bytes.
    init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        let list = Array(pairs)
        var size = 8
        while size < list.count * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (key, value) in list {
            var key = key
            key.withUTF8 { insert($0, value) }
        }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
        let hash = ByteTable.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if entries[index].hash == hash, equal(entries[index], bytes) {
                entries[index].value = value
                return
            }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(hash: hash, start: arena.count, count: bytes.count, value: value))
        arena.append(contentsOf: bytes)
        slots[slot] = Int32(entries.count)
    }

    /// The value whose key has exactly these bytes, or nil.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let hash = ByteTable.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let entry = entries[stored - 1]
            if entry.hash == hash, equal(entry, bytes) { return entry.value }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.count == bytes.count else { return false }
        if entry.count == 0 { return true }
        return arena.withUnsafeBufferPointer { arena in
            memcmp(arena.baseAddress! + entry.start, bytes.baseAddress!, entry.count) == 0
        }
    }

    /// A fast hash of short byte strings: whole words, the last one overlapping, folded by a 128-bit multiply.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0x9E37_79B9_7F4A_7C15 }
        let raw = UnsafeRawPointer(base)
        var seed = UInt64(truncatingIfNeeded: count) &* 0xE703_7ED1_A0B4_28DB
        let last: UInt64
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                seed = fold(seed ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), 0x8EBC_6AF0_9C88_C6E3)
                i += 8
            }
            last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            last =
                UInt64(raw.loadUnaligned(as: UInt32.self)) << 32
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            last = UInt64(base[0]) << 16 | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1])
        }
        return fold(seed ^ last, 0x5899_65CC_7537_4CC3 ^ UInt64(truncatingIfNeeded: count))
    }

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }
}
