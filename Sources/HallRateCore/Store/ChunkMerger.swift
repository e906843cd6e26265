import Foundation
import GRDB
internal import GRDBSQLite

/// Reads stored chunks back as one sequence ordered by key and, for equal keys, in reading order
/// (files in path order, rows in file order): a k-way merge of the chunks, each sorted by key.
///
/// Memory is one buffer of at most ``bufferRows`` rows per chunk, whatever the store's size.
/// ``split(into:)`` cuts the merge into merges of consecutive key ranges, which can run on threads
/// of their own: every row of a key falls in the same one.
struct ChunkMerger {
    /// One sorted chunk, in reading order: a stored blob, or a stretch of a spill file.
    struct Chunk {
        enum Place {
            case blob(rowID: Int64)
            case spill(SpillFile, offset: Int)
        }
        let place: Place
        /// The first row of the place that belongs to the chunk (a split chunk starts further in).
        var first = 0
        var count: Int
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
    /// What this merge reads its blobs through: the store's connection, or one of its own after a split.
    private let connection: BlobConnection

    /// A merge on the caller's thread, through the store's connection `db`.
    init(db: Database, chunks: [Chunk]) {
        self.init(db: db, chunks: chunks, connection: BlobConnection(sharing: db))
    }

    private init(db: Database, chunks: [Chunk], connection: BlobConnection) {
        self.db = db
        self.chunks = chunks
        self.connection = connection
    }

    /// The merge cut into `parts` merges of consecutive, equal-width ranges of the key space (keys
    /// are hashes, so the parts are about even), in key order; each chunk's rows are found by a
    /// binary search of its keys.
    func split(into parts: Int) throws -> [ChunkMerger] {
        guard parts > 1 else { return [self] }
        var pieces = [[Chunk]](repeating: [], count: parts)
        for chunk in chunks {
            var cursor = try Cursor(chunk: chunk, connection: connection)
            defer { cursor.close() }
            var start = 0
            for part in 0..<parts {
                var end = chunk.count
                if part < parts - 1 {
                    let bound = UInt64.max / UInt64(parts) * UInt64(part + 1)
                    end = try cursor.firstRow(from: start, withKeyAtLeast: bound)
                }
                if end > start {
                    var piece = chunk
                    piece.first = chunk.first + start
                    piece.count = end - start
                    pieces[part].append(piece)
                }
                start = end
            }
        }
        // Each part runs on a thread of its own: each reads through a connection of its own.
        return try pieces.map { ChunkMerger(db: db, chunks: $0, connection: try BlobConnection(readOnlyCopyOf: db)) }
    }

    /// Hands every stored row, in merged order, to `consumer`, with the position of its file.
    func forEach<Consumer: StoredRowConsumer & ~Copyable>(into consumer: inout Consumer) throws {
        var cursors: [Cursor] = []
        cursors.reserveCapacity(chunks.count)
        defer { for i in cursors.indices { cursors[i].close() } }
        for chunk in chunks { cursors.append(try Cursor(chunk: chunk, connection: connection)) }
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
        private let connection: BlobConnection
        /// The chunk's first row in its place, and its rows.
        private let first: Int
        private let count: Int
        private let buffer: UnsafeMutableBufferPointer<CompactTransaction>
        private var loaded = 0
        private var position = 0
        private var consumed = 0
        /// True when the whole chunk was read into the buffer when the cursor opened (a chunk of at most
        /// ``ChunkMerger/bufferRows`` rows) and its blob closed at once: a store of 20,000 small files
        /// then never holds 20,000 blobs open, whose closing SQLite does in time quadratic in their number.
        private var whole = false
        /// With `whole`: the buffer's rows have not been handed out by ``fill()`` yet.
        private var wholePending = false

        init(chunk: Chunk, connection: BlobConnection) throws {
            file = chunk.file
            first = chunk.first
            count = chunk.count
            self.connection = connection
            switch chunk.place {
            case .spill(let file, let offset):
                spill = (file, offset)
            case .blob(let rowID):
                let code = sqlite3_blob_open(connection.handle, "main", "txn_chunk", "data", rowID, 0, &blob)
                guard code == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot open stored chunk \(rowID)")
                }
                guard let blob, Int(sqlite3_blob_bytes(blob)) >= (first + count) * CompactTransaction.byteCount else {
                    sqlite3_blob_close(blob)
                    throw DatabaseError(message: "stored chunk \(rowID) does not hold \(first + count) rows")
                }
            }
            buffer = .allocate(capacity: max(1, min(chunk.count, ChunkMerger.bufferRows)))
            if blob != nil, count <= ChunkMerger.bufferRows {
                do {
                    try read(
                        into: UnsafeMutableRawBufferPointer(
                            rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<count * CompactTransaction.byteCount]),
                        atRow: first)
                } catch {
                    close()
                    throw error
                }
                sqlite3_blob_close(blob)
                blob = nil
                (whole, wholePending) = (true, true)
            }
        }

