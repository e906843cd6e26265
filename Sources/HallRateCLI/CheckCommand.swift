import ArgumentParser
import Foundation
import HallRateCore

/// `hallrate check`: validates a pipeline and its files' headers without running it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a pipeline file without running it.",
        discussion: """
            Reports unknown or missing keys, bad values, an unreadable registry, a source that matches no file \
            (unless it is optional), and mapped columns that the matching files do not have, each with its \
            file, line and key. Exit status 2 when anything is wrong.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
        // Every problem of the file at once (three typos: one run of check, not three).
        let (loaded, fileProblems) = PipelineLoader(root: options.resolvedRoot).loadAll(options.pipeline)
        for problem in fileProblems { printError(problem) }
        guard let pipeline = loaded else { throw ExitCode(2) }
        let checker = PipelineChecker(pipeline: pipeline, root: options.resolvedRoot)
        let (problems, _) = checker.check()
        for problem in problems { printError(problem.error) }
        for source in checker.emptySources() where source.optional {
            FileHandle.standardError.write(Data("warning: optional source '\(source.name)' matches no file (\(source.glob))\n".utf8))
        }
        guard problems.isEmpty else { throw ExitCode(2) }
        if !options.quiet {
            print("\(options.pipeline): ok (\(pipeline.sources.count) sources)")
        }
    }
}
