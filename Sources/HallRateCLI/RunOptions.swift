import ArgumentParser
import HallRateCore

/// Options of the commands that run a pipeline (`run`, `reprocess`).
struct RunOptions: ParsableArguments {
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reports: ReportOptions

    @Option(help: ArgumentHelp("Fail (exit 1) when more than this share of rows is rejected, e.g. 0.05.", valueName: "RATE"))
    var maxRejectRate: Double?

    @Flag(help: "Withdraw the rows of files that are no longer in the inputs (kept by default, since exports get archived).")
    var pruneMissing = false

    func validate() throws {
        if let maxRejectRate, !(0...1).contains(maxRejectRate) {
            throw ValidationError("--max-reject-rate must be between 0 and 1.")
        }
    }

    func apply(to pipeline: Pipeline) -> Pipeline { outputOptions.apply(to: pipeline) }
}
