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
    ///
    /// ASCII goes eight bytes at a time; a character wholly inside the chunk is checked at once (two
    /// 3-byte ones, all of Chinese text, with one 8-byte load and mask); only a character cut by the
    /// chunk's end goes byte by byte through the carried state.
    /// - Complexity: O(n).
    mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let n = bytes.count
        guard n > 0, let raw = bytes.baseAddress else { return nil }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        var i = 0
        // The end of a character begun in an earlier chunk.
        if let bad = continueCarried(base, from: &i, count: n) { return bad }
        guard pending == 0 else {
            offset += n
            return nil
        }
        while i < n {
            // ASCII, eight bytes at a time; in the word that ends the run, straight to its first non-ASCII byte.
            while i + 8 <= n {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
                if high != 0 {
                    i += high.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            // Runs of 3-byte characters (all of Chinese text), two at a time while eight bytes can be
            // loaded: E1...EC or EE...EF, then two 10xxxxxx bytes, twice. A lead E0 or ED (which limits
            // its second byte) goes to the exact check below.
            while i + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                guard word & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 else { break }
                let (first, second) = (word & 0x0F, (word >> 24) & 0x0F)
                guard first != 0, first != 0x0D, second != 0, second != 0x0D else { break }
                i += 6
            }
            // Runs of 3-byte characters, when four bytes can be loaded: E0...EF, then two 10xxxxxx bytes.
            while i + 4 <= n {
                let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                guard word & 0x00C0_C0F0 == 0x0080_80E0 else { break }
                let lead = word & 0xFF
                let second = (word >> 8) & 0xFF
                // No overlong form (E0 80...9F) and no surrogate (ED A0...BF).
                if lead == 0xE0, second < 0xA0 { return offset + i }
                if lead == 0xED, second > 0x9F { return offset + i }
                i += 3
            }
            guard i < n else { break }
            let lead = base[i]
            let need: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F:
                i += 1
                continue
            case 0xC2...0xDF: need = 1
            case 0xE0:
                need = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED:
                need = 2
                high = 0x9F
            case 0xF0:
                need = 3
                low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4:
                need = 3
                high = 0x8F
            default: return offset + i
            }
            if i + need < n {
                // The whole character is in this chunk.
                let second = base[i + 1]
                guard second >= low, second <= high else { return offset + i }
                var k = 2
                while k <= need {
                    guard base[i + k] & 0xC0 == 0x80 else { return offset + i }
                    k += 1
                }
                i += need + 1
            } else {
                // Cut by the chunk's end: check what is here, carry the rest.
                sequenceStart = offset + i
                pending = need
                lower = low
                upper = high
                i += 1
                if let bad = continueCarried(base, from: &i, count: n) { return bad }
            }
        }
        offset += n
        return nil
    }

    /// Checks the continuation bytes of the carried character from `i` on, while it lasts and the
    /// chunk does; returns where the character started when a byte does not fit.
    @inline(__always)
    private mutating func continueCarried(_ base: UnsafePointer<UInt8>, from i: inout Int, count n: Int) -> Int? {
        while pending > 0, i < n {
            let byte = base[i]
            guard byte >= lower, byte <= upper else { return sequenceStart }
            pending -= 1
            lower = 0x80
            upper = 0xBF
            i += 1
        }
        return nil
    }

    /// True when the stream did not stop in the middle of a character.
    var isComplete: Bool { pending == 0 }
}
