/// FNV-1a over UTF-8 bytes: a fixed, platform-independent hash for choices that must not spend random draws
/// (Swift's `Hasher` is seeded per process and would break reproducibility).
enum StableHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
