/// Interim, until the compact store keeps keys instead of ids: how the current store's `txn.txn_id`
/// column holds a ``TransactionKey``, since the mapper no longer builds the id's `String`.
///
/// A key is stored as a space and 11 base-64 digits (12 bytes: a small `String`, no allocation). No id
/// can look like that, as ids are trimmed before they are keyed; so a store written by an earlier
/// version (real ids) still reads correctly, its ids being keyed as the mapper keys them.
extension TransactionKey {
    private static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    /// Digit value by byte, 0xFF for a byte that is no digit.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, digit) in digits.enumerated() { values[Int(digit)] = UInt8(value) }
        return values
    }()

    /// The text the store keeps for this key.
    var storedText: String {
        var bytes: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &bytes) { buffer in
            buffer[0] = 0x20
            var value = rawValue
            for i in stride(from: 11, to: 0, by: -1) {
                buffer[i] = TransactionKey.digits[Int(value & 63)]
                value >>= 6
            }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[0..<12]), as: UTF8.self)
        }
    }

    /// The key of what the store holds in `txn_id`: a stored key, or an id stored by an earlier version.
    init(storedText text: String) {
        var text = text
        let decoded: UInt64? = text.withUTF8 { bytes in
            guard bytes.count == 12, bytes[0] == 0x20 else { return nil }
            var value: UInt64 = 0
            for byte in bytes[1...] {
                let digit = TransactionKey.values[Int(byte)]
                guard digit != 0xFF else { return nil }
                value = value << 6 | UInt64(digit)
            }
            return value
        }
        if let decoded { self.init(rawValue: decoded) } else { self.init(text) }
    }
}
