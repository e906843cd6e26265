import Foundation

/// Entry points for coverage-guided fuzzing (`make fuzz`, `Sources/HallRateFuzz`): each takes any
/// bytes, runs one parser on them, and traps when it finds a bug rather than a refusal: an error is a
/// normal outcome, a crash, a hang, a leak or a broken invariant is not. Where a fast path has a simple
/// oracle, the two are compared on every input.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// The CSV parser: the quote-free fast path and libcsv alone must give the same records, ending
    /// and refusal, at two chunk sizes (the first input byte picks one, and the record limit).
    case csv
    /// The XML reader (libxml2 SAX2 push parser, hardened) on a file of the input's bytes.
    case xml
    /// The date parser, on every pattern kind (the first byte picks the pattern).
    case date
    /// The decoders: the UTF-8 validator against Swift's own, and iconv from GB18030 and UTF-16.
    case encoding
    /// The hall registry reader on a file of the input's bytes.
    case registry
    /// The pipeline loader (YAML, keys, values) on a file of the input's bytes.
    case pipeline

    /// Runs the target on `bytes`.
    package func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .csv: FuzzTarget.csv(bytes)
        case .xml: FuzzTarget.xml(bytes)
        case .date: FuzzTarget.date(bytes)
        case .encoding: FuzzTarget.encoding(bytes)
        case .registry:
            FuzzTarget.onFile(bytes, name: "halls.csv") { path in
                _ = try RegistryReader(path: path, displayPath: "halls.csv").read()
            }
        case .pipeline:
            FuzzTarget.onFile(bytes, name: "pipeline.yml") { path in
                _ = try PipelineLoader(root: FuzzTarget.folder).load(path)
            }
        }
    }

    // MARK: - The targets

    private static func csv(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        let data = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        var limits = CSVParser.Limits()
        limits.maxRecordBytes = first & 1 == 0 ? 64 : 1 << 20
        limits.maxFieldBytes = 4096
        let chunk = [2, 7, 64, 4096][Int(first >> 1) % 4]
        let delimiter: UInt8 = first & 0x80 == 0 ? UInt8(ascii: ",") : UInt8(ascii: "\t")
        let libcsv = parseCSV(data, chunk: chunk, delimiter: delimiter, limits: limits, fastPath: false)
        let fast = parseCSV(data, chunk: chunk, delimiter: delimiter, limits: limits, fastPath: true)
        guard libcsv == fast else {
            fatalError("the CSV fast path and libcsv disagree (chunk \(chunk)):\n\(libcsv)\n\(fast)")
        }
    }

    /// What a parse shows its caller: each record's line, flag and fields, and how it ended.
    private static func parseCSV(
        _ bytes: UnsafeRawBufferPointer, chunk: Int, delimiter: UInt8, limits: CSVParser.Limits,
        fastPath: Bool
    ) -> String {
        var shown = ""
        func collect(_ record: RawRecord) {
            shown += "\(record.line) \(record.isTooLong) \((0..<record.count).map { Array(record[$0]) })\n"
        }
        do {
            let parser = try CSVParser(delimiter: delimiter, limits: limits, usesFastPath: fastPath)
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                try parser.parse(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + chunk, bytes.count)]), collect)
            }
            shown += "\(try parser.finish(collect))"
        } catch {
            shown += "error \(error)"
        }
        return shown
    }

    /// The push parser as ``XMLFileReader`` drives it, on the input cut into chunks of 61 bytes (so
    /// that names, references and characters are cut too), without a file.
    private static func xml(_ bytes: UnsafeRawBufferPointer) {
        do {
            var limits = XMLFileReader.Limits()
            limits.maxFieldBytes = 256
            limits.maxAttributes = 64
            let parser = try XMLPushParser(layout: xmlLayout, limits: limits, path: "fuzz.xml")
            var start = 0
            while true {
                let end = min(start + 61, bytes.count)
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                if try parser.parse(chunk, isLast: chunk.isEmpty, { record in _ = record.strings }) != nil || chunk.isEmpty { break }
                start = end
            }
        } catch {}
    }

    private static let patterns = [
        "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy年M月d日 HH:mm", "yyyy-MM-dd", "iso8601", "excel",
        "d/M/yyyy H:mm:ss", "yyyyMMddHHmmss",
    ]

    private static func date(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first, let format = DateFormat(patterns[Int(first) % patterns.count]) else { return }
        let text = UnsafeRawBufferPointer(rebasing: bytes.dropFirst()).bindMemory(to: UInt8.self)
        if let time = format.parse(text) {
            // A parsed time is a real day: its month is a real month, and it turns back into the same day.
            let (period, day) = time.periodAndDay
            guard (1...12).contains(period.month), CalendarDate(year: period.year, month: period.month, day: day) != nil else {
                fatalError("date \(String(decoding: text, as: UTF8.self)) parsed into an impossible day")
            }
        }
    }

    private static func encoding(_ bytes: UnsafeRawBufferPointer) {
        var validator = UTF8Validator()
        let invalidAt = validator.validate(bytes)
        let valid = invalidAt == nil && validator.isComplete
        guard valid == (String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) != nil) else {
            fatalError("the UTF-8 validator and Swift disagree on \(Array(bytes))")
        }
        for source in ["GB18030", "UTF-16LE", "UTF-16BE"] {
            if let converted = try? IconvConverter.convert(Array(bytes), from: source, to: "UTF-8") {
                guard String(validating: converted, as: UTF8.self) != nil else {
                    fatalError("iconv from \(source) gave bytes that are not UTF-8")
                }
            }
        }
    }

    // MARK: - Files

    /// The records of the XML target: attributes, children, nested paths.
    private static let xmlLayout: XMLFileReader.Layout = {
        let fields = ["编号", "@渠道", "大厅/@code", "受理/时间"].compactMap { try? XMLPath.parse($0, namespaces: [:]) }
        let record = (try? XMLPath.parse("办件", namespaces: [:]))?.elements.first
        return XMLFileReader.Layout(record: record ?? fields[0].elements[0], fields: fields)
    }()

    /// A folder of this process's own, for the file-based targets.
    private static let folder: String = {
        let path = NSTemporaryDirectory() + "hallrate-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes `bytes` to `name` in ``folder`` and runs `body` on its path; errors are normal outcomes.
    private static func onFile(_ bytes: UnsafeRawBufferPointer, name: String, _ body: (String) throws -> Void) {
        let path = folder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        do { try body(path) } catch {}
    }
}
