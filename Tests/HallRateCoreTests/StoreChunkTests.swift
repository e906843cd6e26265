import Foundation
import GRDB
import Testing

@testable import HallRateCore

/// The compact store: rows stored as sorted chunks (spilled and merged for big files) come back in
/// merged order, and deduplication over them equals a plain fold over the rows in reading order.
struct StoreChunkTests {
    /// A registry of four halls.
    let registry = HallRegistry(
        halls: (0..<4).map {
            Hall(code: "52050200\($0)000", name: "大厅\($0)", tier: .township, parentCode: "")
        })

    /// Random transactions with few distinct ids (so many duplicates), some without `updated_at`.
    func randomFiles(seed: UInt64, files: Int, rows: Int) -> [[Transaction]] {
        var generator = SplitMix64(seed: seed)
        return (0..<files).map { _ in
            (0..<Int.random(in: 0...rows, using: &generator)).map { _ in
                let id = "T\(Int.random(in: 0..<(rows / 2 + 1), using: &generator))"
                let updated =
                    Bool.random(using: &generator)
                    ? nil
                    : LocalTime(seconds: Int64.random(in: 0..<6, using: &generator) * 3600)
                return Transaction(
                    key: TransactionKey(id), hall: Int.random(in: 0..<4, using: &generator),
                    channel: Channel.allCases.randomElement(using: &generator) ?? .window,
                    status: Status.allCases.randomElement(using: &generator) ?? .completed,
                    period: Period(year: 2019, month: Int.random(in: 1...12, using: &generator)),
                    updatedAt: updated)
            }
        }
    }

