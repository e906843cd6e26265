import GRDB
internal import GRDBSQLite

/// The SQLite connection a merge reads its stored chunks through, owned by one thread at a time.
///
/// A merge on the caller's thread reads through the store's own GRDB connection. Merges run side by
/// side (``ChunkMerger/split(into:)``) each get a connection of their own, opened read-only on the same
/// file: SQLite's connections, and GRDB's, are for one thread at a time. The caller holds the pipeline's
/// lock, so nothing writes the store while they read.
final class BlobConnection: @unchecked Sendable {
    /// The `sqlite3 *` to read blobs through (nil only for a closed GRDB connection, which SQLite refuses).
    let handle: OpaquePointer?
    /// True when this object opened the handle (and closes it).
    private let owned: Bool

    /// The store's own connection, used from the thread GRDB handed it to.
    init(sharing db: Database) {
        handle = db.sqliteConnection
        owned = false
    }

    /// A read-only connection of its own to the database file of `db`.
    /// - Throws: `DatabaseError` when the database has no file (in memory) or cannot be opened.
    init(readOnlyCopyOf db: Database) throws {
        guard let name = sqlite3_db_filename(db.sqliteConnection, "main"), name.pointee != 0 else {
            throw DatabaseError(message: "the store has no file to open a second connection to")
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(name, &opened, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            sqlite3_close_v2(opened)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot open the store read-only for a merge")
        }
        sqlite3_busy_timeout(opened, 10_000)
        handle = opened
        owned = true
    }

    deinit {
        if owned { sqlite3_close_v2(handle) }
    }
}
