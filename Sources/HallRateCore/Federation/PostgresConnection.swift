import CPostgreSQL
import Foundation

/// One connection to a PostgreSQL server (or one that speaks its protocol) through libpq, wrapped once:
/// statements with text parameters, rows back as text, and `COPY … FROM STDIN` for bulk rows.
///
/// libpq finds a password in `PGPASSWORD` or `~/.pgpass` and takes TLS options (`sslmode`, `sslrootcert`)
/// from the URL; hallrate passes the URL through and never reads a password itself. Every call is
/// synchronous; the connection is closed when the value goes away.
final class PostgresConnection {
    private let connection: OpaquePointer
    /// The server as messages name it: the URL without any password.
    let display: String

    /// Connects to `url` (`postgresql://user@host:port/db?sslmode=…`, or a `key=value` string).
    /// - Throws: ``HallRateError`` `.publication` naming the server and libpq's reason.
    init(url: String, connectTimeout: Int = 10) throws(HallRateError) {
        display = Self.withoutPassword(url)
        // Defaults first, the URL after them (libpq lets later values win): a timeout keeps a dead server
        // from hanging cron unless the URL sets its own.
        // Both arrays end with NULL, as libpq reads them up to it.
        let keywords: [String?] = ["connect_timeout", "application_name", "dbname", nil]
        let values: [String?] = [String(connectTimeout), "hallrate", url, nil]
        let handle = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let handle else {
            throw HallRateError(.publication, "cannot connect to PostgreSQL at \(display): out of memory")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.trimmed(PQerrorMessage(handle))
            PQfinish(handle)
            throw HallRateError(.publication, "cannot connect to PostgreSQL at \(display): \(reason)")
        }
        connection = handle
        // Notices (e.g. "schema already exists, skipping") are not for the run's output.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    /// Runs one statement; `$1`, `$2`, … take `parameters` as text (nil: NULL).
    /// - Returns: the rows, each field as text (nil: NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws(HallRateError) -> [[String?]] {
        let result = Self.withCStrings(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw failure(result, sql) }
        var rows: [[String?]] = []
        let (count, fields) = (PQntuples(result), PQnfields(result))
        rows.reserveCapacity(Int(count))
        for row in 0..<count {
            rows.append(
                (0..<fields).map { field in
                    PQgetisnull(result, row, field) == 1 ? nil : PQgetvalue(result, row, field).map { String(cString: $0) }
                })
        }
        return rows
    }

