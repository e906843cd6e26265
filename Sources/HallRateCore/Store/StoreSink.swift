import GRDB
internal import GRDBSQLite

/// Where one file's rows go while it is read: prepared inserts inside the file's transaction.
///
/// The hot path binds values straight through SQLite's C API on GRDB's prepared statements
/// (GRDB's `execute(arguments:)` costs about 20,000 instructions a row, this a fraction of that).
public struct StoreSink {
    let fileID: Int64
    private let hallCodes: [String]
    private let insertTransaction: Statement
    private let insertReject: Statement
    private var transactions = 0
    private var rejects = 0

    init(db: Database, fileID: Int64, hallCodes: [String]) throws {
        self.fileID = fileID
        self.hallCodes = hallCodes
        insertTransaction = try db.makeStatement(sql: """
            INSERT INTO txn (file_id, ordinal, txn_id, hall_code, period, channel, status, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReject = try db.makeStatement(sql: """
            INSERT INTO reject (file_id, ordinal, line, reason, detail, raw) VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores an accepted transaction.
    public mutating func add(_ transaction: Transaction) throws {
        let statement = insertTransaction.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, fileID)
        sqlite3_bind_int64(statement, 2, Int64(transactions))
        StoreSink.bind(transaction.key.storedText, statement, 3)
        StoreSink.bind(hallCodes[transaction.hall], statement, 4)
        sqlite3_bind_int64(statement, 5, Int64(transaction.period.index))
        StoreSink.bind(transaction.channel.rawValue, statement, 6)
        StoreSink.bind(transaction.status.rawValue, statement, 7)
        if let updatedAt = transaction.updatedAt {
            sqlite3_bind_int64(statement, 8, updatedAt.seconds)
        } else {
            sqlite3_bind_null(statement, 8)
        }
        try step(insertTransaction)
        transactions += 1
    }

    /// Stores a reject.
    public mutating func add(_ reject: Reject) throws {
        try insertReject.execute(arguments: [fileID, rejects, reject.line, reject.reason.rawValue, reject.detail, reject.raw])
        rejects += 1
    }

    /// Binds `text` as UTF-8; SQLite copies it (SQLITE_TRANSIENT).
    private static func bind(_ text: String, _ statement: OpaquePointer, _ index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    /// Runs the bound statement once.
    /// - Throws: `DatabaseError` with SQLite's code and message when the insert fails (a full disk, say).
    private func step(_ statement: Statement) throws {
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let message = sqlite3_db_handle(statement.sqliteStatement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
