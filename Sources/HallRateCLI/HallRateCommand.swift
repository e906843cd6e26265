import ArgumentParser
import Foundation
import HallRateCore

/// `hallrate`: ranked supervision tables of the online-handled rate (网上办事率) of service halls.
@main
struct HallRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hallrate",
        abstract: "Rank government service halls by their online-handled rate (网上办事率).",
        discussion: """
            hallrate reads the transaction exports (办件) of every hall named by a pipeline file, maps and \
            validates them, removes duplicates, and writes ranked CSV summaries for supervisors: per hall \
            and month the volume, the online share, its trend, its rank within its tier, and flags.

            Exit status: 0 success (rejected rows alone are not a failure); 1 the run failed, or rejected \
            rows exceeded --max-reject-rate; 2 bad command line, pipeline file or registry; 75 another run of the \
            same pipeline is under way (try again later).
            """,
        version: HallRate.version,
        subcommands: [RunCommand.self, CheckCommand.self, ReprocessCommand.self, StatusCommand.self, ReportCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Parses and runs, mapping ArgumentParser's usage status (64) to hallrate's documented 2.
    static func main() {
        // A full disk or a file-size limit must surface as a write error, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
