import GRDB

/// Where one file's rows go while it is read: prepared inserts inside the file's transaction.
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
        try insertTransaction.execute(arguments: [
            fileID, transactions, transaction.txnID, hallCodes[transaction.hall], transaction.period.index,
            transaction.channel.rawValue, transaction.status.rawValue, transaction.updatedAt?.seconds,
        ])
        transactions += 1
    }

    /// Stores a reject.
    public mutating func add(_ reject: Reject) throws {
        try insertReject.execute(arguments: [fileID, rejects, reject.line, reject.reason.rawValue, reject.detail, reject.raw])
        rejects += 1
    }
}
