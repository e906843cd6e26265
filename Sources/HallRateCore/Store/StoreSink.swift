import GRDB
internal import GRDBSQLite

/// Where one file's rows go while it is read, inside the file's transaction.
///
/// Accepted transactions are kept as ``CompactTransaction``s and stored sorted by key as one blob
/// (a chunk): a row costs 24 bytes and no SQL statement. A file of more than ``chunkCapacity``
/// rows is sorted in runs of that size, spilled to a scratch file and merged into the store, so
/// memory stays flat. Rejects (rare) are SQL rows.
public struct StoreSink {
    /// Rows per stored chunk: memory while reading is twice this many 24-byte rows.
    static let chunkCapacity = 1 << 20

    let fileID: Int64
    private let db: Database
    private let hallCodes: [String]
    /// Registry index → index in `fileHalls` (-1 when the file has no row of that hall yet).
    private var localHall: [Int32]
    private var fileHalls: [String] = []
    private var pending: [CompactTransaction] = []
    /// Sorted runs of a file too big for one chunk, in a scratch file until the file ends.
    private var spill: SpillFile?
    private var spilled: [ChunkMerger.Chunk] = []
    private let spillFolder: String
    private var rejects = 0
    private let insertReject: Statement
    private(set) var periods: ClosedRange<Int>?
    private let chunkCapacity: Int
    private let maxChunkRows: Int

    init(db: Database, fileID: Int64, hallCodes: [String], spillFolder: String,
         chunkCapacity: Int = StoreSink.chunkCapacity, maxChunkRows: Int = StoreSink.maxChunkRows) throws {
        self.maxChunkRows = maxChunkRows
        self.db = db
        self.spillFolder = spillFolder
        self.fileID = fileID
        self.hallCodes = hallCodes
        self.chunkCapacity = chunkCapacity
        localHall = [Int32](repeating: -1, count: hallCodes.count)
        insertReject = try db.makeStatement(sql: """
            INSERT INTO reject (file_id, ordinal, line, reason, detail, raw) VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores an accepted transaction.
    public mutating func add(_ transaction: Transaction) throws {
        var local = localHall[transaction.hall]
        if local < 0 {
            local = Int32(fileHalls.count)
            localHall[transaction.hall] = local
            fileHalls.append(hallCodes[transaction.hall])
        }
        add(CompactTransaction(key: transaction.key, updatedAt: transaction.updatedAt, period: transaction.period,
                               hall: UInt16(truncatingIfNeeded: local), channel: transaction.channel,
                               status: transaction.status),
            period: transaction.period.index)
        if pending.count >= chunkCapacity { try spillPending() }
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
        add(row, period: Int(row.period))
        if pending.count >= chunkCapacity { try spillPending() }
    }

    private mutating func add(_ row: CompactTransaction, period: Int) {
        if pending.isEmpty { pending.reserveCapacity(min(chunkCapacity, 1 << 12)) }
        pending.append(row)
        periods = periods.map { min($0.lowerBound, period)...max($0.upperBound, period) } ?? period...period
    }

    /// Stores a reject.
    public mutating func add(_ reject: Reject) throws {
        try insertReject.execute(arguments: [fileID, rejects, reject.line, reject.reason.rawValue, reject.detail, reject.raw])
        rejects += 1
    }

    /// Writes what is still pending and the file's hall codes; called once, before the file's
    /// transaction commits.
    mutating func finish() throws {
        if spill == nil { try flush() } else { try storeSpilledRuns() }
        let insert = try db.makeStatement(sql: "INSERT INTO file_hall (file_id, idx, code) VALUES (?, ?, ?)")
        for (index, code) in fileHalls.enumerated() {
            try insert.execute(arguments: [fileID, index, code])
        }
        if fileHalls.count > Int(UInt16.max) + 1 {
            throw DatabaseError(message: "a file names more than 65,536 different halls")
        }
    }

    /// Sorts the pending rows by key and stores them as the file's one chunk.
    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        KeySorter.sort(&pending)
        let statement = try db.cachedStatement(sql: "INSERT INTO txn_chunk (file_id, seq, count, data) VALUES (?, 0, ?, ?)")
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        sqlite3_bind_int64(sqlite, 1, fileID)
        sqlite3_bind_int64(sqlite, 2, Int64(pending.count))
        let code = pending.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob64(sqlite, 3, bytes.baseAddress, sqlite3_uint64(bytes.count), nil)  // static: stepped now
            return sqlite3_step(sqlite)
        }
        sqlite3_reset(sqlite)
        sqlite3_clear_bindings(sqlite)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Sorts the pending rows by key and appends them to the spill file as one sorted run.
    private mutating func spillPending() throws {
        guard !pending.isEmpty else { return }
        KeySorter.sort(&pending)
        let file = try spill ?? SpillFile(folder: spillFolder)
        spill = file
        let offset = try pending.withUnsafeBytes { try file.append($0) }
        spilled.append(.init(place: .spill(file, offset: offset), count: pending.count, file: 0))
        pending.removeAll(keepingCapacity: true)
    }

    /// The most rows stored in one chunk (SQLite's default limit on a value is 1 GB).
    static let maxChunkRows = 20_000_000

    /// Merges the spilled runs into stored chunks of at most `maxChunkRows` rows, in key order:
    /// the chunks cover consecutive key ranges, so a later merge streams through them.
    private mutating func storeSpilledRuns() throws {
        try spillPending()
        let total = spilled.reduce(0) { $0 + $1.count }
        var pieces: [(rowID: Int64, count: Int)] = []
        var left = total
        while left > 0 {
            let rows = min(left, maxChunkRows)
            try db.execute(sql: "INSERT INTO txn_chunk (file_id, seq, count, data) VALUES (?, ?, ?, zeroblob(?))",
                           arguments: [fileID, pieces.count, rows, rows * CompactTransaction.byteCount])
            pieces.append((db.lastInsertedRowID, rows))
            left -= rows
        }
        var writer = ChunkBlobWriter(db: db, pieces: pieces)
        defer { writer.close() }
        try ChunkMerger(db: db, chunks: spilled).forEach(into: &writer)
        try writer.finish()
        spilled = []
        spill = nil
    }
}
