import GRDB
internal import GRDBSQLite

/// Where one file's rows go while it is read, inside the file's transaction.
///
/// Accepted transactions are kept as ``CompactTransaction``s and written in chunks of up to
/// ``chunkCapacity`` rows, each sorted by key, one blob per chunk: a row costs 24 bytes and no
/// SQL statement. Rejects (rare) are SQL rows.
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
    private var chunks = 0
    private var rejects = 0
    private let insertReject: Statement
    private(set) var periods: ClosedRange<Int>?
    private let chunkCapacity: Int

    init(db: Database, fileID: Int64, hallCodes: [String], chunkCapacity: Int = StoreSink.chunkCapacity) throws {
        self.db = db
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
        if pending.count >= chunkCapacity { try flush() }
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
        if pending.count >= chunkCapacity { try flush() }
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
        try flush()
        let insert = try db.makeStatement(sql: "INSERT INTO file_hall (file_id, idx, code) VALUES (?, ?, ?)")
        for (index, code) in fileHalls.enumerated() {
            try insert.execute(arguments: [fileID, index, code])
        }
        if fileHalls.count > Int(UInt16.max) + 1 {
            throw DatabaseError(message: "a file names more than 65,536 different halls")
        }
    }

    /// Sorts the pending rows by key and stores them as one chunk.
    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        KeySorter.sort(&pending)
        let statement = try db.cachedStatement(sql: "INSERT INTO txn_chunk (file_id, seq, count, data) VALUES (?, ?, ?, ?)")
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        sqlite3_bind_int64(sqlite, 1, fileID)
        sqlite3_bind_int64(sqlite, 2, Int64(chunks))
        sqlite3_bind_int64(sqlite, 3, Int64(pending.count))
        let code = pending.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob64(sqlite, 4, bytes.baseAddress, sqlite3_uint64(bytes.count), nil)  // static: stepped now
            return sqlite3_step(sqlite)
        }
        sqlite3_reset(sqlite)
        sqlite3_clear_bindings(sqlite)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        chunks += 1
        pending.removeAll(keepingCapacity: true)
    }
}
