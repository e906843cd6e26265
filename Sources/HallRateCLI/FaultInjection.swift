import Foundation

/// Crash on purpose, for the fault-injection test: with `HALLRATE_KILL_AT=N` in the environment,
/// the process sends itself SIGKILL at its N-th checkpoint (storing a file, writing an output).
/// Without it, checkpoints do nothing. `HALLRATE_KILL_AT=list` prints each checkpoint as it passes.
enum FaultInjection {
    static func fromEnvironment() -> (String) -> Void {
        guard let setting = ProcessInfo.processInfo.environment["HALLRATE_KILL_AT"] else { return { _ in } }
        let counter = Counter()
        if setting == "list" {
            return { name in
                let number = counter.next()
                FileHandle.standardError.write(Data("hallrate: checkpoint \(number): \(name)\n".utf8))
            }
        }
        let target = Int(setting) ?? 0
        return { _ in
            if counter.next() == target { kill(getpid(), SIGKILL) }
        }
    }

    /// Checkpoints are passed by the sinks writing at the same time: counted under a lock.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
