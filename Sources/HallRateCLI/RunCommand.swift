import ArgumentParser
import Foundation
import HallRateCore

/// `hallrate run`: runs a pipeline and writes its supervision tables.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline and write the ranked supervision CSVs (the default command).",
        discussion: """
            Writes under the pipeline's output folder (default Output/<pipeline>): hall_months.csv, \
            league/YYYY-MM_<tier>.csv, red_black_lists.csv, tier_summary.csv, rejects.csv and manifest.json.
            """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Write the outputs into DIR (relative to the working directory) instead of the pipeline's output folder.",
                               valueName: "DIR"))
    var output: String?

    @Option(help: ArgumentHelp("Fail (exit 1) when more than this share of rows is rejected, e.g. 0.05.", valueName: "RATE"))
    var maxRejectRate: Double?

    func validate() throws {
        if let maxRejectRate, !(0...1).contains(maxRejectRate) {
            throw ValidationError("--max-reject-rate must be between 0 and 1.")
        }
    }

    func run() throws {
        var pipeline = try options.loadPipeline()
        if let output {
            pipeline.output.folder = output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output
        }
        var runner = PipelineRunner(pipeline: pipeline, root: options.resolvedRoot, logger: options.makeLogger())
        let display = ProgressLine(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
        runner.progress = display.show
        let summary: RunSummary
        do {
            defer { display.finish() }
            summary = try runner.run()
        } catch {
            printError(error)
            throw ExitCode(error.code == .pipeline || error.code == .registry ? 2 : 1)
        }
        if !options.quiet { print(SummaryText(summary).text) }
        if !summary.reconciles {
            printError(HallRateError(.output, "the counts do not reconcile; please report this"))
            throw ExitCode(1)
        }
        if let maxRejectRate, summary.rejectRate > maxRejectRate {
            let rate = String(format: "%.2f%%", summary.rejectRate * 100)
            let limit = String(format: "%.2f%%", maxRejectRate * 100)
            printError(HallRateError(.output, "\(rate) of rows were rejected, more than --max-reject-rate \(limit)"))
            throw ExitCode(1)
        }
    }
}
