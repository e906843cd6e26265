import Foundation
import Logging

/// Runs a pipeline's stages in order: discovery and checks (``PipelineChecker``) → ingest, map and
/// validate (``InputIngester``) → deduplicate, aggregate and the metric stages (``StoreAnalysis``) →
/// emit (every ``OutputSink``, then the manifest).
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
        if let members = pipeline.members {
            return try recorded(startedAt: startedAt) { store throws(HallRateError) in
                let (results, federation) = try FederatedAnalysis(pipeline: pipeline, members: members, closing: closing).results(
                    store: store)
                var summary = summarize(results, outputFolder: checker.display(pipeline.output.folder))
                summary.federation = federation
                return try emitAll(results, summary: summary, store: store, checker: checker, startedAt: startedAt)
            }
        }
        // Each source is globbed once a run: the checks, the unchanged files and the ingest share the inputs.
        let discovered = Result { () throws(HallRateError) in try checker.discover() }
        let (problems, checkedRegistry) = checker.check(
            discovered, skippingHeadersOf: ingester.unchangedInputs((try? discovered.get()) ?? []))
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
        return try recorded(startedAt: startedAt, prepare: prepare) { store throws(HallRateError) in
            try runStages(inputs, registry: registry, store: store, checker: checker, startedAt: startedAt)
        }
    }

    /// Opens the store, runs `body` on it and records the run (or its failure) in the store's history.
    private func recorded(
        startedAt: Date, prepare: (Store) throws(HallRateError) -> Void = { _ throws(HallRateError) in },
        _ body: (Store) throws(HallRateError) -> RunSummary
    ) throws(HallRateError) -> RunSummary {
        try AtomicFile.makeDirectory(pipeline.output.folder)
        let store = try Store(path: pipeline.output.store)
        try prepare(store)
        // Left by a killed run (we hold the lock); only the temporary copies of our own outputs.
        AtomicFile.removeTemporaryFiles(in: pipeline.output.folder, of: ReportWriter.isOutputName)
        do {
            let summary = try body(store)
            try store.record(
                RunRecord(
                    startedAt: ISO8601DateFormatter().string(from: startedAt), seconds: Date().timeIntervalSince(startedAt),
                    files: summary.files.count, filesRead: summary.filesRead, rowsRead: summary.rowsRead,
                    rejected: summary.rejected, exitStatus: Int(summary.exitStatus(maxRejectRate: options.maxRejectRate)),
                    note: summary.publicationNote))
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

    /// Ingests the changes, computes everything from the store, and writes the outputs.
    private func runStages(
        _ inputs: [PipelineChecker.Input], registry: HallRegistry, store: Store,
        checker: PipelineChecker, startedAt: Date
    ) throws(HallRateError) -> RunSummary {
        let (filesRead, keptStale) = try ingester.ingestChanges(inputs, registry: registry, store: store)

        let results = try analysis.results(store: store, registry: registry, filesRead: filesRead)
        var summary = summarize(results, outputFolder: checker.display(pipeline.output.folder))
        summary.filesRead = filesRead.count
        summary.keptStale = keptStale
        return try emitAll(results, summary: summary, store: store, checker: checker, startedAt: startedAt)
    }

    /// The summary of what a run computed, before its outputs are written.
    private func summarize(_ results: RunResults, outputFolder: String) -> RunSummary {
        let report = results.report
        var summary = RunSummary(
            files: results.files, rejectsByReason: results.rejects.byReason, withdrawn: results.withdrawn,
            outputFolder: outputFolder, outputs: [], firstPeriod: report.periods.first, lastPeriod: report.periods.last)
        summary.asOf = options.asOf
        summary.latestClosedPeriod = report.latestClosedPeriod
        summary.provisionalPeriods = report.provisionalPeriods
        summary.notReporting = report.notReporting.count
        summary.timeLimits = report.timeLimits.map { $0.values.reduce(into: TimeLimitCounts()) { $0.merge($1) } }
        for row in report.exceptions { summary.listed[row.kind, default: 0] += 1 }
        summary.listedLeftOut = report.exceptionsLeftOut
        return summary
    }

    /// Writes every output, publishes the counts when the pipeline says so, then the manifest.
    private func emitAll(
        _ results: RunResults, summary: RunSummary, store: Store, checker: PipelineChecker, startedAt: Date
    ) throws(HallRateError) -> RunSummary {
        var summary = summary
        var outputs = try emit(results, store: store, period: nil)
        // Published after every local output is written: a server that is down costs the county nothing
        // but the exit status, and the next run publishes the whole store again.
        if let target = pipeline.output.postgres {
            do throws(HallRateError) {
                summary.publication = .success(
                    try CountsPublisher(target: target, pipeline: pipeline.name, checkpoint: checkpoint).publish(results))
            } catch {
                summary.publication = .failure(error)
            }
        }
        outputs.append("manifest.json")
        summary.outputs = outputs
        try ManifestWriter(path: pipeline.output.folder + "/manifest.json").write(
            summary, pipeline: pipeline.name, pipelineFile: checker.display(pipeline.file),
            startedAt: startedAt, finishedAt: Date())
        checkpoint("manifest.json")
        return summary
    }

    /// `hallrate report`: rebuilds the reports from the store without reading any input: the month
    /// asked for (default: the latest closed month) and every report already in the output folder,
    /// with the CSV tables, so that all of them agree on the as-of date. Returns the reports written.
    package func rebuildReports(period: Period?) throws(HallRateError) -> [String] {
        guard FileManager.default.fileExists(atPath: pipeline.output.store) else {
            throw HallRateError(
                .usage, "no store yet: run the pipeline first (hallrate run)", at: SourceLocation(file: pipeline.output.store))
        }
        let store = try Store(path: pipeline.output.store)
        let results: RunResults
        if let members = pipeline.members {
            results = try FederatedAnalysis(pipeline: pipeline, members: members, closing: closing).results(store: store).0
        } else {
            let registry = try RegistryReader(
                path: pipeline.registryPath,
                displayPath: PipelineChecker(pipeline: pipeline, root: root).display(pipeline.registryPath)
            ).read()
            results = try analysis.results(store: store, registry: registry, filesRead: [])
        }
        let periods = results.report.periods
        if let period, !periods.contains(period) {
            let range = periods.first.map { "\($0) to \(periods.last ?? $0)" } ?? "none"
            throw HallRateError(.usage, "no data for \(period); the months in the store are \(range)")
        }
        return try emit(results, store: store, period: period).filter { $0.hasPrefix("report_") }
    }

    /// The stages that read the inputs into the store.
    private var ingester: InputIngester {
        InputIngester(
            pipeline: pipeline, logger: logger, pruneMissing: options.pruneMissing, progress: progress, checkpoint: checkpoint)
    }

    /// The stages that compute everything from the store.
    private var analysis: StoreAnalysis { StoreAnalysis(pipeline: pipeline, closing: closing) }

    /// Where the results go, in order: the CSV tables and rejects, then the month reports.
    var sinks: [any OutputSink] {
        [
            CSVTablesSink(pipeline: pipeline, checkpoint: checkpoint),
            MonthlyReportsSink(pipeline: pipeline, options: options, logger: logger, checkpoint: checkpoint),
        ]
    }

    /// Prepares every sink's outputs at the same time (rendering is most of a large run's emit), then,
    /// when all have prepared, writes them in the sinks' order; returns the names written. When a sink
    /// fails to prepare, no output changes; when one fails to write, the sinks after it write nothing.
    private func emit(_ results: RunResults, store: Store, period: Period?) throws(HallRateError) -> [String] {
        let prepared = Concurrently.map(sinks) { sink in
            Result { () throws(HallRateError) in try sink.prepare(results, store: store, period: period) }
        }
        var ready: [PreparedOutput] = []
        var failure: HallRateError?
        for result in prepared {
            switch result {
            case .success(let output): ready.append(output)
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure {
            for output in ready { output.discard() }
            throw failure
        }
        var outputs: [String] = []
        for (index, output) in ready.enumerated() {
            do throws(HallRateError) {
                outputs += try output.write()
            } catch {
                for rest in ready[(index + 1)...] { rest.discard() }
                throw error
            }
        }
        return outputs
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
