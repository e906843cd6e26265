import Foundation
import GRDB
internal import GRDBSQLite

/// Where one file's rows go while it is read, inside the file's transaction.
///
/// Accepted transactions are kept as ``CompactTransaction``s and stored in runs of up to
/// ``chunkCapacity`` rows, each sorted by key, one blob (a chunk) per run: a row costs 32 bytes and
/// no SQL statement, and memory stays flat. A full run is sorted on a thread of its own
/// (``RunSorter``) while the next one fills, and stored once sorted (looked at every 65,536 rows,
/// fewer for small runs), so that the end of a big file does not wait for it. A file of
/// more than `maxDirectChunks` runs (a very big file) has its runs spilled to a scratch file and
/// merged, so that later runs never merge more than a few chunks per file. Rejects (rare) are SQL rows.
package struct StoreSink {
    /// Rows per run: memory while reading is at most three times this many 32-byte rows (144 MB:
    /// the run filling, the run being sorted and the sort's scratch buffer, or SQLite's copy of the
    /// run being stored).
    static let chunkCapacity = 3 << 19  // 1,572,864: with 32-byte rows, the memory 2M rows of 24 bytes took
    /// The most runs of one file stored as they are; beyond, they are merged.
    static let maxDirectChunks = 8

    let fileID: Int64
    private let db: Database
    private let hallCodes: [String]
    /// Registry index → index in `fileHalls` (-1 when the file has no row of that hall yet).
    private var localHall: [Int32]
    private var fileHalls: [String] = []
    /// The file's items (code and name) and departments, numbered as its rows' `item` and `department`;
    /// set by the reader of the file before it finishes.
    var items: [(code: String, name: String)] = []
    var departments: [String] = []
    private var pending: [CompactTransaction] = []
    private let sorter = RunSorter()
    /// Rows between two looks at whether the run being sorted is ready, and rows until the next look.
    private let pollInterval: Int
    private var untilPoll: Int
    /// The runs stored so far (row id, rows), while there are at most ``maxDirectChunks``.
    private var chunks: [(rowID: Int64, count: Int)] = []
    /// The runs of a file with more, in a scratch file until the file ends.
    private var spill: SpillFile?
    private var spilled: [ChunkMerger.Chunk] = []
    private let spillFolder: String
    private var rejects = 0
    /// The ids an exception list may name, waiting to be stored (``TransactionIDBlob``), and the blobs stored.
    private var ids: [UInt8] = []
    private var idBlobs = 0
    private let insertReject: Statement
    /// The first and last month of the file's transactions (empty when first > last).
    private var firstPeriod = Int.max
    private var lastPeriod = Int.min
    var periods: ClosedRange<Int>? { firstPeriod <= lastPeriod ? firstPeriod...lastPeriod : nil }
    private let chunkCapacity: Int
    private let maxChunkRows: Int
    private let maxDirectChunks: Int

    init(
        db: Database, fileID: Int64, hallCodes: [String], spillFolder: String,
        chunkCapacity: Int = StoreSink.chunkCapacity, maxChunkRows: Int = StoreSink.maxChunkRows,
        maxDirectChunks: Int = StoreSink.maxDirectChunks
    ) throws {
        self.maxChunkRows = maxChunkRows
        self.maxDirectChunks = maxDirectChunks
        self.db = db
        self.spillFolder = spillFolder
        self.fileID = fileID
        self.hallCodes = hallCodes
        self.chunkCapacity = chunkCapacity
        pollInterval = max(1, min(1 << 16, chunkCapacity / 8))
        untilPoll = pollInterval
        localHall = [Int32](repeating: -1, count: hallCodes.count)
        insertReject = try db.makeStatement(
            sql: """
                INSERT INTO reject (file_id, ordinal, line, reason, detail, raw) VALUES (?, ?, ?, ?, ?, ?)
                """)
    }

    /// The most distinct halls one file's rows may name: a stored row keeps its hall in 16 bits.
    static let maxHallsPerFile = 1 << 16

    /// Stores an accepted transaction.
    /// - Throws: ``HallRateError`` `.fileRefused` when the file names more than ``maxHallsPerFile``
    ///   halls (the whole file is then refused, not stored in part).
    package mutating func add(_ transaction: Transaction) throws {
        var local = localHall[transaction.hall]
        if local < 0 {
            guard fileHalls.count < Self.maxHallsPerFile else {
                throw HallRateError(
                    .fileRefused,
                    "the file names more than \(Self.maxHallsPerFile) different halls; "
                        + "split it into files of fewer halls (by township, say)")
            }
            local = Int32(fileHalls.count)
            localHall[transaction.hall] = local
            fileHalls.append(hallCodes[transaction.hall])
        }
        try add(
            CompactTransaction(
                key: transaction.key, updatedAt: transaction.updatedAt, period: transaction.period,
                day: transaction.day, hall: UInt16(truncatingIfNeeded: local), channel: transaction.channel,
                status: transaction.status, completed: transaction.completed, item: transaction.item,
                department: transaction.department))
    }

    /// Keeps the id of a stored transaction when an exception list (rule 21) could name it: a counted
    /// row whose source records its item.
    /// - Parameter id: the normalised bytes of its `txn_id` (those its key is made of).
    package mutating func addID(of transaction: Transaction, _ id: UnsafeBufferPointer<UInt8>) throws {
        guard transaction.item != Transaction.notRecorded, transaction.status != .withdrawn else { return }
        TransactionIDBlob.append(key: transaction.key.rawValue, id: id, to: &ids)
        if ids.count >= TransactionIDBlob.blobBytes { try storeIDs() }
    }

    private mutating func storeIDs() throws {
        guard !ids.isEmpty else { return }
        try db.execute(
            sql: "INSERT INTO txn_id_chunk (file_id, seq, data) VALUES (?, ?, ?)",
            arguments: [fileID, idBlobs, ids.withUnsafeBytes { Data($0) }])
        idBlobs += 1
        ids.removeAll(keepingCapacity: true)
    }

    /// Stores a transaction whose hall is given by its code (used when converting an older store).
    mutating func add(_ row: CompactTransaction, hallCode: String) throws {
        var row = row
        if let index = fileHalls.firstIndex(of: hallCode) {
            row.hall = UInt16(truncatingIfNeeded: index)
        } else {
            row.hall = UInt16(truncatingIfNeeded: fileHalls.count)
            fileHalls.append(hallCode)
        }
        try add(row)
    }

    /// Adds a row to the pending run; hands the run to the sorter when it is full.
    private mutating func add(_ row: CompactTransaction) throws {
        if pending.isEmpty { pending.reserveCapacity(min(chunkCapacity, 1 << 12)) }
        pending.append(row)
        let period = Int(row.period)
        if period < firstPeriod { firstPeriod = period }
        if period > lastPeriod { lastPeriod = period }
        if pending.count >= chunkCapacity {
            try runIsFull()
        } else {
            try storeSortedRunIfReady()
        }
    }

    /// Stores a reject.
    package mutating func add(_ reject: Reject) throws {
        try insertReject.execute(arguments: [fileID, rejects, reject.line, reject.reason.rawValue, reject.detail, reject.raw])
        rejects += 1
    }

    /// Writes what is still pending and the file's hall codes; called once, before the file's
    /// transaction commits.
    mutating func finish() throws {
        try storeSortedRun()
        if !pending.isEmpty {
            KeySorter.sort(&pending)
            try store(sorted: pending)
            pending.removeAll()
        }
        if spill != nil { try storeSpilledRuns() }
        try storeIDs()
        let insert = try db.makeStatement(sql: "INSERT INTO file_hall (file_id, idx, code) VALUES (?, ?, ?)")
        for (index, code) in fileHalls.enumerated() {
            try insert.execute(arguments: [fileID, index, code])
        }
        // (A store being converted from version 2 has neither table yet, nor items or departments.)
        if !items.isEmpty {
            let insert = try db.makeStatement(sql: "INSERT INTO file_item (file_id, idx, code, name) VALUES (?, ?, ?, ?)")
            for (index, item) in items.enumerated() { try insert.execute(arguments: [fileID, index, item.code, item.name]) }
        }
        if !departments.isEmpty {
            let insert = try db.makeStatement(sql: "INSERT INTO file_department (file_id, idx, name) VALUES (?, ?, ?)")
            for (index, name) in departments.enumerated() { try insert.execute(arguments: [fileID, index, name]) }
        }
        if fileHalls.count > Int(UInt16.max) + 1 {
            throw DatabaseError(message: "a file names more than 65,536 different halls")
        }
    }

    /// Stores the run sorted in the background, if any, and hands the full pending run to the sorter.
    private mutating func runIsFull() throws {
        try storeSortedRun()
        sorter.startSorting(&pending, capacity: chunkCapacity)
    }

    /// Stores the run sorted in the background if it is ready; looks only every ``pollInterval`` rows.
    @inline(__always)
    private mutating func storeSortedRunIfReady() throws {
        untilPoll -= 1
        guard untilPoll <= 0 else { return }
        untilPoll = pollInterval
        if sorter.isSorted { try storeSortedRun() }
    }

    /// Waits for the run being sorted, if any, and stores it.
    private mutating func storeSortedRun() throws {
        guard sorter.hasRun else { return }
        try sorter.withSortedRun { try store(sorted: $0) }
    }

    /// Stores a run sorted by key as the file's next chunk, or spills it once the file has more
    /// than ``maxDirectChunks`` runs.
    private mutating func store(sorted rows: [CompactTransaction]) throws {
        guard !rows.isEmpty else { return }
        if spill != nil || chunks.count >= maxDirectChunks {
            try spill(sorted: rows)
            return
        }
        let statement = try db.cachedStatement(sql: "INSERT INTO txn_chunk (file_id, seq, count, data) VALUES (?, ?, ?, ?)")
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        sqlite3_bind_int64(sqlite, 1, fileID)
        sqlite3_bind_int64(sqlite, 2, Int64(chunks.count))
        sqlite3_bind_int64(sqlite, 3, Int64(rows.count))
        let code = rows.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob64(sqlite, 4, bytes.baseAddress, sqlite3_uint64(bytes.count), nil)  // static: stepped now
            return sqlite3_step(sqlite)
        }
        sqlite3_reset(sqlite)
        sqlite3_clear_bindings(sqlite)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
        chunks.append((db.lastInsertedRowID, rows.count))
    }

    /// Appends a run sorted by key to the spill file; the first time, moves the chunks stored so far
    /// there too (in order), so that all are merged.
    private mutating func spill(sorted rows: [CompactTransaction]) throws {
        let file = try spill ?? SpillFile(folder: spillFolder)
        if spill == nil {
            spill = file
            try moveChunks(to: file)
        }
        let offset = try rows.withUnsafeBytes { try file.append($0) }
        spilled.append(.init(place: .spill(file, offset: offset), count: rows.count, file: 0))
    }

    /// The most rows stored in one chunk (SQLite's default limit on a value is 1 GB).
    static let maxChunkRows = 20_000_000

    /// Merges the spilled runs into stored chunks of at most `maxChunkRows` rows, in key order:
    /// the chunks cover consecutive key ranges, so a later merge streams through them.
    private mutating func storeSpilledRuns() throws {
        let total = spilled.reduce(0) { $0 + $1.count }
        var pieces: [(rowID: Int64, count: Int)] = []
        var left = total
        while left > 0 {
            let rows = min(left, maxChunkRows)
            try db.execute(
                sql: "INSERT INTO txn_chunk (file_id, seq, count, data) VALUES (?, ?, ?, zeroblob(?))",
                arguments: [fileID, pieces.count, rows, rows * CompactTransaction.byteCount])
            pieces.append((db.lastInsertedRowID, rows))
            left -= rows
        }
        var writer = ChunkBlobWriter(db: db, pieces: pieces)
        try ChunkMerger(db: db, chunks: spilled).forEach(into: &writer)
        try writer.finish()
        spilled = []
        spill = nil
    }

    /// Copies the chunks stored so far into the spill file, as runs in the same order, and deletes them.
    private mutating func moveChunks(to file: SpillFile) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: ChunkMerger.bufferRows * CompactTransaction.byteCount,
            alignment: 8)
        defer { buffer.deallocate() }
        for chunk in chunks {
            var blob: OpaquePointer?
            let opened = sqlite3_blob_open(db.sqliteConnection, "main", "txn_chunk", "data", chunk.rowID, 0, &blob)
            defer { sqlite3_blob_close(blob) }
            guard opened == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: opened), message: "cannot reopen a stored chunk")
            }
            let bytes = chunk.count * CompactTransaction.byteCount
            var offset = 0
            var start: Int?
            while offset < bytes {
                let count = min(buffer.count, bytes - offset)
                let read = sqlite3_blob_read(blob, buffer.baseAddress, Int32(count), Int32(offset))
                guard read == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: read), message: "cannot read a stored chunk")
                }
                let at = try file.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                if start == nil { start = at }
                offset += count
            }
            spilled.append(.init(place: .spill(file, offset: start ?? 0), count: chunk.count, file: 0))
        }
        try db.execute(sql: "DELETE FROM txn_chunk WHERE file_id = ?", arguments: [fileID])
        chunks = []
    }
}
