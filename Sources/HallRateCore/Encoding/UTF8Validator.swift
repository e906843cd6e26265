/// Checks that a stream of chunks is well-formed UTF-8, carrying partial sequences across chunks.
struct UTF8Validator {
    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Where the character being checked started (it may lie in an earlier chunk).
    private var sequenceStart = 0
    /// Bytes validated so far, so an error can give an absolute offset.
    private(set) var offset = 0

    /// Validates `bytes`; returns the absolute offset where the first bad character starts, or nil.
    /// - Complexity: O(n), eight ASCII bytes at a time.
    mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            if pending == 0 {
                // Fast path over ASCII, eight bytes at a time.
                while i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                guard i < n else { break }
                let byte = bytes[i]
                sequenceStart = offset + i
                switch byte {
                case 0x00...0x7F: break
                case 0xC2...0xDF: pending = 1; lower = 0x80; upper = 0xBF
                case 0xE0: pending = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2; lower = 0x80; upper = 0xBF
                case 0xED: pending = 2; lower = 0x80; upper = 0x9F
                case 0xF0: pending = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: pending = 3; lower = 0x80; upper = 0xBF
                case 0xF4: pending = 3; lower = 0x80; upper = 0x8F
                default: return offset + i
                }
            } else {
                let byte = bytes[i]
                guard byte >= lower, byte <= upper else { return sequenceStart }
                pending -= 1
                lower = 0x80
                upper = 0xBF
            }
            i += 1
        }
        offset += n
        return nil
    }

    /// True when the stream did not stop in the middle of a character.
    var isComplete: Bool { pending == 0 }
}
