import ArgumentParser
import Foundation
import HallRateCore
import Logging

/// Options shared by every subcommand.
struct CommonOptions: ParsableArguments {
    @Argument(help: "The pipeline file.", completion: .file(extensions: ["yml", "yaml"]))
    var pipeline: String = "Pipelines/default.yml"

    @Option(
        help: ArgumentHelp(
            "Resolve relative paths inside the pipeline against DIR (default: the working directory).",
            valueName: "DIR"))
    var root: String?

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print details of every file.")
    var verbose = false

    @Option(
        help: ArgumentHelp(
            "Log lines as text or json (default: text on a terminal, json otherwise, e.g. under cron).",
            valueName: "FORMAT"))
    var logFormat: LogFormat?

    enum LogFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// The root as an absolute path without a trailing slash.
    var resolvedRoot: String {
        let base = FileManager.default.currentDirectoryPath
        guard let root else { return base }
        let absolute = root.hasPrefix("/") ? root : base + "/" + root
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    func makeLogger() -> Logger {
        let level: Logger.Level = quiet ? .warning : (verbose ? .debug : .info)
        let json = (logFormat ?? (isatty(STDERR_FILENO) == 1 ? .text : .json)) == .json
        var logger = Logger(label: "hallrate") { label in StandardErrorLogHandler(label: label, json: json) }
        logger.logLevel = level
        return logger
    }

    /// Loads the pipeline, printing the error and exiting 2 when it is invalid.
    func loadPipeline() throws -> Pipeline {
        do {
            return try PipelineLoader(root: resolvedRoot).load(pipeline)
        } catch {
            printError(error)
            throw ExitCode(2)
        }
    }
}

/// Prints an error compiler-style on standard error.
func printError(_ error: HallRateError) {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
}
