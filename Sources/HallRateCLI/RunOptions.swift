import ArgumentParser
import Foundation
import HallRateCore

/// Options of the commands that run a pipeline (`run`, `reprocess`).
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the outputs into DIR (relative to the working directory) instead of the pipeline's output folder.",
                               valueName: "DIR"))
    var output: String?

    @Option(help: ArgumentHelp("Fail (exit 1) when more than this share of rows is rejected, e.g. 0.05.", valueName: "RATE"))
    var maxRejectRate: Double?

    @Flag(help: "Withdraw the rows of files that are no longer in the inputs (kept by default, since exports get archived).")
    var pruneMissing = false

    @Flag(help: "Do not write the workbook (report_YYYY-MM.xlsx).")
    var noXlsx = false

    @Flag(help: "Do not write the HTML report (report_YYYY-MM.html).")
    var noHtml = false

    func validate() throws {
        if let maxRejectRate, !(0...1).contains(maxRejectRate) {
            throw ValidationError("--max-reject-rate must be between 0 and 1.")
        }
    }

    /// The pipeline with `--output` applied (the store moves with the outputs unless the pipeline names one).
    func apply(to pipeline: Pipeline) -> Pipeline {
        var pipeline = pipeline
        if let output {
            pipeline.output.move(to: output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output)
        }
        return pipeline
    }
}
