import Foundation
import Logging

/// Runs a pipeline's stages in order: ingest → map and validate → deduplicate → aggregate →
/// trends → rank and flag → summaries, league tables, lists → emit.
public struct PipelineRunner {
    public let pipeline: Pipeline
    /// The folder relative paths were resolved against; file names in outputs are relative to it.
    public let root: String
    public var logger: Logger
    /// Called as files are read (at each file and every 65,536 rows), for a progress line on a terminal.
    public var progress: ((Progress) -> Void)?

    /// Where a run is, for a progress display.
    public struct Progress: Sendable {
        /// 1-based number of the file being read, and how many there are.
        public let file: Int
        public let files: Int
        public let path: String
        /// Rows read so far in the whole run.
        public let rows: Int
    }

    public init(pipeline: Pipeline, root: String, logger: Logger) {
        self.pipeline = pipeline
        self.root = root
        self.logger = logger
    }

    /// Runs the pipeline and writes its outputs.
    /// - Throws: ``HallRateError`` `.pipeline` or `.registry` when the pipeline does not fit its files
    ///   (nothing is written then), `.output` when an output cannot be written. Bad rows and refused
    ///   files are not errors: they go to the rejects file.
    public func run() throws(HallRateError) -> RunSummary {
        let startedAt = Date()
        let checker = PipelineChecker(pipeline: pipeline, root: root)
        let (problems, checkedRegistry) = checker.check()
        if let fatal = problems.first(where: \.isPipelineError) { throw fatal.error }
        guard let registry = checkedRegistry else {
            throw HallRateError(.registry, "the registry could not be read", at: SourceLocation(file: pipeline.registryPath))
        }
        for source in checker.emptySources() {
            logger.warning("source matches no file", metadata: ["source": "\(source.name)", "glob": "\(source.glob)"])
        }
        let inputs = try checker.discover()

        var deduplicator = Deduplicator()
        var reports: [FileReport] = []
        var rejects: [Reject] = []
        var rowsSoFar = 0
        for (index, input) in inputs.enumerated() {
            let (report, transactions, fileRejects) = ingest(input, registry: registry) { rows in
                progress?(Progress(file: index + 1, files: inputs.count, path: input.displayPath, rows: rowsSoFar + rows))
            }
            rowsSoFar += report.rowsRead
            for transaction in transactions { deduplicator.add(transaction, file: index) }
            rejects += fileRejects
            reports.append(report)
            logger.debug("read file", metadata: [
                "file": "\(input.displayPath)", "rows": "\(report.rowsRead)", "rejected": "\(report.rejected)",
            ])
        }
        let accepted = deduplicator.acceptedByFile
        for index in reports.indices {
            reports[index].accepted = accepted[index] ?? 0
            reports[index].duplicates = deduplicator.duplicatesByFile[index] ?? 0
        }

        let counts = Aggregator.aggregate(deduplicator.winners.values)
        let report = Self.analyse(counts, registry: registry, pipeline: pipeline)
        var summary = RunSummary(
            files: reports,
            rejectsByReason: rejects.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 },
            withdrawn: counts.values.reduce(0) { $0 + $1.withdrawn },
            outputFolder: checker.display(pipeline.output.folder), outputs: [],
            firstPeriod: report.periods.first, lastPeriod: report.periods.last)