    /// `COPY (query) TO STDOUT` in PostgreSQL's binary format, streamed: `body` gets each row as the server
    /// sends it, its fields read where libpq holds them. A federated run reads a million count rows: a
    /// `SELECT` made the server build them all before the first reached us (and a `String` per field cost
    /// seconds); here the server sends while we count (issue 15's benchmark). COPY takes no parameters:
    /// values go into `query` through ``literal(_:)``.
    func copyOut(_ query: String, _ body: (PostgresCopyRow) throws(HallRateError) -> Void) throws(HallRateError) {
        let sql = "COPY (\(query)) TO STDOUT (FORMAT binary)"
        let start = PQexec(connection, sql)
        defer { PQclear(start) }
        guard PQresultStatus(start) == PGRES_COPY_OUT else { throw failure(start, sql) }
        var fields: [(offset: Int, length: Int)] = []
        var error: HallRateError?
        var sawHeader = false
        var ended = false
        while true {
            var data: UnsafeMutablePointer<CChar>?
            let size = PQgetCopyData(connection, &data, 0)
            guard size >= 0, let data else { break }  // -1: done, -2: failed (PQgetResult says why)
            defer { PQfreemem(data) }
            guard error == nil else { continue }  // drain the rest after a failure
            if ended {
                error = HallRateError(.publication, "PostgreSQL at \(display) sent COPY data after its trailer")
                continue
            }
            var message = UnsafeRawBufferPointer(start: data, count: Int(size))
            if !sawHeader {
                // "PGCOPY\n\377\r\n\0", flags (bits 16–31 would change the layout: OIDs), header extension length, extension.
                guard message.count >= 19, message.prefix(11).elementsEqual(Self.binarySignature),
                    let flags = Self.bigEndian(message, at: 11, size: 4), flags & ~0xFFFF == 0,
                    let extensionLength = Self.bigEndian(message, at: 15, size: 4), extensionLength >= 0,
                    message.count - 19 >= extensionLength
                else {
                    error = HallRateError(.publication, "PostgreSQL at \(display) sent no COPY binary header (\(sql.prefix(40)) …)")
                    continue
                }
                message = UnsafeRawBufferPointer(rebasing: message[(19 + extensionLength)...])
                sawHeader = true
                if message.isEmpty { continue }
            }
            guard let count = Self.bigEndian(message, at: 0, size: 2) else {
                error = HallRateError(.publication, "PostgreSQL at \(display) sent a truncated COPY row")
                continue
            }
            if count == -1 {
                ended = true
                continue
            }
            fields.removeAll(keepingCapacity: true)
            var offset = 2
            while fields.count < count, let length = Self.bigEndian(message, at: offset, size: 4) {
                offset += 4
                guard length >= -1, length <= message.count - offset else { break }
                fields.append((offset, length))
                offset += max(length, 0)
            }
            guard count >= 0, fields.count == count, offset == message.count else {
                error = HallRateError(.publication, "PostgreSQL at \(display) sent a COPY row that is not what it announced")
                continue
            }
            do throws(HallRateError) {
                try fields.withUnsafeBufferPointer { fields throws(HallRateError) in
                    try body(PostgresCopyRow(bytes: message, fields: fields))
                }
            } catch let failure {
                error = failure
            }
        }
        var failed: HallRateError?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failed == nil { failed = failure(result, sql) }
            PQclear(result)
        }
        if let error = error ?? failed { throw error }
        // Rows with neither the header before them nor the trailer after them may be only some of them.
        guard sawHeader, ended else {
            throw HallRateError(.publication, "PostgreSQL at \(display) ended a COPY without its \(sawHeader ? "trailer" : "header")")
        }
    }

    /// `value` as an SQL string literal (quoted and escaped by libpq, for the connection's encoding).
    func literal(_ value: String) throws(HallRateError) -> String {
        guard let escaped = PQescapeLiteral(connection, value, value.utf8.count) else {
            throw HallRateError(.publication, "PostgreSQL at \(display): \(Self.trimmed(PQerrorMessage(connection)))")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    /// The signature opening COPY's binary format.
    private static let binarySignature: [UInt8] = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00]

    /// The signed big-endian number of `size` (2, 4 or 8) bytes at `offset`; nil for another size or past the end.
    @inline(__always)
    fileprivate static func bigEndian(_ bytes: UnsafeRawBufferPointer, at offset: Int, size: Int) -> Int? {
        guard offset >= 0, offset <= bytes.count - size else { return nil }
        switch size {
        case 4: return Int(Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
        case 2: return Int(Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
        case 8: return Int(Int64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        default: return nil
        }
    }

    /// `COPY table (columns) FROM STDIN` with `rows` in COPY's text format, sent in chunks.
    func copy(into table: String, columns: [String], rows: [[String?]]) throws(HallRateError) {
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        let start = PQexec(connection, sql)
        defer { PQclear(start) }
        guard PQresultStatus(start) == PGRES_COPY_IN else { throw failure(start, sql) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        func flush() -> Bool {
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer.isEmpty
                || buffer.withUnsafeBufferPointer { bytes in
                    bytes.baseAddress.map { base in
                        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                            PQputCopyData(connection, $0, Int32(bytes.count)) == 1
                        }
                    } ?? true
                }
        }
        var sent = true
        for row in rows where sent {
            for (index, field) in row.enumerated() {
                if index > 0 { buffer.append(0x09) }
                Self.appendCopyText(field, to: &buffer)
            }
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 { sent = flush() }
        }
        if sent { sent = flush() }
        guard PQputCopyEnd(connection, sent ? nil : "hallrate could not send the rows") == 1 else {
            throw HallRateError(.publication, "PostgreSQL at \(display): \(Self.trimmed(PQerrorMessage(connection))) (\(sql))")
        }
        var error: HallRateError?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, error == nil { error = failure(result, sql) }
            PQclear(result)
        }
        if let error { throw error }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// - Parameter readOnly: a read-only snapshot (REPEATABLE READ): every statement sees the same commits.
    func transaction<T>(readOnly: Bool = false, _ body: () throws(HallRateError) -> T) throws(HallRateError) -> T {
        try execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// An identifier quoted for SQL (`"schema"`), for names that come from the pipeline.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - Private

    private func failure(_ result: OpaquePointer?, _ sql: String) -> HallRateError {
        let message = result.map { Self.trimmed(PQresultErrorMessage($0)) } ?? Self.trimmed(PQerrorMessage(connection))
        let statement = sql.split(separator: " ").prefix(4).joined(separator: " ")
        return HallRateError(.publication, "PostgreSQL at \(display) refused \(statement) …: \(message)")
    }

    /// COPY text format: `\N` for NULL; backslash, tab, newline and carriage return escaped.
    private static func appendCopyText(_ field: String?, to buffer: inout [UInt8]) {
        guard let field else {
            buffer.append(contentsOf: [0x5C, 0x4E])
            return
        }
        for byte in field.utf8 {
            switch byte {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            default: buffer.append(byte)
            }
        }
    }

    /// Calls `body` with a C array of NUL-terminated copies of `strings` (NULL for nil), valid during the call.
    /// (An empty array may give no address at all: libpq reads no element then.)
    private static func withCStrings<T>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
        let copies = strings.map { $0.flatMap { strdup($0) } }
        defer { for copy in copies { free(copy) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
    }

    /// `postgresql://user:secret@host/db` → `postgresql://user@host/db`; other strings unchanged but for a
    /// `password=` pair.
    static func withoutPassword(_ url: String) -> String {
        if let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") {
            let credentials = url[scheme.upperBound..<at]
            if let colon = credentials.firstIndex(of: ":") {
                return String(url[..<colon]) + String(url[at...])
            }
            return url
        }
        return url.split(separator: " ").filter { !$0.hasPrefix("password=") }.joined(separator: " ")
    }
}

/// One row of ``PostgresConnection/copyOut(_:_:)``, valid only inside its `body`: fields by position,
/// as COPY's binary format sends them (integers big-endian, text as UTF-8).
struct PostgresCopyRow {
    fileprivate let bytes: UnsafeRawBufferPointer
    /// Each field's offset and length in `bytes`; length -1 for NULL.
    fileprivate let fields: UnsafeBufferPointer<(offset: Int, length: Int)>

    var count: Int { fields.count }

    /// The field's bytes; nil for NULL or past the last field.
    func bytes(_ field: Int) -> UnsafeRawBufferPointer? {
        guard fields.indices.contains(field), fields[field].length >= 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[fields[field].offset..<fields[field].offset + fields[field].length])
    }

    /// The field as text; nil for NULL.
    func text(_ field: Int) -> String? { bytes(field).map { String(decoding: $0, as: UTF8.self) } }

    /// The field as a whole number (a smallint, integer or bigint column); nil for NULL or another type.
    /// (Tens of millions of calls in a province's read: a load, not a loop over bytes.)
    @inline(__always)
    func int(_ field: Int) -> Int? {
        guard fields.indices.contains(field) else { return nil }
        return PostgresConnection.bigEndian(bytes, at: fields[field].offset, size: fields[field].length)
    }
}
