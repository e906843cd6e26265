import ArgumentParser
import Foundation
import HallRateCore

/// Where the outputs (and the store with them) are: shared by every command that touches them.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Use DIR (relative to the working directory) instead of the pipeline's output folder; the store moves with it unless the pipeline names output.store.",
            valueName: "DIR"))
    var output: String?

    func validate() throws {
        if let output, output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output needs a folder; an empty one would write into the working directory.")
        }
    }

    /// The pipeline with `--output` applied.
    func apply(to pipeline: Pipeline) -> Pipeline {
        var pipeline = pipeline
        if let output {
            pipeline.output.move(to: output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output)
        }
        return pipeline
    }
}

/// Which reports to write besides the CSVs.
struct ReportOptions: ParsableArguments {
    @Flag(help: "Do not write the workbook (report_YYYY-MM.xlsx).")
    var noXlsx = false

    @Flag(help: "Do not write the HTML report (report_YYYY-MM.html), its 简报 (report_YYYY-MM_brief.html) or its text (report_YYYY-MM.txt).")
    var noHtml = false

    @Flag(
        help:
            "Also print the report and its 简报 to PDF (report_YYYY-MM.pdf, report_YYYY-MM_brief.pdf) with headless Chromium; report.pdf: true in the pipeline does the same for every run."
    )
    var pdf = false

    @Option(
        help: ArgumentHelp(
            "Judge which months are closed as of this day (default: today in Asia/Shanghai). A month closes close_after_days days after its last day.",
            valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(
        help: ArgumentHelp(
            "Take another run that has held the pipeline's lock for more than HOURS for hung: fail (exit 1) naming it, instead of exiting 75.",
            valueName: "HOURS"))
    var maxLockAge: Double = 6

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of takes a day such as 2019-12-05.") }
        guard maxLockAge > 0 else { throw ValidationError("--max-lock-age must be more than 0 hours.") }
    }

    func apply(to options: inout PipelineRunner.Options, pipeline: Pipeline) {
        options.workbook = !noXlsx
        options.html = !noHtml
        options.pdf = pdf || pipeline.publication.pdf
        if let day = asOf.flatMap(CalendarDate.init) { options.asOf = day }
    }
}
