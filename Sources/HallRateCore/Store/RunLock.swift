#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run at a time per pipeline: an exclusive `flock(2)` on a lock file in the output folder.
///
/// The kernel releases the lock when the process ends, however it ends, so a killed run never
/// blocks the next one.
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock at `path`, or fails at once.
    /// - Throws: ``HallRateError`` `.busy` when another run holds it, `.output` when the file cannot be opened.
    public init(path: String) throws(HallRateError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HallRateError(.output, "cannot open the lock file: \(String(cString: strerror(errno)))",
                                at: SourceLocation(file: path))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw HallRateError(.busy, "another hallrate run holds the lock on this pipeline; try again when it ends",
                                at: SourceLocation(file: path))
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
