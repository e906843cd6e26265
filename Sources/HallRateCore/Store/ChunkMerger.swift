import GRDB
internal import GRDBSQLite

/// Reads stored chunks back as one sequence ordered by key and, for equal keys, in reading order
/// (files in path order, rows in file order): a k-way merge of the chunks, each sorted by key.
///
/// Memory is one buffer of at most ``bufferRows`` rows per chunk, whatever the store's size.
struct ChunkMerger {
    /// One sorted chunk, in reading order: a stored blob, or a stretch of a spill file.
    struct Chunk {
        enum Place {
            case blob(rowID: Int64)
            case spill(SpillFile, offset: Int)
        }
        let place: Place
        let count: Int
        /// The position of the chunk's file in path order.
        let file: Int

        init(rowID: Int64, count: Int, file: Int) {
            self.init(place: .blob(rowID: rowID), count: count, file: file)
        }

        init(place: Place, count: Int, file: Int) {
            self.place = place
            self.count = count
            self.file = file
        }
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
                        // The rival: the smallest of the other cursors. The top cursor hands over the
                        // rows that come before the rival's current one in a single span.
                        var rival: Int32 = -1
                        if size > 1 { rival = size > 2 && less(heap[2], heap[1]) ? heap[2] : heap[1] }
                        let rows = cursors[Int(top)].loadedRows
                        var end = rows.count
                        if rival >= 0 {
                            let bound = keys[Int(rival)]
                            let takesTies = top < rival
                            end = 1  // the first row is the smallest of all
                            while end < rows.count, rows[end].key < bound || (takesTies && rows[end].key == bound) { end += 1 }
                        }
                        consumer.consume(UnsafeBufferPointer(rebasing: rows[0..<end]), file: cursors[Int(top)].file)
                        if try cursors[Int(top)].skip(end) {
                            keys[Int(top)] = cursors[Int(top)].currentKey
                        } else {
                            size -= 1
                            heap[0] = heap[size]
                        }
                        siftDown(0)
                    }
                }
            }
        }
    }

    /// Reads one chunk a buffer at a time: a blob through SQLite's incremental blob I/O, or a spill file.
    struct Cursor {
        let file: Int
        private var blob: OpaquePointer?
        private var spill: (file: SpillFile, offset: Int)?
        private let count: Int
        private let buffer: UnsafeMutableBufferPointer<CompactTransaction>
        private var loaded = 0
        private var position = 0
        private var consumed = 0

        init(db: Database, chunk: Chunk) throws {
            file = chunk.file
            count = chunk.count
            switch chunk.place {
            case .spill(let file, let offset):
                spill = (file, offset)
            case .blob(let rowID):
                let code = sqlite3_blob_open(db.sqliteConnection, "main", "txn_chunk", "data", rowID, 0, &blob)
                guard code == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot open stored chunk \(rowID)")
                }
                guard let blob, Int(sqlite3_blob_bytes(blob)) == count * CompactTransaction.byteCount else {
                    sqlite3_blob_close(blob)
                    throw DatabaseError(message: "stored chunk \(rowID) does not hold \(count) rows")
                }
            }
            buffer = .allocate(capacity: max(1, min(chunk.count, ChunkMerger.bufferRows)))
        }

        /// Closes the blob and frees the buffer; called once.
        mutating func close() {
            sqlite3_blob_close(blob)
            blob = nil
            buffer.deallocate()
        }

        var currentKey: UInt64 { buffer[position].key }
        /// The loaded rows not handed over yet (never empty between `fill` and the chunk's end).
        var loadedRows: UnsafeBufferPointer<CompactTransaction> {
            UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[position..<loaded])
        }

        /// Loads the next buffer; false at the end of the chunk.
        mutating func fill() throws -> Bool {
            guard consumed < count else { return false }
            let rows = min(buffer.count, count - consumed)
            if let spill {
                try spill.file.read(into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<rows * CompactTransaction.byteCount]),
                                    at: spill.offset + consumed * CompactTransaction.byteCount)
            } else {
                let code = sqlite3_blob_read(blob, buffer.baseAddress, Int32(rows * CompactTransaction.byteCount),
                                             Int32(consumed * CompactTransaction.byteCount))
                guard code == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot read a stored chunk")
                }
            }
            loaded = rows
            position = 0
            consumed += rows
            return true
        }

        /// Moves `count` rows on (at most the loaded ones); false at the end of the chunk.
        @inline(__always)
        mutating func skip(_ count: Int) throws -> Bool {
            position += count
            if position < loaded { return true }
            return try fill()
        }
    }
}

/// What the merged rows are handed to, by spans of consecutive rows of one chunk (a generic
/// parameter, so the calls inline).
protocol StoredRowConsumer {
    /// Takes the next rows in merged order, all read from the file at position `file` in path order.
    mutating func consume(_ rows: UnsafeBufferPointer<CompactTransaction>, file: Int)
}
