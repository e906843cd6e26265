/// Reads one CSV export: bytes by chunks, decoded to UTF-8, parsed by libcsv, delivered record by record.
///
/// The first non-blank record is the header. A UTF-8 byte-order mark is dropped. Undecodable bytes
/// refuse the whole file with their byte offset and a hint.
struct CSVFileReader {
    /// How the file's bytes are laid out.
    struct Layout: Sendable {
        var encoding: TextEncoding = .utf8
        var delimiter: UInt8 = UInt8(ascii: ",")
    }

    /// What reading a file produced besides its records.
    struct Summary {
        var sha256: String
        var bytes: Int
        /// Set when the file ended inside a quoted field: the line its record starts on.
        var unterminatedQuoteLine: Int?
        /// With ``unterminatedQuoteLine``: the file's last line, up to which the open field swallowed everything.
        var unterminatedQuoteLastLine = 0
        /// The encoding the file was read in (what `auto` decided).
        var encoding: TextEncoding
    }

    let path: String
    let layout: Layout
    var limits = CSVParser.Limits()
    /// Bytes read from disk at a time; memory use does not grow with the file.
    var chunkSize = 1 << 16

    /// Reads the file, calling `header` once with the column names, then `record` for each data record.
    /// - Throws: ``HallRateError`` `.io` when the file cannot be read, `.fileRefused` when it cannot be
    ///   decoded or parsed; anything `header` or `record` throws.
    func read(header: ([String]) throws -> Void, record: (RawRecord) throws -> Void) throws -> Summary {
        try read(header: header, record: record, batchRecords: 0, batch: { _ in })
    }

    /// Reads the file as ``read(header:record:)`` does, but hands the data records over, once the
    /// header's chunk is read, in whole batches of at least `batchRecords` (fewer at the end) without
    /// copying them: `batch` takes the parser's batch and must leave an empty one in its place (see
    /// ``CSVParser/handOver(minimum:_:)``). The records before that go to `record`. With
    /// `batchRecords` 0, every record goes to `record`.
    func read(
        header: ([String]) throws -> Void, record: (RawRecord) throws -> Void, batchRecords: Int,
        batch: (inout RecordBatch) throws -> Void
    ) throws -> Summary {
        let encoding = try layout.encoding.resolved(forFileAt: path)
        let converter = try encoding.iconvName.map { name throws(HallRateError) in try IconvConverter(from: name, to: "UTF-8") }
        // UTF-8 input is checked on the hashing thread, off this one; converted input by iconv.
        let file = try InputFile(path: path, chunkSize: chunkSize, validatingUTF8: converter == nil)
        let parser = try CSVParser(delimiter: layout.delimiter, limits: limits)
        /// The refusal for bytes that are not UTF-8, once the check has seen them (it runs behind the
        /// parser, so it is asked before any other error is reported and at the end).
        func notUTF8(atEnd: Bool) -> HallRateError? {
            guard converter == nil else { return nil }
            let check = file.utf8Check()
            if let bad = check.invalidAt {
                return HallRateError(
                    .fileRefused,
                    "bytes are not valid UTF-8 at byte offset \(bad); "
                        + "this looks like GB18030 (Excel on Chinese Windows): set encoding: gb18030",
                    at: SourceLocation(file: path))
            }
            if atEnd, !check.isComplete {
                return HallRateError(.fileRefused, "the file ends inside a UTF-8 character", at: SourceLocation(file: path))
            }
            return nil
        }
        var sawHeader = false
        func handle(_ row: RawRecord) throws {
            if sawHeader {
                try record(row)
            } else {
                // The header decides the mapping: check the bytes handed out so far first, as a
                // refusal for bad bytes explains a garbled header better than a missing column.
                if let refusal = notUTF8(atEnd: false) { throw refusal }
                sawHeader = true
                try header(row.strings)
            }
        }
        var head: [UInt8]? = []  // the first bytes, until the byte-order mark question is settled
        /// Hands out the records parsed so far: one by one until the header is known, then in
        /// batches when asked to (`atEnd`: whatever is left).
        func handOut(atEnd: Bool) throws {
            if sawHeader, batchRecords > 0 {
                try parser.handOver(minimum: atEnd ? 1 : batchRecords, batch)
            } else {
                try parser.deliver(handle(_:))
            }
        }
        func parse(_ text: UnsafeRawBufferPointer) throws {
            try parser.parse(text)
            try handOut(atEnd: false)
        }
        func feed(_ utf8: UnsafeRawBufferPointer, isLast: Bool) throws {
            guard var start = head else { return try parse(utf8) }
            start.append(contentsOf: utf8)
            guard start.count >= 3 || isLast else {
                head = start
                return
            }
            head = nil
            if start.starts(with: [0xEF, 0xBB, 0xBF]) { start.removeFirst(3) }
            try start.withUnsafeBytes { try parse($0) }
        }
        /// Decodes and parses every chunk.
        func readAll() throws {
            while true {
                let more = try file.nextChunk { chunk -> Bool in
                    if let converter {
                        do {
                            try converter.convert(chunk, isLast: chunk.isEmpty) { try feed($0, isLast: chunk.isEmpty) }
                        } catch let invalid as IconvConverter.InvalidInput {
                            throw HallRateError(
                                .fileRefused,
                                "bytes are not valid \(encoding.rawValue) at byte offset \(invalid.offset); "
                                    + "check the source's encoding (encoding: auto detects it)", at: SourceLocation(file: path))
                        }
                    } else {
                        try feed(chunk, isLast: chunk.isEmpty)
                    }
                    return !chunk.isEmpty
                }
                if !more { break }
            }
        }
        do {
            try readAll()
        } catch let error as HallRateError {
            throw notUTF8(atEnd: false) ?? error
        }
        if let refusal = notUTF8(atEnd: true) { throw refusal }
        let ending = parser.finish()
        try handOut(atEnd: true)
        var summary = Summary(sha256: file.digest(), bytes: file.size, encoding: encoding)
        if case .unterminatedQuote(let line, let lastLine) = ending {
            summary.unterminatedQuoteLine = line
            summary.unterminatedQuoteLastLine = lastLine
        }
        return summary
    }
}