        let folder = pipeline.output.folder
        let writer = ReportWriter(folder: folder, output: pipeline.output)
        var outputs = try writer.write(report)
        try writer.rejects(rejects).write(to: folder + "/rejects.csv", encoding: pipeline.output.encoding)
        outputs.append("rejects.csv")
        outputs.append("manifest.json")
        summary.outputs = outputs
        try ManifestWriter(path: folder + "/manifest.json").write(
            summary, pipeline: pipeline.name, pipelineFile: checker.display(pipeline.file),
            startedAt: startedAt, finishedAt: Date())
        return summary
    }

    /// The metric stages on additive counts: figures and trends, ranks, flags, summaries, tables, lists.
    public static func analyse(_ counts: [HallPeriod: ChannelStatusCounts], registry: HallRegistry,
                               pipeline: Pipeline) -> SupervisionReport {
        var rows = TrendCalculator.calculate(counts)
        Ranker.rank(&rows, registry: registry, minVolume: pipeline.minVolume)
        Flagger.flag(&rows, registry: registry, targets: pipeline.targets)
        var periods: [Period] = []
        if let first = rows.map(\.period).min(), let last = rows.map(\.period).max() {
            periods = (first.index...last.index).map(Period.init(index:))
        }
        return SupervisionReport(
            registry: registry, periods: periods, hallMonths: rows,
            tierSummaries: TierSummarizer.summarize(rows, periods: periods, registry: registry, targets: pipeline.targets),
            leagueTables: LeagueTableBuilder.build(rows, periods: periods, registry: registry),
            lists: RedBlackListBuilder.build(rows, periods: periods, registry: registry, size: pipeline.listSize))
    }

    /// Stages 1 and 2 for one file: read it and map every row. A file refused as a whole counts as
    /// one row read and one rejected, and none of its rows count (metric contract, clarifications).
    func ingest(_ input: PipelineChecker.Input, registry: HallRegistry,
                onRows: (Int) -> Void = { _ in }) -> (FileReport, [Transaction], [Reject]) {
        onRows(0)
        var report = FileReport(path: input.displayPath, source: input.source.name)
        var transactions: [Transaction] = []
        var rejects: [Reject] = []
        var mapper: RecordMapper?
        func header(_ names: [String]) throws {
            mapper = try RecordMapper(source: input.source, pipeline: pipeline, header: names, registry: registry,
                                      file: input.displayPath, hallFromPath: input.hallFromPath)
        }
        func record(_ record: RawRecord) {
            report.rowsRead += 1
            if report.rowsRead & 0xFFFF == 0 { onRows(report.rowsRead) }
            switch mapper?.map(record) {
            case .success(let transaction): transactions.append(transaction)
            case .failure(let reject): rejects.append(reject)
            case nil: break
            }
        }
        /// A record that could not be read whole: it was read, and it is rejected.
        func malformed(line: Int, _ detail: String) {
            report.rowsRead += 1
            rejects.append(Reject(file: input.displayPath, line: line, reason: .malformedRecord, detail: detail, raw: ""))
        }
        do {
            if let xml = input.source.xml {
                try header(xml.fields.map(\.description))
                let read = try XMLFileReader(path: input.path, layout: xml).read(record: record(_:))
                (report.sha256, report.bytes) = (read.sha256, read.bytes)
                if let damage = read.damage {
                    report.status = .damaged
                    report.note = "line \(damage.line): \(damage.message)"
                    logger.warning("file damaged", metadata: ["file": "\(input.displayPath)", "line": "\(damage.line)"])
                    malformed(line: damage.line, damage.message)
                }
            } else {
                let layout = CSVFileReader.Layout(encoding: input.source.encoding, delimiter: input.source.delimiter)
                let read = try CSVFileReader(path: input.path, layout: layout).read(header: header(_:), record: record(_:))
                (report.sha256, report.bytes) = (read.sha256, read.bytes)
                report.encoding = read.encoding.rawValue
                if input.source.encoding == .auto {
                    logger.info("encoding detected", metadata: ["file": "\(input.displayPath)", "encoding": "\(read.encoding.rawValue)"])
                }
                if let line = read.unterminatedQuoteLine {
                    malformed(line: line, "the file ends inside a quoted field of the record that starts on this line")
                }
            }
        } catch {
            let message = (error as? HallRateError)?.message ?? "\(error)"
            logger.error("file refused", metadata: ["file": "\(input.displayPath)", "reason": "\(message)"])
            report = FileReport(path: input.displayPath, source: input.source.name)
            report.sha256 = Self.sha256(of: input.path)
            report.bytes = Self.size(of: input.path)
            report.status = .refused
            report.rowsRead = 1
            report.rejected = 1
            report.note = message
            let line = (error as? HallRateError)?.location?.line ?? 1
            return (report, [], [Reject(file: input.displayPath, line: line, reason: .fileRefused, detail: message, raw: "")])
        }
        report.rejected = rejects.count
        if report.rowsRead == 0 {
            logger.warning("file has no data rows", metadata: ["file": "\(input.displayPath)"])
        }
        return (report, transactions, rejects)
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

    static func size(of path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
