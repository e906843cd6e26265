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

    /// Runs one query and calls `body` with each of its rows, whose fields are read where libpq holds them:
    /// a federated run reads a million count rows, and a `String` per field cost seconds (issue 15's benchmark).
    func forEachRow(
        _ sql: String, _ parameters: [String?] = [], _ body: (PostgresRow) throws(HallRateError) -> Void
    ) throws(HallRateError) {
        let result = Self.withCStrings(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_TUPLES_OK else { throw failure(result, sql) }
        for row in 0..<PQntuples(result) { try body(PostgresRow(result: result, row: row)) }
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

/// One row of a query's result, valid only inside ``PostgresConnection/forEachRow(_:_:_:)``: fields by
/// position, as libpq's text.
struct PostgresRow {
    fileprivate let result: OpaquePointer
    fileprivate let row: Int32

    /// The field as text; nil for NULL.
    func text(_ field: Int) -> String? {
        guard PQgetisnull(result, row, Int32(field)) == 0, let value = PQgetvalue(result, row, Int32(field)) else { return nil }
        return String(cString: value)
    }

    /// The field as a whole number (`-`? digits, as PostgreSQL writes an integer); nil for NULL or anything else.
    func int(_ field: Int) -> Int? {
        guard PQgetisnull(result, row, Int32(field)) == 0, let value = PQgetvalue(result, row, Int32(field)) else { return nil }
        let length = Int(PQgetlength(result, row, Int32(field)))
        return value.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            var i = 0
            let negative = length > 0 && bytes[0] == UInt8(ascii: "-")
            if negative { i = 1 }
            guard i < length, length - i <= 18 else { return nil }
            var number = 0
            while i < length {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                number = number * 10 + digit
                i += 1
            }
            return negative ? -number : number
        }
    }
}
