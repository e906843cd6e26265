/// How the store keeps the `txn_id`s it may have to show (contract rule 21's exception lists): per
/// file, blobs of entries `key (8 bytes, little-endian) · length (LEB128) · id (UTF-8)`, in reading
/// order. Only rows that could be listed are kept — counted rows whose source records an item — and
/// each id is kept as the lists show it: the ingester masks anything in it that looks like a resident ID
/// number (``IDMasker/masked(_:)``), so the store still holds no ID number.
enum TransactionIDBlob {
    /// Bytes per stored blob: a file's ids are cut into blobs of about this size.
    static let blobBytes = 4 << 20

    /// Appends the entry of an id as a list will show it (`id`), under the key of its row.
    static func append(key: UInt64, id: UnsafeBufferPointer<UInt8>, to blob: inout [UInt8]) {
        withUnsafeBytes(of: key.littleEndian) { blob.append(contentsOf: $0) }
        appendLength(id.count, to: &blob)
        blob.append(contentsOf: id)
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
