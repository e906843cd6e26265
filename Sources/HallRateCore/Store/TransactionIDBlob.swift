/// How the store keeps the `txn_id`s it may have to show (contract rule 21's exception lists): per
/// file, blobs of entries `key (8 bytes, little-endian) · length (LEB128) · id (UTF-8)`, in reading
/// order. Only rows that could be listed are kept — counted rows whose source records an item — and
/// each id is kept as the lists show it, with anything that looks like a resident ID number masked
/// (``IDMasker``), so the store still holds no ID number.
enum TransactionIDBlob {
    /// Bytes per stored blob: a file's ids are cut into blobs of about this size.
    static let blobBytes = 4 << 20

    /// Appends the entry of the id whose normalised bytes are `id` (and whose key is `key`).
    static func append(key: UInt64, id: UnsafeBufferPointer<UInt8>, to blob: inout [UInt8]) {
        withUnsafeBytes(of: key.littleEndian) { blob.append(contentsOf: $0) }
        if let masked = masked(id) {
            appendLength(masked.count, to: &blob)
            blob.append(contentsOf: masked)
        } else {
            appendLength(id.count, to: &blob)
            blob.append(contentsOf: id)
        }
    }

    /// The id with ID-like runs masked, or nil when it has too few digits to hold one (most ids: a
    /// count, not a String, per row).
    private static func masked(_ id: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var digits = 0
        for byte in id where byte &- 0x30 < 10 { digits += 1 }
        guard digits >= 17 else { return nil }  // 17 digits and an X is the shortest ID number
        let text = String(decoding: id, as: UTF8.self)
        let result = IDMasker.mask(text)
        return result == text ? nil : Array(result.utf8)
    }

    private static func appendLength(_ length: Int, to blob: inout [UInt8]) {
        var value = UInt(length)
        while value >= 0x80 {
            blob.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        blob.append(UInt8(value))
    }

    /// Calls `body` with the key and id bytes of every entry of `blob`; stops at a damaged entry.
    static func forEach(in blob: UnsafeRawBufferPointer, _ body: (UInt64, UnsafeRawBufferPointer) -> Void) {
        var at = 0
        while at + 9 <= blob.count {
            let key = UInt64(littleEndian: blob.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            at += 8
            var length = 0
            var shift = 0
            while at < blob.count, shift < 63 {
                let byte = blob[at]
                at += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { break }
            }
            guard length >= 0, length <= blob.count - at else { return }
            body(key, UnsafeRawBufferPointer(rebasing: blob[at..<(at + length)]))
            at += length
        }
    }
}
