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

    /// Calls `body` with every stored row and its file's position, in merged order.
    func forEach(_ body: (CompactTransaction, Int) throws -> Void) throws {
        let cursors = try chunks.map { try Cursor(db: db, chunk: $0) }
        defer { for cursor in cursors { cursor.close() } }
        // A binary min-heap of cursor indices by (current key, index): the index breaks ties in reading order.
        var heap: [Int] = []
        heap.reserveCapacity(cursors.count)
        var keys = [UInt64](repeating: 0, count: cursors.count)
        func less(_ a: Int, _ b: Int) -> Bool { keys[a] < keys[b] || (keys[a] == keys[b] && a < b) }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let left = 2 * i + 1
                guard left < heap.count else { return }
                var smallest = left
                if left + 1 < heap.count, less(heap[left + 1], heap[left]) { smallest = left + 1 }
                guard less(heap[smallest], heap[i]) else { return }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
        for (index, cursor) in cursors.enumerated() where try cursor.fill() {
            keys[index] = cursor.current.key
            heap.append(index)
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while let top = heap.first {
            let cursor = cursors[top]
            try body(cursor.current, cursor.file)
            if try cursor.advance() {
                keys[top] = cursor.current.key
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            siftDown(0)
        }
    }

    /// Reads one chunk's blob through SQLite's incremental blob I/O, a buffer at a time.
    final class Cursor {
        let file: Int
        private var blob: OpaquePointer?
        private let count: Int
        private var buffer: UnsafeMutableBufferPointer<CompactTransaction>
        private var loaded = 0
        private var position = 0
        private var consumed = 0

        init(db: Database, chunk: Chunk) throws {
            file = chunk.file
            count = chunk.count
            buffer = .allocate(capacity: max(1, min(chunk.count, ChunkMerger.bufferRows)))
            let code = sqlite3_blob_open(db.sqliteConnection, "main", "txn_chunk", "data", chunk.rowID, 0, &blob)
            guard code == SQLITE_OK else {
                buffer.deallocate()
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot open stored chunk \(chunk.rowID)")
            }
            if let blob, Int(sqlite3_blob_bytes(blob)) != count * CompactTransaction.byteCount {
                throw DatabaseError(message: "stored chunk \(chunk.rowID) has \(sqlite3_blob_bytes(blob)) bytes, not \(count) rows")
            }
        }

        deinit {
            buffer.deallocate()
        }

        func close() {
            sqlite3_blob_close(blob)
            blob = nil
        }

        var current: CompactTransaction { buffer[position] }

        /// Loads the next buffer; false at the end of the chunk.
        func fill() throws -> Bool {
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
        func advance() throws -> Bool {
            position += 1
            if position < loaded { return true }
            return try fill()
        }
    }
}
