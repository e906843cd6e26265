import GRDB
internal import GRDBSQLite

/// Reads stored chunks back as one sequence ordered by key and, for equal keys, in reading order
/// (files in path order, rows in file order): a k-way merge of the chunks, each sorted by key.
///
/// Memory is one buffer of at most ``bufferRows`` rows per chunk, whatever the store's size.
struct ChunkMerger {
    /// One stored chunk, in reading order.
    struct Chunk {
        let rowID: Int64
        let count: Int
        /// The position of the chunk's file in path order.
        let file: Int
    }

    static let bufferRows = 8192

    private let db: Database
    private let chunks: [Chunk]

    init(db: Database, chunks: [Chunk]) {
        self.db = db
        self.chunks = chunks
    }

    /// Hands every stored row, in merged order, to `consumer`, with the position of its file.
    func forEach<Consumer: StoredRowConsumer>(into consumer: inout Consumer) throws {
        var cursors: [Cursor] = []
        cursors.reserveCapacity(chunks.count)
        defer { for i in cursors.indices { cursors[i].close() } }
        for chunk in chunks { cursors.append(try Cursor(db: db, chunk: chunk)) }
        // A binary min-heap of cursor indices by (current key, index): the index breaks ties in reading order.
        var heap: [Int32] = []
        heap.reserveCapacity(cursors.count)
        var keys = [UInt64](repeating: 0, count: cursors.count)
        for index in cursors.indices where try cursors[index].fill() {
            keys[index] = cursors[index].currentKey
            heap.append(Int32(index))
        }
        try keys.withUnsafeMutableBufferPointer { keys in
            try heap.withUnsafeMutableBufferPointer { heap in
                try cursors.withUnsafeMutableBufferPointer { cursors in
                    var size = heap.count
                    @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool {
                        let (x, y) = (keys[Int(a)], keys[Int(b)])
                        return x < y || (x == y && a < b)
                    }
                    func siftDown(_ start: Int) {
                        var i = start
                        let item = heap[i]
                        while true {
                            let left = 2 * i + 1
                            guard left < size else { break }
                            var child = left
                            if left + 1 < size, less(heap[left + 1], heap[left]) { child = left + 1 }
                            guard less(heap[child], item) else { break }
                            heap[i] = heap[child]
                            i = child
                        }
                        heap[i] = item
                    }
                    for start in stride(from: size / 2 - 1, through: 0, by: -1) { siftDown(start) }
                    while size > 0 {
                        let top = heap[0]
                        let file = cursors[Int(top)].file
                        // The rival: the smallest of the other cursors; the top cursor goes on until it passes it.
                        var rival: Int32 = -1
                        if size > 1 { rival = size > 2 && less(heap[2], heap[1]) ? heap[2] : heap[1] }
                        var more = true
                        repeat {
                            consumer.consume(cursors[Int(top)].current, file: file)
                            more = try cursors[Int(top)].advance()
                            if more { keys[Int(top)] = cursors[Int(top)].currentKey }
                        } while more && (rival < 0 || less(top, rival))
                        if !more {
                            size -= 1
                            heap[0] = heap[size]
                        }
                        siftDown(0)
                    }
                }
            }
        }
    }

    /// Reads one chunk's blob through SQLite's incremental blob I/O, a buffer at a time.
    struct Cursor {
        let file: Int
        private var blob: OpaquePointer?
        private let count: Int
        private let buffer: UnsafeMutableBufferPointer<CompactTransaction>
        private var loaded = 0
        private var position = 0
        private var consumed = 0

        init(db: Database, chunk: Chunk) throws {
            file = chunk.file
            count = chunk.count
            let code = sqlite3_blob_open(db.sqliteConnection, "main", "txn_chunk", "data", chunk.rowID, 0, &blob)
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot open stored chunk \(chunk.rowID)")
            }
            guard let blob, Int(sqlite3_blob_bytes(blob)) == count * CompactTransaction.byteCount else {
                sqlite3_blob_close(blob)
                throw DatabaseError(message: "stored chunk \(chunk.rowID) does not hold \(count) rows")
            }
            buffer = .allocate(capacity: max(1, min(chunk.count, ChunkMerger.bufferRows)))
        }

        /// Closes the blob and frees the buffer; called once.
        mutating func close() {
            sqlite3_blob_close(blob)
            blob = nil
            buffer.deallocate()
        }

        var current: CompactTransaction { buffer[position] }
        var currentKey: UInt64 { buffer[position].key }

        /// Loads the next buffer; false at the end of the chunk.
        mutating func fill() throws -> Bool {
            guard consumed < count else { return false }
            let rows = min(buffer.count, count - consumed)
            let code = sqlite3_blob_read(blob, buffer.baseAddress, Int32(rows * CompactTransaction.byteCount),
                                         Int32(consumed * CompactTransaction.byteCount))
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot read a stored chunk")
            }
            loaded = rows
            position = 0
            consumed += rows
            return true
        }

        /// Moves to the next row; false at the end of the chunk.
        @inline(__always)
        mutating func advance() throws -> Bool {
            position += 1
            if position < loaded { return true }
            return try fill()
        }
    }
}

/// What the merged rows are handed to, one at a time (a generic parameter, so the calls inline).
protocol StoredRowConsumer {
    /// Takes the next row in merged order, read from the file at position `file` in path order.
    mutating func consume(_ row: CompactTransaction, file: Int)
}