    /// Stores the files (named so that path order is their order) and reads the results back.
    func storeAndCount(
        _ files: [[Transaction]], chunkCapacity: Int, maxChunkRows: Int, maxDirectChunks: Int,
        mergeParts: Int = 1
    ) throws -> (counts: [HallPeriod: ChannelStatusCounts], duplicates: [Int], accepted: [Int]) {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("hallrate.sqlite").path)
        store.chunkCapacity = chunkCapacity
        store.maxChunkRows = maxChunkRows
        store.maxDirectChunks = maxDirectChunks
        store.splitMergeFromRows = 0
        store.mergeParts = mergeParts
        for (index, rows) in files.enumerated() {
            let path = "f\(String(format: "%03d", index)).csv"
            _ = try store.replaceFile(path, hallCodes: registry.halls.map(\.code)) { sink in
                for row in rows { try sink.add(row) }
                return .stored(
                    LedgerEntry(
                        path: path, source: "s", size: 0, modified: 0, sha256: "", fingerprint: "", status: .ok,
                        encoding: nil, note: nil, rowsRead: rows.count, rejected: 0, ingestedAt: ""), ()
                )
            }
        }
        let counter = try store.readTransactions { stored, periods in
            StoredRowCounter(files: stored, periods: periods, registry: registry)
        }
        let spills = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("spill") }
        #expect(spills.isEmpty, "scratch files are gone")
        return (counter.aggregator.counts, counter.deduplicator.duplicatesByFile, files.indices.map { counter.accepted(file: $0) })
    }

    /// Contract rule 3 as a plain fold over the rows in reading order.
    func reference(_ files: [[Transaction]]) -> (counts: [HallPeriod: ChannelStatusCounts], duplicates: [Int], accepted: [Int]) {
        var kept: [TransactionKey: (row: Transaction, file: Int)] = [:]
        var duplicates = [Int](repeating: 0, count: files.count)
        for (file, rows) in files.enumerated() {
            for row in rows {
                if let current = kept[row.key] {
                    if let a = current.row.updatedAt, let b = row.updatedAt, a > b {
                        duplicates[file] += 1
                        continue
                    }
                    duplicates[current.file] += 1
                }
                kept[row.key] = (row, file)
            }
        }
        var counts: [HallPeriod: ChannelStatusCounts] = [:]
        var accepted = [Int](repeating: 0, count: files.count)
        for (row, file) in kept.values {
            counts[HallPeriod(hall: row.hall, period: row.period), default: ChannelStatusCounts()].add(row.channel, row.status)
            accepted[file] += 1
        }
        return (counts, duplicates, accepted)
    }

    /// One chunk per file; many chunks per file; chunks moved to the spill file then merged into
    /// pieces; everything spilled from the first run; each read back whole and in 2 to 5 key ranges
    /// merged at the same time.
    @Test(arguments: [
        (1, 1_000_000, 1_000_000, 8, 1), (2, 7, 1_000_000, 1_000, 1), (3, 5, 11, 2, 1), (4, 1, 3, 0, 1),
        (1, 1_000_000, 1_000_000, 8, 2), (2, 7, 1_000_000, 1_000, 3), (3, 5, 11, 2, 5), (4, 1, 3, 0, 2),
    ])
    func chunksSpillsAndMergesGiveTheFoldsResults(
        seed: UInt64, chunkCapacity: Int, maxChunkRows: Int, maxDirectChunks: Int,
        mergeParts: Int
    ) throws {
        let files = randomFiles(seed: seed, files: 6, rows: 120)
        let expected = reference(files)
        let got = try storeAndCount(
            files, chunkCapacity: chunkCapacity, maxChunkRows: maxChunkRows,
            maxDirectChunks: maxDirectChunks, mergeParts: mergeParts)
        #expect(got.counts == expected.counts)
        #expect(got.duplicates == expected.duplicates)
        #expect(got.accepted == expected.accepted)
        #expect(expected.duplicates.reduce(0, +) > 0, "the data has duplicates to decide")
    }

    /// The flat table (a sane span of months) and the dictionary (a span too wide for it, as a
    /// garbage year would make) count the same winners the same way.
    @Test func aggregatorCountsTheSameWithItsTableAndItsDictionary() {
        var generator = SplitMix64(seed: 11)
        let rows = (0..<2000).map { _ in
            CompactTransaction(
                key: TransactionKey(rawValue: generator.next()), updatedAt: nil,
                period: Period(index: Int.random(in: 24_000..<24_030, using: &generator)), hall: 0,
                channel: Channel.allCases.randomElement(using: &generator) ?? .window,
                status: Status.allCases.randomElement(using: &generator) ?? .completed)
        }
        let halls = rows.map { _ in Int.random(in: 0..<7, using: &generator) }
        let table = Aggregator(halls: 7, periods: 24_000...24_029)
        let dictionary = Aggregator(halls: 7, periods: 0...119_999)
        var expected: [HallPeriod: ChannelStatusCounts] = [:]
        for (row, hall) in zip(rows, halls) {
            table.add(row, hall: hall)
            dictionary.add(row, hall: hall)
            expected[HallPeriod(hall: hall, period: Period(index: Int(row.period))), default: ChannelStatusCounts()]
                .add(row.channel, row.status)
        }
        #expect(table.counts == expected)
        #expect(dictionary.counts == expected)
    }

    /// Keys of every shape the sort treats apart: hashed (full 64 bits), few distinct values, groups
    /// sharing the top 33 bits (sorted by insertion up to 32 rows, by comparison above), all in one
    /// such group, and tiny inputs; each against a plain sort by (key, reading position).
    @Test(arguments: [
        ("hashed", 20_000), ("few distinct", 5000), ("shared high bits", 20_000), ("one high group", 3000),
        ("hashed", 33), ("few distinct", 31), ("hashed", 2), ("hashed", 0),
    ])
    func keySorterIsAStableSortByKey(shape: String, count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        let keys: [UInt64] = (0..<count).map { _ in
            let random = generator.next()
            switch shape {
            case "few distinct": return (random % 50) << 40
            // Groups of about 10 rows share bits 31...63 and differ (or not) below.
            case "shared high bits": return ((random % 2000) << 40) | (random >> 59)
            case "one high group": return 0xABCD_0000_0000_0000 | (random % 700)
            default: return random
            }
        }
        var rows = keys.enumerated().map { index, key in
            CompactTransaction(
                key: TransactionKey(rawValue: key), updatedAt: nil,
                period: Period(index: index), hall: 0, channel: .window, status: .completed)
        }
        let expected = rows.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        KeySorter.sort(&rows)
        #expect(rows == expected)
    }

    @Test func aStoreOfVersion2IsConvertedWithItsRows() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hallrate.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator(folder: folder.path).migrate(queue, upTo: "v2: no index on txn.period")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO file (id, path, source, size, modified, sha256, fingerprint, status, rows_read, rejected, ingested_at)
                    VALUES (1, 'b.csv', 's', 0, 0, '', '', 'ok', 2, 0, ''), (2, 'a.csv', 's', 0, 0, '', '', 'ok', 1, 0, '');
                    INSERT INTO txn (file_id, ordinal, txn_id, hall_code, period, channel, status, updated_at) VALUES
                        (1, 0, 'X', '520502001000', 24228, 'online', 'completed', NULL),
                        (1, 1, 'Y', '520502003000', 24229, 'window', 'withdrawn', 100),
                        (2, 0, 'X', '520502002000', 24230, 'mobile', 'completed', 50);
                    """)
        }
        let store = try Store(path: path)
        let counter = try store.readTransactions { files, periods in
            #expect(files.map(\.path) == ["a.csv", "b.csv"])
            #expect(periods == 24228...24230)
            return StoredRowCounter(files: files, periods: periods, registry: registry)
        }
        // X: a.csv is read first; b.csv's row has no updated_at, so the later-read row wins.
        #expect(
            counter.aggregator.counts == [
                HallPeriod(hall: 1, period: Period(index: 24228)): {
                    var c = ChannelStatusCounts()
                    c.add(.online, .completed)
                    return c
                }(),
                HallPeriod(hall: 3, period: Period(index: 24229)): {
                    var c = ChannelStatusCounts()
                    c.add(.window, .withdrawn)
                    return c
                }(),
            ])
        #expect(counter.deduplicator.duplicatesByFile == [1, 0])
        let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("txn"))
    }
}

extension StoreChunkTests {
    /// Version 3 kept 24-byte rows: opening such a store widens them to 32 bytes with every field kept,
    /// and no completed_at, item or department recorded.
    @Test func aStoreOfVersion3IsWidenedWithItsRows() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hallrate.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator(folder: folder.path).migrate(queue, upTo: "v3: transactions as sorted chunks of compact rows")
        // Two rows as version 3 wrote them: key, updated_at, period, hall, kind, day (little-endian).
        func old(key: UInt64, updatedAt: Int64, period: Int32, hall: UInt16, kind: UInt8, day: UInt8) -> [UInt8] {
            withUnsafeBytes(of: key.littleEndian, Array.init) + withUnsafeBytes(of: updatedAt.littleEndian, Array.init)
                + withUnsafeBytes(of: period.littleEndian, Array.init) + withUnsafeBytes(of: hall.littleEndian, Array.init) + [kind, day]
        }
        let blob =
            old(key: 5, updatedAt: Int64.min, period: 24228, hall: 0, kind: 1 * 8 + 0, day: 9)
            + old(key: 7, updatedAt: 100, period: 24229, hall: 1, kind: 0 * 8 + 3, day: 0)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO file (id, path, source, size, modified, sha256, fingerprint, status, rows_read, rejected, ingested_at,
                                      first_period, last_period)
                    VALUES (1, 'a.csv', 's', 0, 0, '', '', 'ok', 2, 0, '', 24228, 24229);
                    INSERT INTO file_hall (file_id, idx, code) VALUES (1, 0, '520502001000'), (1, 1, '520502003000');
                    """)
            try db.execute(sql: "INSERT INTO txn_chunk (file_id, seq, count, data) VALUES (1, 0, 2, ?)", arguments: [Data(blob)])
        }
        let store = try Store(path: path)
        let counter = try store.readTransactions { files, periods in
            StoredRowCounter(files: files, periods: periods, registry: registry)
        }
        var online = ChannelStatusCounts()
        online.add(.online, .completed)
        var withdrawn = ChannelStatusCounts()
        withdrawn.add(.window, .withdrawn)
        #expect(
            counter.aggregator.counts == [
                HallPeriod(hall: 1, period: Period(index: 24228)): online, HallPeriod(hall: 3, period: Period(index: 24229)): withdrawn,
            ])
        #expect(counter.aggregator.latestDays == [HallPeriod(hall: 1, period: Period(index: 24228)): 9])
        let items = counter.items.breakdowns(.item)
        #expect(items.map(\.key) == [.notRecorded] && items.map(\.total) == [1])  // the withdrawn row is not counted
        let data = try queue.read { try Data.fetchOne($0, sql: "SELECT data FROM txn_chunk") }
        #expect(data?.count == 2 * CompactTransaction.byteCount)
    }

    /// A refused file is recorded with its reject and none of the rows read before the refusal, in one
    /// transaction; a file kept as it was keeps its earlier rows, ledger and rejects.
    @Test func aRefusedFileKeepsNoRowAndAKeptFileKeepsItsEarlierOnes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("hallrate.sqlite").path)
        func entry(_ status: FileReport.Status, rows: Int) -> LedgerEntry {
            LedgerEntry(
                path: "a.csv", source: "s", size: rows, modified: 0, sha256: "", fingerprint: "", status: status,
                encoding: nil, note: nil, rowsRead: rows, rejected: status == .refused ? 1 : 0, ingestedAt: "")
        }
        func row(_ key: String) -> Transaction {
            Transaction(
                key: TransactionKey(key), hall: 1, channel: .online, status: .completed, period: Period(index: 24228), updatedAt: nil)
        }
        func storedRows() throws -> Int {
            try store.readTransactions { files, periods in StoredRowCounter(files: files, periods: periods, registry: registry) }
                .aggregator.counts.values.reduce(0) { $0 + $1.total }
        }
        try store.replaceFile("a.csv", hallCodes: registry.halls.map(\.code)) { sink in
            for key in ["A", "B"] { try sink.add(row(key)) }
            return .stored(entry(.ok, rows: 2), ())
        }
        #expect(try storedRows() == 2)
        // Read again, three rows in, then refused as a whole.
        try store.replaceFile("a.csv", hallCodes: registry.halls.map(\.code)) { sink in
            for key in ["C", "D", "E"] { try sink.add(row(key)) }
            let reject = Reject(file: "a.csv", line: 4, reason: .fileRefused, detail: "a DOCTYPE", raw: "")
            return .refused(entry(.refused, rows: 1), reject, ())
        }
        #expect(try storedRows() == 0)
        #expect(try store.ledger()["a.csv"]?.status == .refused)
        var rejects: [Reject] = []
        try store.forEachReject { rejects.append($0) }
        #expect(rejects.map(\.line) == [4])
        // Read again and dropped: the refusal stays as it was.
        try store.replaceFile("a.csv", hallCodes: registry.halls.map(\.code)) { sink in
            try sink.add(row("F"))
            return .keptPrevious(())
        }
        #expect(try storedRows() == 0)
        #expect(try store.ledger()["a.csv"]?.status == .refused)
    }

    /// Every channel and status survives the one-byte `kind` a stored row keeps them in.
    @Test func channelAndStatusRoundTripThroughTheStoredKind() {
        for channel in Channel.allCases {
            for status in Status.allCases {
                let row = CompactTransaction(
                    key: TransactionKey("T"), updatedAt: nil, period: Period(index: 0), hall: 0,
                    channel: channel, status: status)
                #expect(row.channel == channel && row.status == status)
                #expect(Int(row.kind) < CompactTransaction.kindCount)
            }
        }
    }
}
