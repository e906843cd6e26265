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
            (unless it is optional), mapped columns that the matching files do not have, each with its \
            file, line and key, and a report.pdf that no installed Chromium can print. Exit status 2 when \
            anything is wrong.
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
        var errors = problems.map(\.error)
        // Every run of this pipeline prints PDFs: without Chromium each would fail after writing the CSVs.
        if pipeline.publication.pdf {
            do {
                _ = try PDFPrinter.find()
            } catch {
                var located = error
                located.location = pipeline.location(of: "report.pdf")
                located.key = "report.pdf"
                errors.append(located)
            }
        }
        for error in errors { printError(error) }
        for source in checker.emptySources() where source.optional {
            FileHandle.standardError.write(Data("warning: optional source '\(source.name)' matches no file (\(source.glob))\n".utf8))
        }
        guard errors.isEmpty else { throw ExitCode(2) }
        if !options.quiet {
            if let members = pipeline.members {
                print("\(options.pipeline): ok (federated: \(members.expected.count) members expected; the server is read when it runs)")
            } else {
                print("\(options.pipeline): ok (\(pipeline.sources.count) sources)")
            }
        }
    }
}
