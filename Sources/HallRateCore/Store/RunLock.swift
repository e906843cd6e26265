import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run at a time per pipeline: an exclusive `flock(2)` on a lock file in the output folder.
///
/// The kernel releases the lock when the process ends, however it ends, so a killed run never
/// blocks the next one. A run that hangs does: the holder writes its pid and start time into the
/// file, and a later run that finds the lock held for longer than `maxAge` fails with `.stuckRun`
/// naming them, instead of exiting 75 ("try later") night after night.
package final class RunLock {
    private let descriptor: Int32

    /// Takes the lock at `path`, or fails at once.
    /// - Parameter maxAge: seconds after which a holder is taken for hung.
    /// - Throws: ``HallRateError`` `.busy` when another run holds it, `.stuckRun` when that run has held
    ///   it for more than `maxAge`, `.output` when the file cannot be opened.
    package init(path: String, maxAge: Double = 6 * 3600, now: Date = Date()) throws(HallRateError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HallRateError(
                .output, "cannot open the lock file: \(String(cString: strerror(errno)))",
                at: SourceLocation(file: path))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = RunLock.holder(descriptor)
            close(descriptor)
            if let holder, now.timeIntervalSince1970 - holder.since > maxAge {
                let hours = (now.timeIntervalSince1970 - holder.since) / 3600
                throw HallRateError(
                    .stuckRun,
                    "run \(holder.pid) has held the lock on this pipeline for "
                        + String(format: "%.1f", hours) + " hours: it is probably hung. Look at it, "
                        + "stop it (kill \(holder.pid)), and run again", at: SourceLocation(file: path))
            }
            throw HallRateError(
                .busy,
                "another hallrate run holds the lock on this pipeline"
                    + (holder.map { " (pid \($0.pid))" } ?? "") + "; try again when it ends",
                at: SourceLocation(file: path))
        }
        self.descriptor = descriptor
        let stamp = Array("\(getpid()) \(Int(now.timeIntervalSince1970))\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = stamp.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// The pid and start time (seconds since 1970) the holder wrote, if it did.
    private static func holder(_ descriptor: Int32) -> (pid: Int, since: Double)? {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let parts = String(decoding: bytes[..<count], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let pid = Int(parts[0]), let since = Double(parts[1]) else { return nil }
        return (pid, since)
    }

    /// Clears the holder's stamp, then releases the lock: another holder that writes none (a backup
    /// under `flock(1)`) is then "busy", never taken for this run, hung.
    deinit {
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }
}
