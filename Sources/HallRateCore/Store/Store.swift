import Foundation
import GRDB
internal import GRDBSQLite

/// The pipeline's embedded SQLite database (through GRDB): the ledger of ingested files, their
/// canonical transactions (compact, in sorted chunks: ``CompactTransaction``) and rejects, and the
/// history of runs.
///
/// Each file is replaced in one transaction: all its rows and its ledger entry are in, or none.
package final class Store {
    /// The fingerprint given to files that `hallrate reprocess` marked: it matches no real one.
    static let reprocessMark = "reprocess"

    private let queue: DatabaseQueue
    package let path: String
    /// Rows a file's sink sorts in memory before it spills (smaller in tests).
    var chunkCapacity = StoreSink.chunkCapacity
    /// The most rows in one stored chunk after a merge (smaller in tests).
    var maxChunkRows = StoreSink.maxChunkRows
    /// The most chunks a file keeps without a merge (smaller in tests).
    var maxDirectChunks = StoreSink.maxDirectChunks
    /// From this many stored rows on, reading them back is cut into ``mergeParts`` key ranges merged
    /// at the same time (smaller in tests).
    var splitMergeFromRows = 1 << 20
    var mergeParts = 2

    /// The folder the store is in (where big files spill while they are sorted).
    var folder: String { path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "." }

    /// Opens (creating and migrating when needed) the store at `path`.
    /// - Throws: ``HallRateError`` `.store` naming the file.
    package init(path: String) throws(HallRateError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                // Large pages for the chunk blobs (fewer reads of overflow pages); takes effect only
                // when the store is created.
                try db.execute(sql: "PRAGMA page_size = 65536")
                // Debian builds SQLite with secure deletion on: every freed page would be zeroed and
                // written, which made replacing a big file's chunks cost seconds. The store holds no
                // personal data (ids are hashed or masked, applicant ids never stored, rejects masked).
                try db.execute(sql: "PRAGMA secure_delete = OFF")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = StoreMigrations.migrator(folder: folder)
            // A store written by a newer hallrate has migrations this one does not know: its rows may
            // not mean what this version reads them as.
            let newer = try queue.read { db in
                try migrator.hasBeenSuperseded(db) ? try migrator.appliedIdentifiers(db).subtracting(migrator.migrations) : []
            }
            if let unknown = newer.sorted().first {
                throw HallRateError(
                    .store,
                    "the store was written by a newer version of hallrate (schema step '\(unknown)'): "
                        + "run that version, or this one with another --output folder", at: SourceLocation(file: path))
            }
            try migrator.migrate(queue)
        } catch {
            throw Store.failure(error, path)
        }
    }

    static func failure(_ error: Error, _ path: String) -> HallRateError {
        if let error = error as? HallRateError { return error }
        let message =
            (error as? DatabaseError).map { "\($0.message ?? "SQLite error") (SQLite \($0.resultCode.rawValue))" }
            ?? "\(error)"
        return HallRateError(.store, "the store failed: \(message)", at: SourceLocation(file: path))
    }

    private func withStore<T>(_ body: () throws -> T) throws(HallRateError) -> T {
        do {
            return try body()
        } catch {
            throw Store.failure(error, path)
        }
    }

    /// Every file in the ledger, by path.
    package func ledger() throws(HallRateError) -> [String: LedgerEntry] {
        try withStore {
            try queue.read { db in
                var entries: [String: LedgerEntry] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT path, source, size, modified, sha256, fingerprint, status, encoding, note, rows_read, rejected,
                               ingested_at FROM file
                        """)
                while let row = try rows.next() {
                    let entry = LedgerEntry(
                        path: row[0], source: row[1], size: row[2], modified: row[3], sha256: row[4], fingerprint: row[5],
                        status: FileReport.Status(rawValue: row[6]) ?? .ok, encoding: row[7], note: row[8],
                        rowsRead: row[9], rejected: row[10], ingestedAt: row[11])
                    entries[entry.path] = entry
                }
                return entries
            }
        }
    }

    /// What became of a file read into the store (``replaceFile(_:hallCodes:_:)``).
    package enum FileOutcome<T> {
        /// Its rows and rejects replace what the store knew of it.
        case stored(LedgerEntry, T)
        /// Refused as a whole: none of what was read of it is kept; it is recorded with the one reject.
        case refused(LedgerEntry, Reject, T)
        /// Dropped: the store keeps what it knew of the file before (a file that cannot be read now, or
        /// that changed while it was read).
        case keptPrevious(T)
    }

    /// Replaces everything known about one file, in one transaction: `body` streams the file's rows
    /// into the sink and says what became of the file. A refused file is recorded, in the same
    /// transaction, with its reject and none of its rows (they are rolled back to a savepoint, not thrown
    /// away by an error); when `body` throws, nothing of the file changes.
    /// - Parameter hallCodes: the registry codes, indexed like ``Transaction/hall``.
    /// - Returns: what `body` returned besides the entry.
    package func replaceFile<T>(
        _ path: String, hallCodes: [String],
        _ body: (inout StoreSink) throws -> FileOutcome<T>
    ) throws -> T {
        do {
            return try queue.write { db in
                var result: T?
                var refusal: (entry: LedgerEntry, reject: Reject)?
                try db.inSavepoint {
                    let outcome: (FileOutcome<T>, LedgerEntry?) = try replace(path, hallCodes: hallCodes, db) { sink in
                        let outcome = try body(&sink)
                        if case .stored(let entry, _) = outcome { return (outcome, entry) }
                        return (outcome, nil)
                    }
                    switch outcome.0 {
                    case .stored(_, let value):
                        result = value
                        return .commit
                    case .refused(let entry, let reject, let value):
                        (result, refusal) = (value, (entry, reject))
                        return .rollback
                    case .keptPrevious(let value):
                        result = value
                        return .rollback
                    }
                }
                if let refusal {
                    _ = try replace(path, hallCodes: hallCodes, db) { sink in
                        try sink.add(refusal.reject)
                        return ((), refusal.entry)
                    }
                }
                guard let result else { throw DatabaseError(message: "a file was replaced without an outcome") }
                return result
            }
        } catch let error as DatabaseError {
            throw Store.failure(error, self.path)
        }
    }

    /// Deletes what is known of `path` and stores it anew from `body`, which returns its value and the
    /// file's ledger entry, or no entry to store nothing (the caller rolls back).
    private func replace<T>(
        _ path: String, hallCodes: [String], _ db: Database, _ body: (inout StoreSink) throws -> (T, LedgerEntry?)
    ) throws -> (T, LedgerEntry?) {
        try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [path])
        try db.execute(
            sql: """
                INSERT INTO file (path, source, size, modified, sha256, fingerprint, status, rows_read, rejected, ingested_at)
                VALUES (?, '', 0, 0, '', '', 'ok', 0, 0, '')
                """, arguments: [path])
        var sink = try StoreSink(
            db: db, fileID: db.lastInsertedRowID, hallCodes: hallCodes, spillFolder: self.folder,
            chunkCapacity: chunkCapacity, maxChunkRows: maxChunkRows,
            maxDirectChunks: maxDirectChunks)
        let (value, entry) = try body(&sink)
        guard let entry else { return (value, nil) }
        try sink.finish()
        try db.execute(
            sql: """
                UPDATE file SET source = ?, size = ?, modified = ?, sha256 = ?, fingerprint = ?, status = ?, encoding = ?,
                                note = ?, rows_read = ?, rejected = ?, ingested_at = ?, first_period = ?, last_period = ?
                WHERE id = ?
                """,
            arguments: [
                entry.source, entry.size, entry.modified, entry.sha256, entry.fingerprint,
                entry.status.rawValue, entry.encoding, entry.note, entry.rowsRead, entry.rejected,
                entry.ingestedAt, sink.periods?.lowerBound, sink.periods?.upperBound, sink.fileID,
            ])
        return (value, entry)
    }

    /// Forgets files (their rows and rejects go with them).
    package func remove(paths: [String]) throws(HallRateError) {
        try withStore {
            try queue.write { db in
                for path in paths { try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [path]) }
            }
        }
    }

    /// Marks files to be read again by the next run (their rows stay until then).
    /// - Returns: how many files were marked.
    @discardableResult
    package func markForRereading(where condition: ReprocessSelection) throws(HallRateError) -> Int {
        try withStore {
            try queue.write { db in
                switch condition {
                case .all:
                    try db.execute(sql: "UPDATE file SET fingerprint = '\(Store.reprocessMark)'")
                case .source(let name):
                    try db.execute(sql: "UPDATE file SET fingerprint = '\(Store.reprocessMark)' WHERE source = ?", arguments: [name])
                case .file(let path):
                    try db.execute(sql: "UPDATE file SET fingerprint = '\(Store.reprocessMark)' WHERE path = ?", arguments: [path])
                case .since(let period):
                    try db.execute(
                        sql: """
                            UPDATE file SET fingerprint = '\(Store.reprocessMark)'
                            WHERE last_period >= ?
                            """, arguments: [period.index])
                }
                return db.changesCount
            }
        }
    }

    /// A stored file's rows as the results need them: in path order, with its hall codes and chunks.
    struct StoredFile {
        let path: String
        /// The codes the file's rows name, indexed by ``CompactTransaction/hall``.
        let hallCodes: [String]
        /// Its items (code, name) and departments, indexed by ``CompactTransaction/item`` and ``CompactTransaction/department``.
        var items: [(code: String, name: String)] = []
        var departments: [String] = []
        let chunks: [(rowID: Int64, count: Int)]
    }

    /// Reads every stored row: makes a consumer from the stored files (in path order, byte order)
    /// and the months their rows span, hands it every row in merged order (by key, and for equal
    /// keys in reading order) with the position of its file, and returns it finished; all in one
    /// read transaction. A big store is read in key ranges at the same time, a consumer each, and the
    /// consumers are combined.
    /// - Complexity: O(n log k) for n rows in k chunks; memory O(k), not O(n).
    func readTransactions<Consumer: MergeableRowConsumer>(
        _ makeConsumer: ([StoredFile], ClosedRange<Int>?) -> Consumer
    ) throws(HallRateError) -> Consumer {
        try withStore {
            try queue.read { db in
                let ids = try Row.fetchAll(db, sql: "SELECT id, path FROM file").map { row -> (Int64, String) in (row[0], row[1]) }
                    .sorted { PathOrder.precedes($0.1, $1.1) }
                var halls: [Int64: [String]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT file_id, code FROM file_hall ORDER BY file_id, idx") {
                    halls[row[0], default: []].append(row[1])
                }
                var chunksByFile: [Int64: [(rowID: Int64, count: Int)]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT file_id, id, count FROM txn_chunk ORDER BY file_id, seq") {
                    chunksByFile[row[0], default: []].append((row[1], row[2]))
                }
                let range = try Row.fetchOne(db, sql: "SELECT MIN(first_period), MAX(last_period) FROM file")
                let periods: ClosedRange<Int>? = {
                    guard let range, let low: Int = range[0], let high: Int = range[1], low <= high else { return nil }
                    return low...high
                }()
                var items: [Int64: [(code: String, name: String)]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT file_id, code, name FROM file_item ORDER BY file_id, idx") {
                    items[row[0], default: []].append((row[1], row[2]))
                }
                var departments: [Int64: [String]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT file_id, name FROM file_department ORDER BY file_id, idx") {
                    departments[row[0], default: []].append(row[1])
                }
                let files = ids.map { id, path in
                    StoredFile(
                        path: path, hallCodes: halls[id] ?? [], items: items[id] ?? [], departments: departments[id] ?? [],
                        chunks: chunksByFile[id] ?? [])
                }
                let chunks = files.enumerated().flatMap { position, file in
                    file.chunks.map { ChunkMerger.Chunk(rowID: $0.rowID, count: $0.count, file: position) }
                }
                let rows = chunks.reduce(0) { $0 + $1.count }
                let mergers = try ChunkMerger(db: db, chunks: chunks).split(into: rows >= splitMergeFromRows ? mergeParts : 1)
                return try ChunkMerger.forEach(mergers) { makeConsumer(files, periods) }
            }
        }
    }

    /// The stored ids (``TransactionIDBlob``) of the wanted keys, per file path: each file's blobs are
    /// read only when it has a wanted key, and only until all its keys are found.
    func transactionIDs(_ wanted: [String: Set<UInt64>]) throws(HallRateError) -> [String: [UInt64: String]] {
        try withStore {
            try queue.read { db in
                var found: [String: [UInt64: String]] = [:]
                for (path, keys) in wanted where !keys.isEmpty {
                    var ids: [UInt64: String] = [:]
                    let blobs = try Data.fetchCursor(
                        db, sql: "SELECT c.data FROM txn_id_chunk c JOIN file f ON f.id = c.file_id WHERE f.path = ? ORDER BY c.seq",
                        arguments: [path])
                    while ids.count < keys.count, let blob = try blobs.next() {
                        blob.withUnsafeBytes { bytes in
                            TransactionIDBlob.forEach(in: bytes) { key, id in
                                if keys.contains(key), ids[key] == nil { ids[key] = String(decoding: id, as: UTF8.self) }
                            }
                        }
                    }
                    found[path] = ids
                }
                return found
            }
        }
    }

    /// Every stored reject, by file path then line.
    /// Calls `body` with every stored reject, files in path order and rows in file order, one at a
    /// time: memory does not grow with their number.
    package func forEachReject(_ body: (Reject) throws -> Void) throws(HallRateError) {
        try withStore {
            try queue.read { db in
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT f.path, r.line, r.reason, r.detail, r.raw FROM reject r JOIN file f ON f.id = r.file_id
                        ORDER BY f.path, r.ordinal
                        """)
                while let row = try rows.next() {
                    try body(
                        Reject(
                            file: row[0], line: row[1], reason: Reject.Reason(rawValue: row[2]) ?? .malformedRecord,
                            detail: row[3], raw: row[4]))
                }
            }
        }
    }

    /// The number of stored rejects per file and reason, files in path order.
    package func rejectCounts() throws(HallRateError) -> [RejectTally.Count] {
        try withStore {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.path, r.reason, COUNT(*) FROM reject r JOIN file f ON f.id = r.file_id
                        GROUP BY f.path, r.reason ORDER BY f.path, r.reason
                        """
                ).map { row in
                    RejectTally.Count(file: row[0], reason: Reject.Reason(rawValue: row[1]) ?? .malformedRecord, count: row[2])
                }
            }
        }
    }

    /// Every stored reject in memory (for tests; runs stream them with ``forEachReject(_:)``).
    package func rejects() throws(HallRateError) -> [Reject] {
        try withStore {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.path, r.line, r.reason, r.detail, r.raw FROM reject r JOIN file f ON f.id = r.file_id
                        ORDER BY f.path, r.ordinal
                        """
                ).map { row in
                    Reject(
                        file: row[0], line: row[1], reason: Reject.Reason(rawValue: row[2]) ?? .malformedRecord,
                        detail: row[3], raw: row[4])
                }
            }
        }
    }

    /// Adds a run to the history.
    package func record(_ run: RunRecord) throws(HallRateError) {
        try withStore {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO run (started_at, seconds, files, files_read, rows_read, rejected, exit_status, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        run.startedAt, run.seconds, run.files, run.filesRead, run.rowsRead, run.rejected,
                        run.exitStatus, run.note,
                    ])
            }
        }
    }

    /// The last `limit` runs, newest first.
    package func runs(limit: Int) throws(HallRateError) -> [RunRecord] {
        try withStore {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT started_at, seconds, files, files_read, rows_read, rejected, exit_status, note
                        FROM run ORDER BY id DESC LIMIT ?
                        """, arguments: [limit]
                ).map { row in
                    RunRecord(
                        startedAt: row[0], seconds: row[1], files: row[2], filesRead: row[3], rowsRead: row[4],
                        rejected: row[5], exitStatus: row[6], note: row[7])
                }
            }
        }
    }
}

/// What `hallrate reprocess` reads again.
package enum ReprocessSelection: Sendable {
    case all
    case source(String)
    case file(String)
    /// Every file holding a transaction of this month or later.
    case since(Period)
}
