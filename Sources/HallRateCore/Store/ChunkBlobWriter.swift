import GRDB
internal import GRDBSQLite

/// Writes merged rows into preallocated chunk blobs (`zeroblob`), filling one after the other, a
/// buffer at a time, through SQLite's incremental blob I/O.
///
/// It owns its buffer and its open blob, so it cannot be copied, and gives both back when it ends.
struct ChunkBlobWriter: StoredRowConsumer, ~Copyable {
    private let db: Database
    private let pieces: [(rowID: Int64, count: Int)]
    private var piece = -1
    private var blob: OpaquePointer?
    private let buffer: UnsafeMutableBufferPointer<CompactTransaction>
    private var buffered = 0
    /// Rows written into the current piece.
    private var written = 0
    /// The first failure; writing stops there and ``finish()`` throws it.
    private var failure: Int32 = SQLITE_OK

    init(db: Database, pieces: [(rowID: Int64, count: Int)]) {
        self.db = db
        self.pieces = pieces
        buffer = .allocate(capacity: ChunkMerger.bufferRows)
    }

    mutating func consume(_ rows: UnsafeBufferPointer<CompactTransaction>, file: Int) {
        guard let source = rows.baseAddress, let target = buffer.baseAddress else { return }
        var start = 0
        while start < rows.count {
            let count = min(rows.count - start, buffer.count - buffered)
            (target + buffered).update(from: source + start, count: count)
            buffered += count
            start += count
            if buffered == buffer.count { flush() }
        }
    }

    /// Writes the buffered rows, moving to the next piece where one is full.
    private mutating func flush() {
        var start = 0
        while start < buffered, failure == SQLITE_OK {
            if blob == nil || written == pieces[piece].count {
                sqlite3_blob_close(blob)
                blob = nil
                piece += 1
                guard piece < pieces.count else {
                    failure = SQLITE_MISUSE
                    return
                }
                failure = sqlite3_blob_open(db.sqliteConnection, "main", "txn_chunk", "data", pieces[piece].rowID, 1, &blob)
                written = 0
                continue
            }
            let rows = min(buffered - start, pieces[piece].count - written)
            failure = sqlite3_blob_write(
                blob, buffer.baseAddress.map { $0 + start }, Int32(rows * CompactTransaction.byteCount),
                Int32(written * CompactTransaction.byteCount))
            written += rows
            start += rows
        }
        buffered = 0
    }

    /// Writes what is buffered.
    /// - Throws: `DatabaseError` when a write failed (a full disk, say).
    mutating func finish() throws {
        flush()
        guard failure == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: failure), message: "cannot write a merged chunk")
        }
    }

    deinit {
        sqlite3_blob_close(blob)
        buffer.deallocate()
    }
}
