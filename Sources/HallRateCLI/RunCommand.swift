import ArgumentParser
import HallRateCore

/// `hallrate run`: ingests new and changed exports into the store and writes the supervision tables.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline and write the ranked supervision CSVs (the default command).",
        discussion: """
            Reads only the files that are new or changed since the last run (or were read under another \
            mapping or registry) into the pipeline's store, then writes under its output folder (default \
            Output/<pipeline>): hall_months.csv, league/YYYY-MM_<tier>.csv, red_black_lists.csv, \
            tier_summary.csv, rejects.csv and manifest.json. One run at a time per pipeline: a second one \
            exits at once with status 75.
            """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        let loaded = try options.loadPipeline()
        let pipeline = runOptions.apply(to: loaded)
        try PipelineExecution(options: options, runOptions: runOptions).run(pipeline)
    }
}
