import ArgumentParser
import Foundation
import HallRateCore

/// `hallrate status`: the last runs and the files in the store.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the last runs (when, how long, files, rows, rejects, exit) and the files in the store, newest first."
    )

    @OptionGroup var options: CommonOptions

    @Option(help: "How many runs and files to show.")
    var limit = 10

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let pipeline = outputOptions.apply(to: try options.loadPipeline())
        guard FileManager.default.fileExists(atPath: pipeline.output.store) else {
            print("\(pipeline.name): no run yet (no store at \(pipeline.output.store))")
            return
        }
        do {
            let store = try Store(path: pipeline.output.store)
            print("store: \(pipeline.output.store)")
            print("last runs:")
            print("  started (Beijing time)  seconds  files  read  rows      rejected  exit")
            for run in try store.runs(limit: limit) {
                print(
                    "  "
                        + [
                            Self.beijing(run.startedAt).padding(22), String(format: "%7.2f", run.seconds),
                            "\(run.files)".padding(5, left: true),
                            "\(run.filesRead)".padding(4, left: true), "\(run.rowsRead)".padding(9, left: true),
                            "\(run.rejected)".padding(8, left: true), "\(run.exitStatus)".padding(4, left: true),
                        ]
                        .joined(separator: "  "))
            }
            let files = try store.ledger().values.sorted { ($0.ingestedAt, $0.path) > ($1.ingestedAt, $1.path) }
            print("files (\(files.count), newest first):")
            for file in files.prefix(limit) {
                print(
                    "  \(Self.beijing(file.ingestedAt))  \(file.status.rawValue.padding(8))  rows \(file.rowsRead)  "
                        + "rejected \(file.rejected)  \(StandardErrorLogHandler.visible(file.path))")
            }
        } catch {
            printError(error)
            throw ExitCode(1)
        }
    }
}

extension StatusCommand {
    /// An ISO 8601 UTC time as Beijing wall-clock time, `2026-12-06 10:28:07` (the text as it is when
    /// it is not such a time).
    static func beijing(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}

extension String {
    /// Padded with spaces to `width` (on the left for numbers).
    func padding(_ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
