import ArgumentParser
import Foundation
import HallRateCore

/// Runs a loaded pipeline the way `run` and `reprocess` share: the lock, the progress line,
/// the summary, and the exit statuses.
struct PipelineExecution {
    let options: CommonOptions
    let runOptions: RunOptions

    /// Takes the pipeline's lock, lets `prepare` touch the store, runs, prints the summary.
    /// - Throws: `ExitCode` 75 when another run holds the lock, 2 for pipeline errors, 1 for failures.
    func run(_ pipeline: Pipeline, prepare: (Store) throws(HallRateError) -> Void = { _ throws(HallRateError) in }) throws {
        let logger = options.makeLogger()
        let lock: RunLock
        do {
            lock = try PipelineRunner.lock(pipeline, maxAge: runOptions.reports.maxLockAge * 3600)
        } catch {
            printError(error)
            throw ExitCode(error.exitStatus)
        }
        defer { withExtendedLifetime(lock) {} }
        var runner = PipelineRunner(pipeline: pipeline, root: options.resolvedRoot, logger: logger)
        runner.options.pruneMissing = runOptions.pruneMissing
        runner.options.maxRejectRate = runOptions.maxRejectRate
        runOptions.reports.apply(to: &runner.options, pipeline: runner.pipeline)
        runner.checkpoint = FaultInjection.fromEnvironment()
        let display = ProgressLine(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
        runner.progress = display.show
        let summary: RunSummary
        do {
            defer { display.finish() }
            summary = try runner.run(prepare: prepare)
        } catch {
            printError(error)
            throw ExitCode(error.exitStatus)
        }
        if !options.quiet { print(SummaryText(summary).text) }
        if !summary.reconciles {
            printError(HallRateError(.output, "the counts do not reconcile; please report this"))
            throw ExitCode(1)
        }
        if case .failure(let error) = summary.publication {
            printError(
                HallRateError(
                    error.code, error.message + "; the local outputs are written, and the next run publishes the whole store again",
                    at: error.location, key: error.key))
            throw ExitCode(1)
        }
        if let maxRejectRate = runOptions.maxRejectRate, summary.rejectRate > maxRejectRate {
            let rate = String(format: "%.2f%%", summary.rejectRate * 100)
            let limit = String(format: "%.2f%%", maxRejectRate * 100)
            printError(HallRateError(.output, "\(rate) of rows were rejected, more than --max-reject-rate \(limit)"))
            throw ExitCode(1)
        }
    }
}
