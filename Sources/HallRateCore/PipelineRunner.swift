import Foundation
import Logging

/// Runs a pipeline's stages in order: ingest → map and validate → deduplicate → aggregate →
/// trends → rank and flag → summaries, league tables, lists → emit.
package struct PipelineRunner {
    package let pipeline: Pipeline
    /// The folder relative paths were resolved against; file names in outputs are relative to it.
    package let root: String
    package var logger: Logger
    /// Called as files are read (at each file and every 65,536 rows), for a progress line on a terminal.
    package var progress: ((Progress) -> Void)?

    /// Where a run is, for a progress display.
    package struct Progress: Sendable {
        /// 1-based number of the file being read, and how many there are.
        package let file: Int
        package let files: Int
        package let path: String
        /// Rows read so far in the whole run.
        package let rows: Int
    }

    package init(pipeline: Pipeline, root: String, logger: Logger) {
        self.pipeline = pipeline
        self.root = root
        self.logger = logger
    }

    /// Options of one run beyond the pipeline.
    package struct Options: Sendable {
        /// Withdraw the rows of files that disappeared from the inputs (kept by default: exports get archived).
        package var pruneMissing = false
        /// Write the workbook `report_YYYY-MM.xlsx`.
        package var workbook = true
        /// Write the HTML report `report_YYYY-MM.html`, its 简报 `report_YYYY-MM_brief.html` and text `report_YYYY-MM.txt`.
        package var html = true
        /// Print the report and the 简报 to PDF (`report_YYYY-MM.pdf`, `report_YYYY-MM_brief.pdf`) with Chromium.
        package var pdf = false
        /// The share of rejected rows above which the run's exit status is 1 (recorded in the history).
        package var maxRejectRate: Double?
        /// The day months are judged closed or provisional on (contract rule 13); today in Asia/Shanghai by default.
        package var asOf: CalendarDate = .today
        package init() {}
    }

    package var options = Options()

    /// Which months are closed on the run's as-of date.
    var closing: MonthClosing { MonthClosing(asOf: options.asOf, closeAfterDays: pipeline.closeAfterDays) }
    /// Called at each point where a crash must leave the store and the outputs consistent
    /// (for the fault-injection test; a no-op otherwise).
    package var checkpoint: (String) -> Void = { _ in }

    /// Runs the pipeline: ingests new and changed files into the store, then computes everything from
    /// the store and writes the outputs.
    /// - Throws: ``HallRateError`` `.pipeline` or `.registry` when the pipeline does not fit its files
    ///   (nothing is written then), `.store` or `.output` when the store or an output cannot be written.
    ///   Bad rows and refused files are not errors: they go to the rejects file.
    /// - Parameter prepare: called with the store once the pipeline and its inputs have passed their
    ///   checks, before anything is read (`reprocess` marks files there).
    package func run(prepare: (Store) throws(HallRateError) -> Void = { _ throws(HallRateError) in }) throws(HallRateError) -> RunSummary {
        let startedAt = Date()
        let checker = PipelineChecker(pipeline: pipeline, root: root)
        // Each source is globbed once a run: the checks, the unchanged files and the ingest share the inputs.
        let discovered = Result { () throws(HallRateError) in try checker.discover() }
        let (problems, checkedRegistry) = checker.check(discovered, skippingHeadersOf: unchangedInputs((try? discovered.get()) ?? []))
        if let fatal = problems.first(where: \.isPipelineError) { throw fatal.error }
        guard let registry = checkedRegistry else {
            throw HallRateError(.registry, "the registry could not be read", at: SourceLocation(file: pipeline.registryPath))
        }
        // Contract rule 14: a missing source would publish its halls as not reporting.
        if let missing = problems.first(where: { $0.error.code == .missingSource }) { throw missing.error }
        let inputs = try discovered.get()
        for source in checker.emptySources(among: inputs) where source.optional {
            logger.warning("optional source matches no file", metadata: ["source": "\(source.name)", "glob": "\(source.glob)"])
        }
        try AtomicFile.makeDirectory(pipeline.output.folder)
        let store = try Store(path: pipeline.output.store)
        try prepare(store)
        // Left by a killed run (we hold the lock); only the temporary copies of our own outputs.
        AtomicFile.removeTemporaryFiles(in: pipeline.output.folder, of: ReportWriter.isOutputName)
        do {
            let summary = try runStages(inputs, registry: registry, store: store, checker: checker, startedAt: startedAt)
            try store.record(
                RunRecord(
                    startedAt: ISO8601DateFormatter().string(from: startedAt), seconds: Date().timeIntervalSince(startedAt),
                    files: summary.files.count, filesRead: summary.filesRead, rowsRead: summary.rowsRead,
                    rejected: summary.rejected, exitStatus: Int(summary.exitStatus(maxRejectRate: options.maxRejectRate)),
                    note: nil))
            return summary
        } catch {
            try? store.record(
                RunRecord(
                    startedAt: ISO8601DateFormatter().string(from: startedAt), seconds: Date().timeIntervalSince(startedAt),
                    files: 0, filesRead: 0, rowsRead: 0, rejected: 0, exitStatus: error.code == .pipeline ? 2 : 1,
                    note: error.description))
            throw error
        }
    }

    /// The display paths of the inputs the store holds unchanged (same size, time, source and
    /// fingerprint): none when there is no store yet. Errors here only mean every header gets checked.
    private func unchangedInputs(_ inputs: [PipelineChecker.Input]) -> Set<String> {
        guard !inputs.isEmpty, FileManager.default.fileExists(atPath: pipeline.output.store),
            let ledger = try? Store(path: pipeline.output.store).ledger()
        else { return [] }
        let fingerprints = self.fingerprints()
        return Set(
            inputs.filter { input in
                let (size, modified) = Self.sizeAndModification(of: input.path)
                return Self.isUnchanged(
                    input, known: ledger[input.displayPath], size: size, modified: modified,
                    fingerprint: fingerprints[input.source.name] ?? "", hashing: false)
            }.map(\.displayPath))
    }

    /// Each source's fingerprint under the current registry.
    private func fingerprints() -> [String: String] {
        let registrySHA = Self.sha256(of: pipeline.registryPath)
        return Dictionary(
            uniqueKeysWithValues: pipeline.sources.map {
                ($0.name, $0.fingerprint(registrySHA: registrySHA, earliestMonth: pipeline.earliestMonth))
            })
    }

    /// True when the store's entry for `input` is what reading it now would store: same size, time,
    /// source and fingerprint, and, for a file changed within two seconds of its reading, the same
    /// content (`hashing: false` takes such a file for changed without reading it).
    static func isUnchanged(
        _ input: PipelineChecker.Input, known: LedgerEntry?, size: Int, modified: Int64,
        fingerprint: String, hashing: Bool
    ) -> Bool {
        guard let known, known.size == size, known.modified == modified, known.fingerprint == fingerprint,
            known.source == input.source.name
        else { return false }
        return !known.isRacy || (hashing && sha256(of: input.path) == known.sha256)
    }

    /// Ingests the changes, computes everything from the store, and writes the outputs.
    private func runStages(
        _ inputs: [PipelineChecker.Input], registry: HallRegistry, store: Store,
        checker: PipelineChecker, startedAt: Date
    ) throws(HallRateError) -> RunSummary {
        let (filesRead, keptStale) = try ingestChanges(inputs, registry: registry, store: store)

        let (report, rejects, files, withdrawn) = try results(store: store, registry: registry, filesRead: filesRead)
        var summary = RunSummary(
            files: files,
            rejectsByReason: rejects.byReason,
            withdrawn: withdrawn, outputFolder: checker.display(pipeline.output.folder), outputs: [],
            firstPeriod: report.periods.first, lastPeriod: report.periods.last)
        summary.filesRead = filesRead.count
        summary.keptStale = keptStale
        summary.asOf = options.asOf
        summary.latestClosedPeriod = report.latestClosedPeriod
        summary.provisionalPeriods = report.provisionalPeriods
        summary.notReporting = report.notReporting.count

        var outputs = try emit(report, rejects: rejects, store: store, files: files, period: nil)
        outputs.append("manifest.json")
        summary.outputs = outputs
        try ManifestWriter(path: pipeline.output.folder + "/manifest.json").write(
            summary, pipeline: pipeline.name, pipelineFile: checker.display(pipeline.file),
            startedAt: startedAt, finishedAt: Date())
        checkpoint("manifest.json")
        return summary
    }

    /// Writes the CSV tables, the rejects and the reports; returns the names written.
    private func emit(
        _ report: SupervisionReport, rejects: RejectTally, store: Store, files: [FileReport], period: Period?
    )
        throws(HallRateError) -> [String]
    {
        let folder = pipeline.output.folder
        let writer = ReportWriter(folder: folder, output: pipeline.output, checkpoint: checkpoint)
        var outputs = try writer.write(report)
        try writer.writeRejects(from: store, extra: rejects.extra, to: folder + "/rejects.csv")
        checkpoint("rejects.csv")
        outputs.append("rejects.csv")
        outputs += try writeReports(report, period: period, rejects: rejects, files: files)
        return outputs
    }

    /// Everything computed from the store: deduplication across all stored files (in path order),
    /// counts, the metric stages, the file reports and the rejects.
    ///
    /// Stored rows come back merged by key, so deduplication and counting stream through them with
    /// memory independent of the store's size.
    func results(
        store: Store, registry: HallRegistry, filesRead: Set<String>
    ) throws(HallRateError)
        -> (report: SupervisionReport, rejects: RejectTally, files: [FileReport], withdrawn: Int)
    {
        let ledger = try store.ledger()
        var paths: [String] = []
        let counter = try store.readTransactions { files, periods in
            paths = files.map(\.path)
            return StoredRowCounter(files: files, periods: periods, registry: registry)
        }
        let (deduplicator, orphans) = (counter.deduplicator, counter.orphans)
        var extraRejects: [Reject] = []
        let files = paths.enumerated()
            .compactMap { index, path -> FileReport? in
                guard let entry = ledger[path] else { return nil }
                var report = FileReport(path: path, source: entry.source)
                report.sha256 = entry.sha256
                report.bytes = entry.size
                report.encoding = entry.encoding
                report.status = entry.status
                report.note = entry.note
                report.rowsRead = entry.rowsRead
                report.rejected = entry.rejected
                for (code, count) in orphans[index]?.sorted(by: { $0.key < $1.key }) ?? [] {
                    report.rejected += count
                    extraRejects += Array(
                        repeating: Reject(
                            file: path, line: 0, reason: .unknownHall,
                            detail:
                                "hall code '\(code)' is no longer in the registry (the file is gone from the inputs and cannot be read again)",
                            raw: ""), count: count)
                }
                report.accepted = counter.accepted(file: index)
                report.duplicates = deduplicator.duplicatesByFile[index]
                report.readThisRun = filesRead.contains(path)
                return report
            }
        let counts = counter.aggregator.counts
        let report = MetricEngine(metric: pipeline.metric, pipeline: pipeline, registry: registry, closing: closing)
            .report(counts, latestDays: counter.aggregator.latestDays)
        let tally = RejectTally(counts: try store.rejectCounts(), extra: extraRejects)
        return (report, tally, files, counts.values.reduce(0) { $0 + $1.withdrawn })
    }

    /// Writes the workbook and the HTML report of every month that needs one, as the options ask, and
    /// returns their names: the latest closed month (the 通报), each provisional month (a 预警), the
    /// month asked for, and every month that already has a report in the output folder, so that no
    /// report is left disagreeing with the CSVs. Reports of months no longer in the data are removed.
    func writeReports(
        _ report: SupervisionReport, period: Period?, rejects: RejectTally, files: [FileReport]
    ) throws(HallRateError) -> [String] {
        let folder = pipeline.output.folder
        let existing = ReportFiles.existing(in: folder)
        var months = Set(existing.map(\.period))
        if let period { months.insert(period) }
        if let closed = report.latestClosedPeriod { months.insert(closed) }
        months.formUnion(report.provisionalPeriods)
        let inRange = Set(report.periods)
        for file in existing where !inRange.contains(file.period) {
            AtomicFile.remove(folder + "/" + file.name)
            logger.info("removed the report of a month no longer in the data", metadata: ["file": "\(file.name)"])
        }
        var written: [String] = []
        let kept = Set(existing.filter { inRange.contains($0.period) }.map(\.name))
        func wanted(_ month: Period, _ kinds: [ReportFiles.Kind], asked: Bool) -> Bool {
            asked || kinds.contains { kept.contains(ReportFiles.name(month, $0)) }
        }
        var printer: PDFPrinter?
        for month in months.filter(inRange.contains).sorted() {
            if wanted(month, [.workbook], asked: options.workbook) {
                written.append(
                    try WorkbookWriter(output: pipeline.output).write(
                        report, period: month, rejects: rejects, files: files, folder: folder))
                checkpoint("workbook")
            }
            let pages = wanted(month, [.html, .brief, .text], asked: options.html)
            let pdf = wanted(month, [.pdf, .briefPDF], asked: options.pdf)
            guard pages || pdf else { continue }
            var writer = HTMLReportWriter(pipelineName: pipeline.name, language: pipeline.output.language)
            writer.publication = pipeline.publication
            writer.inputFiles = files.count
            var brief = writer
            brief.layout = .brief
            let full = writer.html(report, period: month)
            let short = brief.html(report, period: month)
            if pages {
                let text = BulletinNarrative(
                    report: report, month: month, publication: pipeline.publication,
                    language: pipeline.output.language
                ).plainText
                for (kind, content) in [(ReportFiles.Kind.html, full), (.brief, short), (.text, text)] {
                    let name = ReportFiles.name(month, kind)
                    try AtomicFile.write(Array(content.utf8), to: folder + "/" + name)
                    written.append(name)
                }
                checkpoint("html")
            }
            if pdf {
                if printer == nil { printer = try PDFPrinter.find() }
                for (kind, content) in [(ReportFiles.Kind.pdf, full), (.briefPDF, short)] {
                    let name = ReportFiles.name(month, kind)
                    try AtomicFile.write(try printer?.pdf(of: content) ?? [], to: folder + "/" + name)
                    written.append(name)
                }
                checkpoint("pdf")
            }
        }
        return written
    }

    /// `hallrate report`: rebuilds the reports from the store without reading any input: the month
    /// asked for (default: the latest closed month) and every report already in the output folder,
    /// with the CSV tables, so that all of them agree on the as-of date. Returns the reports written.
    package func rebuildReports(period: Period?) throws(HallRateError) -> [String] {
        guard FileManager.default.fileExists(atPath: pipeline.output.store) else {
            throw HallRateError(
                .usage, "no store yet: run the pipeline first (hallrate run)", at: SourceLocation(file: pipeline.output.store))
        }
        let registry = try RegistryReader(
            path: pipeline.registryPath,
            displayPath: PipelineChecker(pipeline: pipeline, root: root).display(pipeline.registryPath)
        ).read()
        let store = try Store(path: pipeline.output.store)
        let (report, rejects, files, _) = try results(store: store, registry: registry, filesRead: [])
        if let period, !report.periods.contains(period) {
            let range = report.periods.first.map { "\($0) to \(report.periods.last ?? $0)" } ?? "none"
            throw HallRateError(.usage, "no data for \(period); the months in the store are \(range)")
        }
        return try emit(report, rejects: rejects, store: store, files: files, period: period)
            .filter { $0.hasPrefix("report_") }
    }

    /// Reads into the store every input that is new, changed (size or modification time), or was read
    /// under another mapping or registry; withdraws missing files when asked.
    /// A changed file that is now empty, or cannot be read, does not replace the rows it gave before:
    /// they are kept, and the file is named in `kept` (and in a warning).
    /// - Returns: the display paths of the files read, and of the changed files whose earlier rows were kept.
    /// - Throws: ``HallRateError`` (`.store` for the store's own failures).
    func ingestChanges(
        _ inputs: [PipelineChecker.Input], registry: HallRegistry, store: Store
    ) throws(HallRateError)
        -> (read: Set<String>, kept: [String])
    {
        do {
            return try ingestChangesUntyped(inputs, registry: registry, store: store)
        } catch {
            throw Store.failure(error, store.path)
        }
    }

    private func ingestChangesUntyped(
        _ inputs: [PipelineChecker.Input], registry: HallRegistry, store: Store
    ) throws
        -> (read: Set<String>, kept: [String])
    {
        let ledger = try store.ledger()
        let present = Set(inputs.map(\.displayPath))
        let missing = ledger.keys.filter { !present.contains($0) }.sorted()
        if !missing.isEmpty {
            if options.pruneMissing {
                try store.remove(paths: missing)
                logger.warning("withdrew the rows of missing files", metadata: ["files": "\(missing.joined(separator: ", "))"])
            } else {
                logger.warning(
                    "files are gone from the inputs; their rows are kept (use --prune-missing to withdraw them)",
                    metadata: ["files": "\(missing.joined(separator: ", "))"])
            }
        }
        let fingerprints = self.fingerprints()
        let codes = registry.halls.map(\.code)
        var read: Set<String> = []
        var kept: [String] = []
        var remapped = 0
        var rowsSoFar = 0
        for (index, input) in inputs.enumerated() {
            let (size, modified) = Self.sizeAndModification(of: input.path)
            let fingerprint = fingerprints[input.source.name] ?? ""
            if Self.isUnchanged(
                input, known: ledger[input.displayPath], size: size, modified: modified, fingerprint: fingerprint,
                hashing: true)
            {
                continue
            }
            if let known = ledger[input.displayPath], known.fingerprint != fingerprint,
                known.fingerprint != Store.reprocessMark
            {
                remapped += 1
            }
            // Rows read before from this file are not replaced by nothing: a re-delivery of 0 bytes is
            // almost always a failed copy, not a hall that did no work.
            let previous = ledger[input.displayPath].flatMap { $0.status != .refused && $0.rowsRead > 0 ? $0 : nil }
            if let previous, size == 0, input.nameIsUTF8 {
                logger.warning(
                    "the file is now empty; the rows it gave before are kept (to withdraw them, remove the file and run with --prune-missing)",
                    metadata: ["file": "\(input.displayPath)", "rows": "\(previous.rowsRead)"])
                kept.append(input.displayPath)
                continue
            }
            let started = ISO8601DateFormatter().string(from: Date())
            func entry(_ report: FileReport) -> LedgerEntry {
                LedgerEntry(
                    path: input.displayPath, source: input.source.name, size: size, modified: modified,
                    sha256: report.sha256, fingerprint: fingerprint, status: report.status,
                    encoding: report.encoding, note: report.note, rowsRead: report.rowsRead,
                    rejected: report.rejected, ingestedAt: started)
            }
            var fileReport: FileReport
            do {
                fileReport = try store.replaceFile(input.displayPath, hallCodes: codes) { sink in
                    let report = try ingest(input, registry: registry, into: &sink) { rows in
                        progress?(Progress(file: index + 1, files: inputs.count, path: input.displayPath, rows: rowsSoFar + rows))
                    }
                    // A file rewritten while it was read would be stored torn: drop what was read.
                    guard Self.sizeAndModification(of: input.path) == (size, modified) else { throw FileChangedWhileRead() }
                    checkpoint("before committing \(input.displayPath)")
                    return (entry(report), report)
                }
            } catch is FileChangedWhileRead {
                logger.warning(
                    "the file changed while it was read; what was read is dropped and the next run reads it again",
                    metadata: ["file": "\(input.displayPath)"])
                kept.append(input.displayPath)
                continue
            } catch let refusal as FileRefusal where refusal.error.code == .io && previous != nil {
                // The file changed but cannot be read now (permissions, a copy under way): keep what it gave before.
                logger.error(
                    "the file cannot be read; the rows it gave before are kept",
                    metadata: ["file": "\(input.displayPath)", "reason": "\(refusal.error.message)"])
                kept.append(input.displayPath)
                continue
            } catch let refusal as FileRefusal {
                // Nothing of the file was kept: it counts as one row read and one rejected.
                logger.error("file refused", metadata: ["file": "\(input.displayPath)", "reason": "\(refusal.error.message)"])
                fileReport = FileReport(path: input.displayPath, source: input.source.name)
                fileReport.sha256 = Self.sha256(of: input.path)
                fileReport.bytes = size
                fileReport.status = .refused
                fileReport.rowsRead = 1
                fileReport.rejected = 1
                fileReport.note = refusal.error.message
                let reject = Reject(
                    file: input.displayPath, line: refusal.error.location?.line ?? 1, reason: .fileRefused,
                    detail: refusal.error.message, raw: "")
                let refused = fileReport
                _ = try store.replaceFile(input.displayPath, hallCodes: codes) { sink in
                    try sink.add(reject)
                    return (entry(refused), refused)
                }
            }
            checkpoint("after storing \(input.displayPath)")
            rowsSoFar += fileReport.rowsRead
            read.insert(input.displayPath)
            logger.debug(
                "read file",
                metadata: [
                    "file": "\(input.displayPath)", "rows": "\(fileReport.rowsRead)", "rejected": "\(fileReport.rejected)",
                ])
            if input.source.encoding == .auto, let encoding = fileReport.encoding {
                logger.info("encoding detected", metadata: ["file": "\(input.displayPath)", "encoding": "\(encoding)"])
            }
        }
        if remapped > 0 {
            logger.info(
                "the mapping or registry changed: files read under the old one were read again",
                metadata: ["files": "\(remapped)"])
        }
        return (read, kept)
    }

    /// A file that cannot be used at all; what was stored of it is rolled back.
    struct FileRefusal: Error {
        let error: HallRateError
    }

    /// A file whose size or modification time changed between the start and the end of its reading.
    struct FileChangedWhileRead: Error {}

    /// Stages 1 and 2 for one file: read it and map every row, streaming transactions and rejects
    /// into `sink` (memory does not grow with the file). The reader runs on a thread of its own
    /// (``RecordPipe``), so reading and parsing overlap mapping and storing.
    /// - Throws: ``FileRefusal`` when the file is refused as a whole (it then counts as one row read
    ///   and one rejected, and none of its rows count: metric contract, clarifications); store errors.
    func ingest(
        _ input: PipelineChecker.Input, registry: HallRegistry, into sink: inout StoreSink,
        onRows: (Int) -> Void = { _ in }
    ) throws -> FileReport {
        onRows(0)
        guard input.nameIsUTF8 else { throw FileRefusal(error: PipelineChecker.Input.nameRefusal(input.displayPath)) }
        var report = FileReport(path: input.displayPath, source: input.source.name)
        var mapper: RecordMapper?
        func header(_ names: [String]) throws {
            mapper = try RecordMapper(
                source: input.source, pipeline: pipeline, header: names, registry: registry,
                file: input.displayPath, hallFromPath: input.hallFromPath)
        }
        func record(_ record: RawRecord) throws {
            report.rowsRead += 1
            if report.rowsRead & 0xFFFF == 0 { onRows(report.rowsRead) }
            switch mapper?.map(record) {
            case .success(let transaction): try sink.add(transaction)
            case .failure(let reject):
                report.rejected += 1
                try sink.add(reject)
            case nil: break
            }
        }
        /// A record that could not be read whole: it was read, and it is rejected.
        func malformed(line: Int, _ detail: String) throws {
            report.rowsRead += 1
            report.rejected += 1
            try sink.add(Reject(file: input.displayPath, line: line, reason: .malformedRecord, detail: detail, raw: ""))
        }
        do {
            if let xml = input.source.xml {
                try header(xml.fields.map(\.description))
                let reader = XMLFileReader(path: input.path, layout: xml)
                let read = try RecordPipe { pipe in try reader.read(record: pipe.record(_:)) }
                    .drain(header: header(_:), record: record(_:))
                (report.sha256, report.bytes) = (read.sha256, read.bytes)
                if let damage = read.damage {
                    report.status = .damaged
                    report.note = "line \(damage.line): \(damage.message)"
                    logger.warning("file damaged", metadata: ["file": "\(input.displayPath)", "line": "\(damage.line)"])
                    try malformed(line: damage.line, damage.message)
                }
            } else {
                let layout = CSVFileReader.Layout(encoding: input.source.encoding, delimiter: input.source.delimiter)
                let reader = CSVFileReader(path: input.path, layout: layout)
                let read = try RecordPipe { pipe in
                    try reader.read(
                        header: pipe.header(_:), record: pipe.record(_:), batchRecords: RecordPipe<CSVFileReader.Summary>.batchRecords,
                        batch: pipe.take(_:))
                }
                .drain(header: header(_:), record: record(_:))
                (report.sha256, report.bytes, report.encoding) = (read.sha256, read.bytes, read.encoding.rawValue)
                if let line = read.unterminatedQuoteLine {
                    let lines = read.unterminatedQuoteLastLine - line + 1
                    try malformed(
                        line: line,
                        "the file ends inside a quoted field of the record that starts on this line: "
                            + (lines > 1
                                ? "lines \(line) to \(read.unterminatedQuoteLastLine) (\(lines) lines) were swallowed into it, "
                                    + "not read as rows; is a quote left open?" : "is a quote left open?"))
                    logger.warning(
                        "a quote left open swallowed the end of the file",
                        metadata: ["file": "\(input.displayPath)", "line": "\(line)", "lines": "\(lines)"])
                }
            }
        } catch let error as HallRateError where error.code == .fileRefused || error.code == .io {
            throw FileRefusal(error: error)
        }
        if report.rowsRead == 0 {
            logger.warning("file has no data rows", metadata: ["file": "\(input.displayPath)"])
        }
        return report
    }

    /// The SHA-256 of a whole file (used for refused files, which were not read to the end).
    static func sha256(of path: String) -> String {
        guard let file = try? InputFile(path: path) else { return "" }
        do {
            while try file.nextChunk({ !$0.isEmpty }) {}
        } catch {
            return ""
        }
        return file.digest()
    }

    static func size(of path: String) -> Int { sizeAndModification(of: path).size }

    /// The file's size and modification time (nanoseconds since the epoch), 0 when unknown.
    static func sizeAndModification(of path: String) -> (size: Int, modified: Int64) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, 0) }
        return (Int(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}

extension PipelineRunner {
    /// Takes the pipeline's run lock (`.hallrate.lock` in its output folder), creating the folder if needed.
    /// - Throws: ``HallRateError`` `.busy` when another run of the pipeline holds it.
    /// - Parameter maxAge: seconds after which another holder of the lock is taken for hung (`.stuckRun`).
    package static func lock(_ pipeline: Pipeline, maxAge: Double = 6 * 3600) throws(HallRateError) -> RunLock {
        try AtomicFile.makeDirectory(pipeline.output.folder)
        return try RunLock(path: pipeline.output.folder + "/.hallrate.lock", maxAge: maxAge)
    }
}
