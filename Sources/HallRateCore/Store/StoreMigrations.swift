import GRDB

/// The store's schema, as versioned migrations: a store of any earlier version is brought up to date.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledger, transactions, rejects, runs") { db in
            try db.execute(sql: """
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
        return migrator
    }
}
