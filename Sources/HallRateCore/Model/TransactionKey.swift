/// The deduplication key of a transaction: a 64-bit hash of its normalised `txn_id` bytes.
///
/// The store keeps keys, not ids, so that a transaction costs 24 bytes however long its id is.
/// The function is fixed (it must give the same key in every run and every version, because keys
/// are stored): a wyhash-style multiply-fold over 16-byte blocks with fixed constants. Two different
/// ids share a key with probability about n² / 2⁶⁵ among n ids (3 × 10⁻⁶ for 10 million);
/// docs/metrics.md records this decision.
package struct TransactionKey: Hashable, Comparable, Sendable {
    package let rawValue: UInt64

    package init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The key of the id whose UTF-8 bytes are `bytes`.
    package init(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var seed: UInt64 = 0xA076_1D64_78BD_642F ^ (UInt64(truncatingIfNeeded: count) &* 0xE703_7ED1_A0B4_28DB)
        var i = 0
        while i + 16 <= count {
            let a = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            let b = bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian
            seed = TransactionKey.fold(a ^ 0x8EBC_6AF0_9C88_C6E3, b ^ seed)
            i += 16
        }
        var a: UInt64 = 0
        var b: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {  // the last 0...15 bytes, little-endian into two words
            let byte = UInt64(bytes[i])
            if shift < 64 { a |= byte << shift } else { b |= byte << (shift - 64) }
            shift += 8
            i += 1
        }
        seed = TransactionKey.fold(a ^ 0x5899_65CC_7537_4CC3, b ^ seed)
        rawValue = TransactionKey.fold(seed ^ 0x1D8E_4E27_C47D_124F, UInt64(truncatingIfNeeded: count) ^ 0xA076_1D64_78BD_642F)
    }

    /// The key of `id` (its UTF-8 bytes, as they are after normalisation).
    package init(_ id: String) {
        var id = id
        self = id.withUTF8 { TransactionKey(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The 128-bit product of `a` and `b`, its halves xor-ed together.
    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    package static func < (lhs: TransactionKey, rhs: TransactionKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
