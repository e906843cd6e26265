internal import CCSV

/// A thin, safe owner of one libcsv parser.
///
/// Bytes go in by chunks with ``parse(_:_:)``; complete records come out, through the callback,
/// after libcsv has returned (libcsv's callbacks cannot stop a parse, so the C callbacks only copy
/// field bytes into one reused buffer and never call back into Swift code that could throw).
///
/// Quoting follows RFC 4180 (libcsv non-strict: a stray quote inside an unquoted field is kept as
/// text, as Excel does). No spaces are trimmed here: normalisation is the mapper's job. Blank lines
/// are skipped. Line numbers count LF, CRLF and CR record ends, and the LFs inside quoted fields.
final class CSVParser {
    /// Limits that keep a hostile file from exhausting memory.
    struct Limits {
        /// A record longer than this (bytes plus 8 per field) is delivered truncated and flagged.
        var maxRecordBytes = 1 << 20
        /// A single field longer than this stops the file: it is almost surely an unterminated quote.
        var maxFieldBytes = 16 << 20
    }

    /// What the end of the input revealed.
    enum Ending: Equatable {
        case clean
        /// The file ended inside a quoted field that started on `line`.
        case unterminatedQuote(line: Int)
    }

    private let parser: UnsafeMutablePointer<csv_parser>
    private let context: UnsafeMutablePointer<Context>
    private let limits: Limits

    /// - Parameter delimiter: the field separator byte (`,`, tab, `;`, `|`).
    init(delimiter: UInt8, limits: Limits = Limits()) throws(HallRateError) {
        self.limits = limits
        parser = .allocate(capacity: 1)
        context = .allocate(capacity: 1)
        context.initialize(to: Context(maxRecordBytes: limits.maxRecordBytes))
        guard csv_init(parser, UInt8(CSV_REPALL_NL)) == 0 else {
            context.deinitialize(count: 1)
            context.deallocate()
            parser.deallocate()
            throw HallRateError(.io, "libcsv could not allocate a parser")
        }
        csv_set_delim(parser, delimiter)
        csv_set_space_func(parser) { _ in 0 }
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        context.deinitialize(count: 1)
        context.deallocate()
    }

    /// Parses the next chunk and hands each record completed by it to `body`.
    /// - Throws: ``HallRateError`` `.fileRefused` when a field outgrows ``Limits/maxFieldBytes``
    ///   or libcsv runs out of memory; rethrows what `body` throws.
    func parse(_ chunk: UnsafeRawBufferPointer, _ body: (RawRecord) throws -> Void) throws {
        if !chunk.isEmpty, let base = chunk.baseAddress {
            let consumed = csv_parse(parser, base, chunk.count, CSVParser.onField, CSVParser.onRowEnd, context)
            if consumed != chunk.count {
                throw HallRateError(.fileRefused, "libcsv stopped: \(String(cString: csv_strerror(csv_error(parser))))",
                                    at: nil)
            }
        }
        if csv_get_buffer_size(parser) > limits.maxFieldBytes {
            throw HallRateError(.fileRefused,
                "a field starting on line \(context.pointee.recordLine) is longer than \(limits.maxFieldBytes >> 20) MiB; is a quote left open?")
        }
        try deliver(body)
    }

    /// Flushes the last record (one without a final line end) and reports how the input ended.
    func finish(_ body: (RawRecord) throws -> Void) throws -> Ending {
        // libcsv reports an open quote at the end only in its strict mode, which also stops at the
        // first stray quote; so look at the parser's state instead: FIELD_BEGUN (2) inside quotes.
        // The state values are libcsv's since 1.0 and its struct is public in csv.h.
        let fieldBegun: Int32 = 2
        if parser.pointee.pstate == fieldBegun, parser.pointee.quoted != 0 {
            let line = context.pointee.fieldsInRecord == 0 ? context.pointee.line : context.pointee.recordLine
            try deliver(body)
            return .unterminatedQuote(line: line)
        }
        _ = csv_fini(parser, CSVParser.onField, CSVParser.onRowEnd, context)
        try deliver(body)
        return .clean
    }

    private func deliver(_ body: (RawRecord) throws -> Void) throws {
        defer { context.pointee.batch.removeDelivered() }
        try context.pointee.batch.forEach(body)
    }

    // MARK: - The C side

    /// State shared with the C callbacks, reached through libcsv's `void *data`.
    struct Context {
        let maxRecordBytes: Int
        var batch = RecordBatch()
        /// The line the parser is on now.
        var line = 1
        /// The line the current (or last) record started on.
        var recordLine = 1
        var fieldsInRecord = 0
        var recordBudget = 0
        var recordTooLong = false
        var afterCR = false

        init(maxRecordBytes: Int) {
            self.maxRecordBytes = maxRecordBytes
        }

        mutating func addField(_ field: UnsafeRawBufferPointer) {
            if fieldsInRecord == 0 {
                recordLine = line
                recordBudget = 0
                recordTooLong = false
            }
            afterCR = false
            let typed = field.bindMemory(to: UInt8.self)
            for byte in typed where byte == 0x0A { line += 1 }
            recordBudget += field.count + 8
            if recordBudget > maxRecordBytes { recordTooLong = true }
            batch.appendField(typed, keep: !recordTooLong)
            fieldsInRecord += 1
        }

        mutating func endRow(_ terminator: Int32) {
            if fieldsInRecord > 0 {
                batch.closeRecord(fieldCount: fieldsInRecord, line: recordLine, isTooLong: recordTooLong)
                fieldsInRecord = 0
            }
            switch terminator {
            case 0x0D:
                line += 1
                afterCR = true
            case 0x0A:
                if !afterCR { line += 1 }
                afterCR = false
            default:
                afterCR = false
            }
        }
    }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        pointer, length, data in
        guard let context = data?.assumingMemoryBound(to: Context.self) else { return }
        let field = UnsafeRawBufferPointer(start: length > 0 ? pointer : nil, count: length > 0 ? length : 0)
        context.pointee.addField(field)
    }

    private static let onRowEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, data in
        data?.assumingMemoryBound(to: Context.self).pointee.endRow(terminator)
    }
}
