internal import CCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thin, safe owner of one libcsv parser.
///
/// Bytes go in by chunks with ``parse(_:_:)``; complete records come out, through the callback,
/// after libcsv has returned (libcsv's callbacks cannot stop a parse, so the C callbacks only copy
/// field bytes into one reused buffer and never call back into Swift code that could throw). A
/// reader that passes records on to another thread takes them a batch at a time instead, without a
/// copy: ``parse(_:)`` then ``handOver(minimum:_:)``.
///
/// Quoting follows RFC 4180 (libcsv non-strict: a stray quote inside an unquoted field is kept as
/// text, as Excel does). No spaces are trimmed here: normalisation is the mapper's job. Blank lines
/// are skipped. Line numbers count LF, CRLF and CR record ends, and the LFs inside quoted fields.
///
/// Fast path: a complete line without a quote byte, met while libcsv is between records, is split
/// on the delimiter here (``CSVFastSplitter``) and never reaches libcsv; what libcsv would have
/// made of it is exactly that split. Every other line goes to libcsv, one line at a time until it is
/// back between records, so the switch between the two only ever happens at a record boundary.
/// `CSVParserDifferentialTests` proves the records, lines, flags and endings identical to libcsv's.
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
        /// The file ended inside a quoted field: `line` is where its record starts, `lastLine` the last
        /// line of the file (every line between was swallowed into the field).
        case unterminatedQuote(line: Int, lastLine: Int)
    }

    private let parser: UnsafeMutablePointer<csv_parser>
    private let context: UnsafeMutablePointer<Context>
    private let limits: Limits
    private let delimiter: UInt8
    private let usesFastPath: Bool
    /// The longest field the fast path split so far, -1 before its first line: libcsv's buffer
    /// would have grown to hold it, and ``Limits/maxFieldBytes`` is checked against that growth.
    private var longestFastField = -1
    /// Lines the fast path split (the differential tests check that it runs).
    private(set) var quoteFreeLines = 0

    /// - Parameters:
    ///   - delimiter: the field separator byte (`,`, tab, `;`, `|`).
    ///   - usesFastPath: false hands every byte to libcsv; only the differential tests turn it off.
    init(delimiter: UInt8, limits: Limits = Limits(), usesFastPath: Bool = true) throws(HallRateError) {
        self.limits = limits
        self.delimiter = delimiter
        self.usesFastPath = usesFastPath
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
    /// - Complexity: O(chunk length).
    func parse(_ chunk: UnsafeRawBufferPointer, _ body: (RawRecord) throws -> Void) throws {
        try parse(chunk)
        try deliver(body)
    }

    /// Parses the next chunk, keeping the records it completes for ``deliver(_:)`` or ``handOver(minimum:_:)``.
    /// - Throws: as ``parse(_:_:)``, before any of the chunk's records are handed out.
    func parse(_ chunk: UnsafeRawBufferPointer) throws {
        if !chunk.isEmpty, let base = chunk.baseAddress {
            if usesFastPath {
                try parseSplittingQuoteFreeLines(base.assumingMemoryBound(to: UInt8.self), count: chunk.count)
            } else {
                try feedLibcsv(base, count: chunk.count)
            }
        }
        if max(csv_get_buffer_size(parser), libcsvBufferSizeForFastFields()) > limits.maxFieldBytes {
            throw HallRateError(
                .fileRefused,
                "a field starting on line \(context.pointee.recordLine) is longer than \(limits.maxFieldBytes >> 20) MiB; is a quote left open?"
            )
        }
    }

    /// Whether libcsv is between records: in its ROW_NOT_BEGUN state (0 since libcsv 1.0; its
    /// struct is public in csv.h), which only its row end enters, with no byte of a field buffered.
    private var libcsvIsBetweenRecords: Bool {
        parser.pointee.pstate == 0 && parser.pointee.entry_pos == 0
    }

    /// Splits the chunk's quote-free lines itself and gives libcsv the rest, switching only where
    /// libcsv is between records.
    private func parseSplittingQuoteFreeLines(_ base: UnsafePointer<UInt8>, count: Int) throws {
        var splitter = CSVFastSplitter(base: base, count: count)
        var position = 0
        while position < count {
            guard libcsvIsBetweenRecords else {
                // Inside a record (a quoted field may span lines, or the last chunk cut a line):
                // libcsv reads on, one line at a time, until it is between records again.
                let end = splitter.lineEnd(from: position)
                try feedLibcsv(base + position, count: end - position)
                position = end
                continue
            }
            switch splitter.line(from: position) {
            case .quoteFree(let end):
                addQuoteFreeLine(UnsafeBufferPointer(start: base + position, count: end - position), terminator: base[end])
                position = end + 1
            case .forLibcsv(let end):
                try feedLibcsv(base + position, count: end - position)
                position = end
            }
        }
    }

    /// Does what libcsv's callbacks would do for a quote-free line ended by `terminator`: one field
    /// per delimiter-separated piece (none for a blank line), then the row end.
    private func addQuoteFreeLine(_ line: UnsafeBufferPointer<UInt8>, terminator: UInt8) {
        var longest = max(longestFastField, 0)
        if !line.isEmpty {
            longest = max(longest, context.pointee.addQuoteFreeRecord(line, delimiter: delimiter))
        }
        longestFastField = longest
        quoteFreeLines &+= 1
        context.pointee.endRow(Int32(terminator))
    }

    /// The size libcsv's buffer would have reached had it read the fast path's fields: it starts at
    /// one block and grows a block at a time until it is longer than the longest field followed by
    /// a delimiter or line end (measured on libcsv 3.0.3; the differential tests check it).
    private func libcsvBufferSizeForFastFields() -> Int {
        guard longestFastField >= 0 else { return 0 }
        let block = max(parser.pointee.blk_size, 1)
        return (longestFastField / block + 1) * block
    }

    /// Hands `count` bytes to libcsv, whose callbacks fill the batch.
    private func feedLibcsv(_ start: UnsafeRawPointer, count: Int) throws {
        let consumed = csv_parse(parser, start, count, CSVParser.onField, CSVParser.onRowEnd, context)
        if consumed != count {
            throw HallRateError(
                .fileRefused, "libcsv stopped: \(String(cString: csv_strerror(csv_error(parser))))",
                at: nil)
        }
    }

    /// Flushes the last record (one without a final line end), hands out what is left, and reports
    /// how the input ended.
    func finish(_ body: (RawRecord) throws -> Void) throws -> Ending {
        let ending = finish()
        try deliver(body)
        return ending
    }

    /// Flushes the last record (one without a final line end), keeping it for ``deliver(_:)`` or
    /// ``handOver(minimum:_:)``, and reports how the input ended.
    func finish() -> Ending {
        // libcsv reports an open quote at the end only in its strict mode, which also stops at the
        // first stray quote; so look at the parser's state instead: FIELD_BEGUN (2) inside quotes.
        // The state values are libcsv's since 1.0 and its struct is public in csv.h.
        let fieldBegun: Int32 = 2
        if parser.pointee.pstate == fieldBegun, parser.pointee.quoted != 0 {
            let start = !context.pointee.recordOpen ? context.pointee.line : context.pointee.recordLine
            // The open field's bytes are still in libcsv's entry buffer: its line ends were never counted.
            var pending = 0
            if let buffer = parser.pointee.entry_buf {
                let bytes = UnsafeBufferPointer(start: buffer, count: Int(parser.pointee.entry_pos))
                pending = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                if bytes.last == 0x0A { pending -= 1 }  // the file's last line end starts no new line
            }
            return .unterminatedQuote(line: start, lastLine: max(start, context.pointee.line + pending))
        }
        _ = csv_fini(parser, CSVParser.onField, CSVParser.onRowEnd, context)
        return .clean
    }

    /// Hands each complete record parsed so far to `body`, in order.
    func deliver(_ body: (RawRecord) throws -> Void) throws {
        defer { context.pointee.batch.removeDelivered() }
        try context.pointee.batch.forEach(body)
    }

    /// Hands the complete records parsed so far to `take` as one batch, without copying them, when
    /// there are at least `minimum`. `take` must leave an empty batch in their place (one whose room
    /// can be reused), in which parsing goes on: the fields of a record still in progress move there.
    func handOver(minimum: Int, _ take: (inout RecordBatch) throws -> Void) rethrows {
        guard context.pointee.batch.records.count >= max(minimum, 1) else { return }
        var batch = context.pointee.batch
        context.pointee.batch = RecordBatch(reserving: false)  // so that `batch` is the only owner
        let unfinished = batch.removeUnfinished()
        defer {
            batch.removeAll()
            batch.append(unfinished)
            context.pointee.batch = batch
        }
        try take(&batch)
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
        /// Fields stored for the record being read (a record over its limit stores no more fields, so
        /// a line of millions of fields costs no more memory than one of 1 MiB).
        var fieldsInRecord = 0
        /// True between a record's first field and its end.
        var recordOpen = false
        var recordBudget = 0
        var recordTooLong = false
        var afterCR = false

        init(maxRecordBytes: Int) {
            self.maxRecordBytes = maxRecordBytes
        }

        /// A field from libcsv: quoted fields may hold LFs, which count as lines.
        mutating func addField(_ field: UnsafeRawBufferPointer) {
            let typed = field.bindMemory(to: UInt8.self)
            addLineFreeField(typed)
            guard var next = typed.baseAddress else { return }
            var left = typed.count
            while left > 0, let hit = memchr(next, 0x0A, left) {
                line += 1
                let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                left -= next.distance(to: found) + 1
                next = found + 1
            }
        }

        /// The fields of a quote-free, non-empty line (its bytes cut at each delimiter) as a new
        /// record, still open (``endRow(_:)`` closes it). The fast path runs between records only, so
        /// no field is pending; the record is stored as ``addLineFreeField(_:)`` would store its
        /// fields one by one, with one copy of the line.
        /// - Returns: the length of its longest field.
        /// - Complexity: O(line length).
        mutating func addQuoteFreeRecord(_ fields: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Int {
            assert(!recordOpen, "the fast path runs between records only")
            let (count, longest) = batch.appendFields(splitting: fields, on: delimiter)
            recordLine = line
            afterCR = false
            recordOpen = true
            fieldsInRecord = count
            recordBudget = fields.count - (count - 1) + 8 * count
            recordTooLong = recordBudget > maxRecordBytes
            if recordTooLong {
                // Keep the fields whose running budget stays within the limit, as field by field.
                let first = batch.fieldEnds.count - count
                var budget = 0
                var kept = 0
                while kept < count {
                    budget += batch.fieldLength(first + kept) + 8
                    if budget > maxRecordBytes { break }
                    kept += 1
                }
                batch.dropLastFields(count, keeping: kept)
                fieldsInRecord = kept
            }
            return longest
        }

        /// A field without LF: stored while the record is within its limit, dropped after; no line counted.
        mutating func addLineFreeField(_ field: UnsafeBufferPointer<UInt8>) {
            if !recordOpen {
                recordOpen = true
                recordLine = line
                recordBudget = 0
                recordTooLong = false
            }
            afterCR = false
            guard !recordTooLong else { return }
            recordBudget += field.count + 8
            if recordBudget > maxRecordBytes {
                recordTooLong = true
                return
            }
            batch.appendField(field)
            fieldsInRecord += 1
        }

        mutating func endRow(_ terminator: Int32) {
            if recordOpen {
                batch.closeRecord(fieldCount: fieldsInRecord, line: recordLine, isTooLong: recordTooLong)
                fieldsInRecord = 0
                recordOpen = false
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
