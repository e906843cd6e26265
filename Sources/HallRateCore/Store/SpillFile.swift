import SystemPackage

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
        do {
            _ = try FileDescriptor(rawValue: descriptor).writeAll(toAbsoluteOffset: Int64(start), bytes)
        } catch {
            throw Failure(message: "cannot write a scratch file: \(error)")
        }
        size += bytes.count
        return start
    }

    /// Fills `buffer` from `offset`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        let filled: Int
        do {
            filled = try FileDescriptor(rawValue: descriptor).fill(buffer, fromAbsoluteOffset: Int64(offset))
        } catch {
            throw Failure(message: "cannot read a scratch file: \(error)")
        }
        guard filled == buffer.count else { throw Failure(message: "cannot read a scratch file: it is short") }
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
