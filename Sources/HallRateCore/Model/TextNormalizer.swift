/// Normalises a raw field before it is mapped: trims ASCII white space and the ideographic space
/// (U+3000) at both ends, and turns full-width ASCII (`２０１８`, `ＡＢ`) into half-width.
///
/// Works on bytes; allocates only when a field really holds full-width characters.
enum TextNormalizer {
    /// The normalised bytes of `field`: `field` itself, trimmed, or (when it holds full-width forms)
    /// their conversion in `buffer`, valid while `buffer` lives and until it is used again. No
    /// closure: on the mapper's hot path, a closure per field retained the mapper (an atomic count,
    /// twice per field).
    static func normalized(_ field: UnsafeBufferPointer<UInt8>, buffer: ConversionBuffer) -> UnsafeBufferPointer<UInt8> {
        let trimmed = trim(field)
        guard containsFullWidth(trimmed) else { return trimmed }
        return buffer.hold(halfWidth(trimmed))
    }

    /// Where ``normalized(_:buffer:)`` keeps a converted field.
    final class ConversionBuffer {
        private var storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)

        deinit { storage.deallocate() }

        /// Copies `bytes` in, replacing what was held; the result is valid until the next call.
        fileprivate func hold(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
            if bytes.count > storage.count {
                storage.deallocate()
                storage = .allocate(capacity: bytes.count)
            }
            _ = storage.initialize(from: bytes)
            return UnsafeBufferPointer(rebasing: storage[0..<bytes.count])
        }
    }

    /// `field` with full-width ASCII turned into half-width.
    private static func halfWidth(_ trimmed: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var converted: [UInt8] = []
        converted.reserveCapacity(trimmed.count)
        var i = 0
        while i < trimmed.count {
            // U+FF01...U+FF5E is EF BC 81...EF BC BF and EF BD 80...EF BD 9E; it maps to 0x21...0x7E.
            if i + 2 < trimmed.count, trimmed[i] == 0xEF, trimmed[i + 1] == 0xBC || trimmed[i + 1] == 0xBD {
                let scalar = 0xFF00 | (UInt32(trimmed[i + 1] & 0x03) << 6) | UInt32(trimmed[i + 2] & 0x3F)
                if (0xFF01...0xFF5E).contains(scalar) {
                    converted.append(UInt8(scalar - 0xFF01 + 0x21))
                    i += 3
                    continue
                }
            }
            converted.append(trimmed[i])
            i += 1
        }
        return converted
    }

    /// The normalised form of `text` (for value-map keys and registry names).
    static func normalize(_ text: String) -> String {
        var copy = text
        let buffer = ConversionBuffer()
        return withExtendedLifetime(buffer) {
            copy.withUTF8 { String(decoding: normalized($0, buffer: buffer), as: UTF8.self) }
        }
    }

    /// `field` without leading and trailing spaces, tabs, CR, LF and U+3000 (E3 80 80).
    @inline(__always)
    static func trim(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // The usual field has nothing to trim: its first and last bytes are neither white space nor
        // part of U+3000 (E3 80 80).
        guard let first = field.first, let last = field.last else { return field }
        if first > 0x20, first != 0xE3, last > 0x20, last != 0x80 { return field }
        return trimSlowly(field)
    }

    private static func trimSlowly(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = field.count
        while start < end {
            if isASCIISpace(field[start]) {
                start += 1
            } else if end - start >= 3, field[start] == 0xE3, field[start + 1] == 0x80, field[start + 2] == 0x80 {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            if isASCIISpace(field[end - 1]) {
                end -= 1
            } else if end - start >= 3, field[end - 3] == 0xE3, field[end - 2] == 0x80, field[end - 1] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// True when `field` holds a byte pair EF BC or EF BD (the start of a full-width form).
    /// Looks at eight bytes at a time for an EF byte; only a field holding one reaches the byte loop.
    static func containsFullWidth(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = field.count
        guard count >= 2, let base = field.baseAddress else { return false }
        /// True when some byte from `i` on is EF followed by BC or BD.
        func fullWidthByte(from i: Int) -> Bool {
            var i = i
            while i + 1 < count {
                if base[i] == 0xEF, base[i + 1] == 0xBC || base[i + 1] == 0xBD { return true }
                i += 1
            }
            return false
        }
        guard count >= 8 else { return fullWidthByte(from: 0) }
        // Eight bytes at a time (the last word overlapping the one before), looking for an EF byte,
        // which starts every full-width form: a word has one when `word ^ EFEF…` has a zero byte.
        let raw = UnsafeRawPointer(base)
        func hasEF(at i: Int) -> Bool {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0xEFEF_EFEF_EFEF_EFEF
            return (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        }
        var i = 0
        while i + 8 <= count {
            if hasEF(at: i) { return fullWidthByte(from: i) }
            i += 8
        }
        return i < count && hasEF(at: count - 8) ? fullWidthByte(from: count - 8) : false
    }
}
