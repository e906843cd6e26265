import Foundation
import HallRateCore

/// A one-line progress display on a terminal (`[3/42] Input/… 1,234,567 rows, 850,000 rows/s`),
/// redrawn in place; silent when standard error is not a terminal (cron) or with `--quiet`.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: PipelineRunner.Progress) {
        guard enabled else { return }
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let rate = Int(Double(progress.rows) / seconds)
        let line = "[\(progress.file)/\(progress.files)] \(progress.path)  \(progress.rows) rows, \(rate) rows/s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        shown = true
    }

    /// Ends the line so that what follows starts on a fresh one.
    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
