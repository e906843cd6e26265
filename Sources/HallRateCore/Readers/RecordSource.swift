/// One input file as records, whatever its format: a reader per format (``CSVRecordSource``,
/// ``XMLRecordSource``), chosen from the pipeline's layout of the source in one place
/// (`Pipeline.Source.recordSource(at:)`). The reader runs on a thread of its own (``RecordPipe``), so
/// reading and parsing overlap mapping and storing.
protocol RecordSource: Sendable {
    /// Reads the file: `header` once with the column names, then `record` for every record.
    /// - Throws: ``HallRateError`` `.io` when the file cannot be read, `.fileRefused` when it is refused
    ///   as a whole; anything `header` or `record` throws.
    func read(header: ([String]) throws -> Void, record: (RawRecord) throws -> Void) throws -> RecordSourceOutcome
}

/// What reading a whole file found, the same for every format.
struct RecordSourceOutcome {
    var sha256: String
    var bytes: Int
    /// The encoding the file was read in, for a text format (what `auto` decided).
    var encoding: TextEncoding?
    /// The file ends in a record that could not be read whole: it is one malformed-record reject.
    var damage: Damage?

    struct Damage {
        /// The line the unreadable record starts on.
        let line: Int
        /// What the reject says.
        let detail: String
        /// The file is marked damaged in its report (status and note), not only its last record rejected.
        let marksFile: Bool
        /// For the log: what happened, and how many lines it took.
        let warning: String
        let lines: Int
    }
}

/// A delimited text export through libcsv (``CSVFileReader``).
struct CSVRecordSource: RecordSource {
    let path: String
    let layout: CSVFileReader.Layout

    func read(header: ([String]) throws -> Void, record: (RawRecord) throws -> Void) throws -> RecordSourceOutcome {
        let reader = CSVFileReader(path: path, layout: layout)
        let read = try RecordPipe { pipe in
            try reader.read(
                header: pipe.header(_:), record: pipe.record(_:), batchRecords: RecordPipe<CSVFileReader.Summary>.batchRecords,
                batch: pipe.take(_:))
        }
        .drain(header: header, record: record)
        var outcome = RecordSourceOutcome(sha256: read.sha256, bytes: read.bytes, encoding: read.encoding)
        if let line = read.unterminatedQuoteLine {
            let lines = read.unterminatedQuoteLastLine - line + 1
            outcome.damage = .init(
                line: line,
                detail: "the file ends inside a quoted field of the record that starts on this line: "
                    + (lines > 1
                        ? "lines \(line) to \(read.unterminatedQuoteLastLine) (\(lines) lines) were swallowed into it, "
                            + "not read as rows; is a quote left open?" : "is a quote left open?"),
                marksFile: false, warning: "a quote left open swallowed the end of the file", lines: lines)
        }
        return outcome
    }
}

/// An XML export through libxml2's reader (``XMLFileReader``); its columns are the layout's fields.
struct XMLRecordSource: RecordSource {
    let path: String
    let layout: XMLFileReader.Layout

    func read(header: ([String]) throws -> Void, record: (RawRecord) throws -> Void) throws -> RecordSourceOutcome {
        try header(layout.fields.map(\.description))
        let reader = XMLFileReader(path: path, layout: layout)
        let read = try RecordPipe { pipe in try reader.read(record: pipe.record(_:)) }.drain(header: header, record: record)
        var outcome = RecordSourceOutcome(sha256: read.sha256, bytes: read.bytes)
        if let damage = read.damage {
            outcome.damage = .init(line: damage.line, detail: damage.message, marksFile: true, warning: "file damaged", lines: 1)
        }
        return outcome
    }
}