        /// Closes the blob and frees the buffer; called once.
        mutating func close() {
            sqlite3_blob_close(blob)
            blob = nil
            buffer.deallocate()
        }

        /// The first row at or after `start` (counted from the chunk's first) whose key is at least
        /// `bound`, or the chunk's row count; by binary search, reading one row at a time.
        func firstRow(from start: Int, withKeyAtLeast bound: UInt64) throws -> Int {
            var (low, high) = (start, count)
            while low < high {
                let middle = low + (high - low) / 2
                if try key(at: middle) < bound { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// The key of row `row` (counted from the chunk's first): the first 8 bytes of the stored row.
        private func key(at row: Int) throws -> UInt64 {
            assert(MemoryLayout<CompactTransaction>.offset(of: \.key) == 0)
            var key: UInt64 = 0
            try withUnsafeMutableBytes(of: &key) { try read(into: $0, atRow: first + row) }
            return key
        }

        /// Reads `bytes.count` bytes of the place from row `row` on.
        private func read(into bytes: UnsafeMutableRawBufferPointer, atRow row: Int) throws {
            if whole {
                let offset = (row - first) * CompactTransaction.byteCount
                bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[offset..<offset + bytes.count]))
                return
            }
            if let spill {
                try spill.file.read(into: bytes, at: spill.offset + row * CompactTransaction.byteCount)
                return
            }
            let code = sqlite3_blob_read(blob, bytes.baseAddress, Int32(bytes.count), Int32(row * CompactTransaction.byteCount))
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot read a stored chunk")
            }
        }

        var currentKey: UInt64 { buffer[position].key }
        /// The loaded rows not handed over yet (never empty between `fill` and the chunk's end).
        var loadedRows: UnsafeBufferPointer<CompactTransaction> {
            UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[position..<loaded])
        }

        /// Loads the next buffer; false at the end of the chunk.
        mutating func fill() throws -> Bool {
            if whole {
                guard wholePending else { return false }
                (wholePending, loaded, position, consumed) = (false, count, 0, count)
                return count > 0
            }
            guard consumed < count else { return false }
            let rows = min(buffer.count, count - consumed)
            try read(
                into: UnsafeMutableRawBufferPointer(
                    rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<rows * CompactTransaction.byteCount]),
                atRow: first + consumed)
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

extension ChunkMerger {
    /// Runs each merge, at the same time on threads of their own, into a consumer of its own made by
    /// `make`, and combines the consumers in the merges' order.
    /// - Throws: the first merge's error, in the merges' order.
    static func forEach<Consumer: MergeableRowConsumer>(_ mergers: [ChunkMerger], into make: () -> Consumer) throws -> Consumer {
        let parts = mergers.map { Part(merger: $0, consumer: make()) }
        // Called here, where Consumer is known, so that the merge loop is specialised for it
        // (through a protocol, each span went to the consumer through its witness table).
        Concurrently.map(parts) { $0.run() }
        if let failure = parts.lazy.compactMap(\.failure).first { throw failure }
        var combined = parts[0].consumer
        for part in parts.dropFirst() { combined.absorb(part.consumer) }
        return combined
    }

    /// One merge with its consumer and failure; touched by one thread at a time (the one that runs
    /// it, then the one that combines the parts once all are done).
    private final class Part<Consumer: MergeableRowConsumer>: @unchecked Sendable {
        let merger: ChunkMerger
        var consumer: Consumer
        var failure: Error?

        init(merger: ChunkMerger, consumer: Consumer) {
            self.merger = merger
            self.consumer = consumer
        }

        func run() {
            do {
                try merger.forEach(into: &consumer)
                consumer.finish()
            } catch {
                failure = error
            }
        }
    }
}

/// What the merged rows are handed to, by spans of consecutive rows of one chunk (a generic
/// parameter, so the calls inline).
protocol StoredRowConsumer: ~Copyable {
    /// Takes the next rows in merged order, all read from the file at position `file` in path order.
    mutating func consume(_ rows: UnsafeBufferPointer<CompactTransaction>, file: Int)
}

/// A consumer whose work can be cut by key range (``ChunkMerger/split(into:)``): each range's rows
/// go to a consumer of their own, and the consumers are combined in key order.
protocol MergeableRowConsumer: StoredRowConsumer {
    /// Ends the consumer's range; called once, after its last row.
    mutating func finish()
    /// Adds the results of the consumer of the next key range (finished).
    mutating func absorb(_ next: Self)
}
