#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An anonymous scratch file next to the store, for the sorted chunks of a file too big to sort in
/// memory: written once, read back by the merge, gone when closed (it is unlinked at once, so a
/// killed run leaves nothing behind).
final class SpillFile {
    let descriptor: Int32
    /// Bytes written so far.
    private(set) var size = 0

    /// Creates the file in `folder`.
    /// - Throws: `SpillFile.Failure` with the system's reason.
    init(folder: String) throws {
        var template = Array((folder + "/.hallrate-spill-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(message: "cannot create a scratch file in \(folder): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    /// Appends `bytes`; returns the offset they start at.
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Int {
        let start = size
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written, off_t(start + written))
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write a scratch file: \(String(cString: strerror(errno)))")
            }
            written += count
        }
        size += bytes.count
        return start
    }

    /// Fills `buffer` from `offset`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled, off_t(offset + filled))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw Failure(message: "cannot read a scratch file: \(count < 0 ? String(cString: strerror(errno)) : "it is short")")
            }
            filled += count
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
