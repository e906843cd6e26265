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
                counter.value += 1
                FileHandle.standardError.write(Data("hallrate: checkpoint \(counter.value): \(name)\n".utf8))
            }
        }
        let target = Int(setting) ?? 0
        return { _ in
            counter.value += 1
            if counter.value == target { kill(getpid(), SIGKILL) }
        }
    }

    private final class Counter: @unchecked Sendable {
        var value = 0
    }
}
