import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output written in pieces, with ``AtomicFile``'s guarantees: a temporary file next to the target,
/// put in place by ``AtomicFile/commit(_:)``; left alone when the target already holds exactly these
/// bytes (compared piece by piece as they are written, so memory does not grow with the file).
final class AtomicFileStream {
    let path: String
    private let temporary: String
    private let descriptor: Int32
    /// The current file, read alongside while it still matches what is written.
    private var existing: Int32
    private var comparison: [UInt8] = []
    private var finished = false

    /// - Throws: ``HallRateError`` `.output` when the temporary file cannot be created.
    init(path: String) throws(HallRateError) {
        self.path = path
        temporary = path + ".tmp-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HallRateError(.output, "cannot create: \(String(cString: strerror(errno)))", at: SourceLocation(file: temporary))
        }
        existing = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    }

    deinit {
        close(descriptor)
        if existing >= 0 { close(existing) }
        if !finished { unlink(temporary) }
    }

    /// Appends `bytes`.
    /// - Throws: ``HallRateError`` `.output`; the temporary file is removed.
    func write(_ bytes: [UInt8]) throws(HallRateError) {
        compare(bytes)
        try AtomicFile.writeAll(bytes, to: descriptor, path: temporary)
    }

    /// Reads as many bytes of the current file and stops comparing at the first difference.
    private func compare(_ bytes: [UInt8]) {
        guard existing >= 0, !bytes.isEmpty else { return }
        if comparison.count < bytes.count { comparison = [UInt8](repeating: 0, count: bytes.count) }
        let filled = comparison.withUnsafeMutableBytes { raw in
            (try? FileDescriptor(rawValue: existing).fill(UnsafeMutableRawBufferPointer(rebasing: raw[0..<bytes.count]))) ?? 0
        }
        let same =
            filled == bytes.count
            && bytes.withUnsafeBytes { mine in
                comparison.withUnsafeBytes { theirs in
                    guard let mine = mine.baseAddress, let theirs = theirs.baseAddress else { return false }
                    return memcmp(mine, theirs, filled) == 0
                }
            }
        if !same {
            close(existing)
            existing = -1
        }
    }

    /// The file to commit, or nil when the target already holds exactly what was written.
    func finish() -> AtomicFile.Staged? {
        finished = true
        if existing >= 0 {
            var byte: UInt8 = 0
            let more = read(existing, &byte, 1)
            close(existing)
            existing = -1
            if more == 0 {
                unlink(temporary)
                return nil
            }
        }
        return AtomicFile.Staged(temporary: temporary, path: path)
    }
}
