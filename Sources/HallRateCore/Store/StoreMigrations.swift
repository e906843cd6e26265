import Foundation
import GRDB

/// The store's schema, as versioned migrations: a store of any earlier version is brought up to date.
enum StoreMigrations {
    /// - Parameter folder: where a converted file too big to sort in memory spills.
    static func migrator(folder: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledger, transactions, rejects, runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE file (
                        id INTEGER PRIMARY KEY,
                        path TEXT NOT NULL UNIQUE,
                        source TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        modified INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        status TEXT NOT NULL,
                        encoding TEXT,
                        note TEXT,
                        rows_read INTEGER NOT NULL,
                        rejected INTEGER NOT NULL,
                        ingested_at TEXT NOT NULL
                    );
                    CREATE TABLE txn (
                        file_id INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        txn_id TEXT NOT NULL,
                        hall_code TEXT NOT NULL,
                        period INTEGER NOT NULL,
                        channel TEXT NOT NULL,
                        status TEXT NOT NULL,
                        updated_at INTEGER,
                        PRIMARY KEY (file_id, ordinal)
                    ) WITHOUT ROWID;
                    CREATE INDEX txn_period ON txn(period);
                    CREATE TABLE reject (
                        file_id INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        line INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        raw TEXT NOT NULL,
                        PRIMARY KEY (file_id, ordinal)
                    ) WITHOUT ROWID;
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY,
                        started_at TEXT NOT NULL,
                        seconds REAL NOT NULL,
                        files INTEGER NOT NULL,
                        files_read INTEGER NOT NULL,
                        rows_read INTEGER NOT NULL,
                        rejected INTEGER NOT NULL,
                        exit_status INTEGER NOT NULL,
                        note TEXT
                    );
                    """)
        }
        migrator.registerMigration("v2: no index on txn.period") { db in
            // Every insert paid for it; only `reprocess --since` reads by period, and a scan serves it.
            try db.execute(sql: "DROP INDEX IF EXISTS txn_period")
        }
        migrator.registerMigration("v3: transactions as sorted chunks of compact rows") { db in
            try db.execute(
                sql: """
                    CREATE TABLE txn_chunk (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        seq INTEGER NOT NULL,
                        count INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        UNIQUE (file_id, seq)
                    );
                    CREATE TABLE file_hall (
                        file_id INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        idx INTEGER NOT NULL,
                        code TEXT NOT NULL,
                        PRIMARY KEY (file_id, idx)
                    ) WITHOUT ROWID;
                    ALTER TABLE file ADD COLUMN first_period INTEGER;
                    ALTER TABLE file ADD COLUMN last_period INTEGER;
                    """)
            try convertRowsToChunks(db, folder: folder)
            try db.execute(sql: "DROP TABLE txn")
        }
        migrator.registerMigration("v4: 32-byte rows with completed_at, item and department") { db in
            try db.execute(
                sql: """
                    CREATE TABLE file_item (
                        file_id INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        idx INTEGER NOT NULL,
                        code TEXT NOT NULL,
                        name TEXT NOT NULL,
                        PRIMARY KEY (file_id, idx)
                    ) WITHOUT ROWID;
                    CREATE TABLE file_department (
                        file_id INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        idx INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        PRIMARY KEY (file_id, idx)
                    ) WITHOUT ROWID;
                    """)
            try widenRows(db)
        }
        migrator.registerMigration("v5: the ids an exception list may name") { db in
            // Files stored before have none: the fingerprint changed with this step, so those still in
            // the inputs are read again; a list names a row of a file gone from them without its id.
            try db.execute(
                sql: """
                    CREATE TABLE txn_id_chunk (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        seq INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        UNIQUE (file_id, seq)
                    );
                    """)
        }
        return migrator
    }

    /// Rewrites every stored chunk of 24-byte rows (versions up to v3) as 32-byte rows: the same key,
    /// updated_at, month, hall, kind and day, with no completed_at, item or department recorded. The
    /// files still in the inputs are read again anyway (the fingerprint changed); this keeps the rows of
    /// files gone from them, whose breakdowns then count them as not recorded.
    private static func widenRows(_ db: Database) throws {
        let chunks = try Row.fetchAll(db, sql: "SELECT id, count FROM txn_chunk").map { row -> (Int64, Int) in (row[0], row[1]) }
        for (id, count) in chunks {
            guard let old = try Data.fetchOne(db, sql: "SELECT data FROM txn_chunk WHERE id = ?", arguments: [id]) else { continue }
            // A store converted from version 2 just now was written in 32-byte rows already.
            if old.count == count * CompactTransaction.byteCount { continue }
            guard old.count == count * 24 else { throw DatabaseError(message: "a stored chunk of \(count) rows is not 24 bytes a row") }
            var rows: [CompactTransaction] = []
            rows.reserveCapacity(count)
            old.withUnsafeBytes { bytes in
                for at in stride(from: 0, to: count * 24, by: 24) {
                    var row = CompactTransaction(
                        key: TransactionKey(rawValue: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)),
                        updatedAt: nil, period: Period(index: Int(bytes.loadUnaligned(fromByteOffset: at + 16, as: Int32.self))),
                        hall: bytes.loadUnaligned(fromByteOffset: at + 20, as: UInt16.self), channel: .window, status: .completed)
                    row.updatedAt = bytes.loadUnaligned(fromByteOffset: at + 8, as: Int64.self)
                    row.kind = bytes[at + 22]
                    row.day = bytes[at + 23]
                    rows.append(row)
                }
            }
            let data = rows.withUnsafeBytes { Data($0) }
            try db.execute(sql: "UPDATE txn_chunk SET data = ? WHERE id = ?", arguments: [data, id])
        }
    }

    /// Moves the one-row-per-transaction table of stores up to v2 into compact chunks, file by file.
    private static func convertRowsToChunks(_ db: Database, folder: String) throws {
        for fileID in try Int64.fetchAll(db, sql: "SELECT id FROM file ORDER BY id") {
            var sink = try StoreSink(db: db, fileID: fileID, hallCodes: [], spillFolder: folder)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT txn_id, hall_code, period, channel, status, updated_at FROM txn WHERE file_id = ? ORDER BY ordinal
                    """, arguments: [fileID])
            while let row = try rows.next() {
                let updatedAt: Int64? = row[5]
                let compact = CompactTransaction(
                    key: TransactionKey(row[0] as String), updatedAt: updatedAt.map(LocalTime.init(seconds:)),
                    period: Period(index: row[2]), hall: 0,
                    channel: Channel(rawValue: row[3]) ?? .other, status: Status(rawValue: row[4]) ?? .completed)
                try sink.add(compact, hallCode: row[1])
            }
            try sink.finish()
            try db.execute(
                sql: "UPDATE file SET first_period = ?, last_period = ? WHERE id = ?",
                arguments: [sink.periods?.lowerBound, sink.periods?.upperBound, fileID])
        }
    }
}
