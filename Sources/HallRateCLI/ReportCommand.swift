import ArgumentParser
import Foundation
import HallRateCore

/// `hallrate report`: rebuilds the workbook and the HTML report for a month from the store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild the workbook (.xlsx) and HTML report for a month from the store, reading no input.",
        discussion: """
            Writes report_YYYY-MM.xlsx and report_YYYY-MM.html into the output folder (default: the latest \
            closed month, the month of the 通报), and rewrites every report already there and the CSV tables, \
            so that all of them agree on the as-of date.
            """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("The month to report (default: the latest closed month with data).", valueName: "YYYY-MM"))
    var period: String?

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reports: ReportOptions

    func validate() throws {
        if let period, Period(period) == nil { throw ValidationError("--period takes a month such as 2019-03.") }
    }

    func run() throws {
        let pipeline = outputOptions.apply(to: try options.loadPipeline())
        var runner = PipelineRunner(pipeline: pipeline, root: options.resolvedRoot, logger: options.makeLogger())
        reports.apply(to: &runner.options, pipeline: runner.pipeline)
        do {
            let lock = try PipelineRunner.lock(pipeline, maxAge: reports.maxLockAge * 3600)
            let written = try withExtendedLifetime(lock) { () throws(HallRateError) -> [String] in
                try runner.rebuildReports(period: period.flatMap(Period.init))
            }
            if !options.quiet {
                for name in written { print("\(pipeline.output.folder)/\(name)") }
            }
        } catch {
            printError(error)
            throw ExitCode(error.exitStatus)
        }
    }
}
