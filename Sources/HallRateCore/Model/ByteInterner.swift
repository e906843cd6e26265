#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers distinct byte strings 0, 1, 2… in the order first seen, without building a `String` per
/// lookup: how a file's item codes and departments become the small indices a stored row keeps.
///
/// Open addressing over a power-of-two slot array that doubles at half full, ``ByteTable``'s hash,
/// then the length and `memcmp`.
struct ByteInterner {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var count: Int
    }

    /// All values' bytes, one after the other.
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Entry index + 1 per slot, 0 when the slot is empty.
    private var slots = [Int32](repeating: 0, count: 64)

    /// How many distinct values were seen.
    var count: Int { entries.count }

    /// The number of `bytes`: the one it was given when first seen, else the next one.
    mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = ByteTable<Int>.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if entries[index].hash == hash, equal(entries[index], bytes) { return index }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(hash: hash, start: arena.count, count: bytes.count))
        arena.append(contentsOf: bytes)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return entries.count - 1
    }

    /// The value numbered `index`, as text.
    func string(at index: Int) -> String {
        let entry = entries[index]
        return String(decoding: arena[entry.start..<entry.start + entry.count], as: UTF8.self)
    }

    /// Every value, in the order of their numbers.
    var strings: [String] { entries.indices.map(string(at:)) }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    @inline(__always)
    private func equal(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.count == bytes.count else { return false }
        guard entry.count > 0, let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { arena in
            guard let stored = arena.baseAddress else { return false }
            return memcmp(stored + entry.start, base, entry.count) == 0
        }
    }
}
