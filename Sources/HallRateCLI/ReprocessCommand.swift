import ArgumentParser
import HallRateCore

/// `hallrate reprocess`: reads files again by hand, then runs.
struct ReprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Read files again (all, one source, one file, or the months from one on), then run.",
        discussion: """
            Use after a correction that hallrate cannot see by itself. Files that are no longer in the \
            inputs keep their rows. Examples: hallrate reprocess --all; hallrate reprocess --since 2019-03.
            """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var runOptions: RunOptions

    @Flag(help: "Read every file again.")
    var all = false

    @Option(help: ArgumentHelp("Read again the files of the source named NAME.", valueName: "NAME"))
    var source: String?

    @Option(help: ArgumentHelp("Read again this file (its path as in the manifest, e.g. Input/district/x.csv).", valueName: "PATH"))
    var file: String?

    @Option(help: ArgumentHelp("Read again every file holding a transaction of this month or later.", valueName: "YYYY-MM"))
    var since: String?

    func validate() throws {
        guard [all, source != nil, file != nil, since != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("Say what to reprocess: exactly one of --all, --source, --file, --since.")
        }
        if let since, Period(since) == nil { throw ValidationError("--since takes a month such as 2019-03.") }
    }

    var selection: ReprocessSelection {
        if let source { return .source(source) }
        if let file { return .file(file) }
        if let since, let period = Period(since) { return .since(period) }
        return .all
    }

    func run() throws {
        let loaded = try options.loadPipeline()
        let pipeline = runOptions.apply(to: loaded)
        if let source, !pipeline.sources.contains(where: { $0.name == source }) {
            printError(HallRateError(.usage, "the pipeline has no source named '\(source)'"))
            throw ExitCode(2)
        }
        let selection = self.selection
        try PipelineExecution(options: options, runOptions: runOptions).run(pipeline) { store throws(HallRateError) in
            let count = try store.markForRereading(where: selection)
            if count == 0, file != nil {
                throw HallRateError(.usage, "no file in the store is named '\(file ?? "")'; use the path as the manifest shows it")
            }
            options.makeLogger().info("files marked to be read again", metadata: ["files": "\(count)"])
        }
    }
}
