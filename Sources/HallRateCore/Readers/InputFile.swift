import Crypto
import Dispatch
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input file read front to back in fixed-size chunks, hashed (SHA-256) on the way.
///
/// The file is read in blocks of about 1 MiB (a whole number of chunks), handed out chunk by chunk.
/// The hashing runs on a second thread while the caller parses: once a block has been handed out, it
/// goes to the hasher while the next block (the next of ``blockCount`` buffers, in a ring) is read and
/// handed out; a buffer is read into again only once the hasher is done with it. Owns the file
/// descriptor; memory use is ``blockCount`` blocks whatever the file's size (smaller blocks for a file
/// smaller than one).
final class InputFile {
    /// Blocks in the ring: the reader runs up to this many blocks ahead of the hashing thread, so that
    /// neither waits for the other while both share the cores with the mapping thread.
    static let blockCount = 8
    let path: String
    private let descriptor: Int32
    private let chunkSize: Int
    private let blockSize: Int
    /// Two block buffers, one after the other.
    private let buffers: UnsafeMutableRawBufferPointer
    /// The buffer holding the block being handed out (0 or 1), its bytes, and how many are handed out.
    private var current = 0
    private var blockFilled = 0
    private var blockOffset = 0
    /// How much of the current block went to the hasher (only what was handed out is ever hashed).
    private var hashedUpTo = 0
    private let hasher: BackgroundHasher?
    /// Bytes handed out so far.
    private(set) var size = 0

    /// Opens `path` for reading.
    /// - Parameter hashing: false when the caller needs no digest (the encoding sniffer): nothing is hashed.
    /// - Throws: ``HallRateError`` `.io` naming the file and the system's reason.
    init(path: String, chunkSize: Int = 1 << 16, hashing: Bool = true, validatingUTF8: Bool = false) throws(HallRateError) {
        self.path = path
        // Non-blocking, so that a FIFO with no writer cannot hang the open; only regular files are read.
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw HallRateError(.io, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw HallRateError(
                .io, "not a regular file (a FIFO, device or folder): refused without reading",
                at: SourceLocation(file: path))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.chunkSize = max(chunkSize, 1)
        // About 1 MiB, but no more chunks than the file holds (plus one to see its end): a small file
        // (a registry, one station's monthly XML) does not cost 8 MiB of buffers.
        let chunksInFile = Int(info.st_size) / self.chunkSize + 1
        blockSize = self.chunkSize * max(1, min((1 << 20) / self.chunkSize, chunksInFile))
        buffers = .allocate(byteCount: InputFile.blockCount * blockSize, alignment: 64)
        hasher = hashing || validatingUTF8 ? BackgroundHasher(hashing: hashing, validatingUTF8: validatingUTF8) : nil
    }

    deinit {
        hasher?.waitForAll()  // it may still be reading a buffer
        buffers.deallocate()
        close(descriptor)
    }

    private func block(_ index: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: buffers[(index * blockSize)..<((index + 1) * blockSize)])
    }

    /// Reads the next chunk, filling it unless the file ends; an empty chunk means the end.
    /// - Throws: ``HallRateError`` `.io` when `read(2)` fails.
    func nextChunk<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        if blockOffset == blockFilled { try readBlock() }
        let end = min(blockOffset + chunkSize, blockFilled)
        let chunk = UnsafeRawBufferPointer(rebasing: block(current)[blockOffset..<end])
        blockOffset = end
        size += chunk.count
        return try body(chunk)
    }

    /// The current block is all handed out: hashes its rest, then reads the next block into the other
    /// buffer, filling it unless the file ends. At the end of the file the current block stays (exhausted).
    private func readBlock() throws {
        flushHash()
        let next = (current + 1) % InputFile.blockCount
        hasher?.waitUntilFree(next)
        let buffer = block(next)
        let filled: Int
        do {
            filled = try FileDescriptor(rawValue: descriptor).fill(
                UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<blockSize]))
        } catch {
            throw HallRateError(.io, "read failed: \(error)", at: SourceLocation(file: path))
        }
        guard filled > 0 else { return }
        (current, blockFilled, blockOffset, hashedUpTo) = (next, filled, 0, 0)
    }

    /// Hands what was handed out of the current block and not hashed yet to the hasher.
    private func flushHash() {
        guard let hasher, hashedUpTo < blockOffset else { return }
        hasher.hash(UnsafeRawBufferPointer(rebasing: block(current)[hashedUpTo..<blockOffset]), buffer: current)
        hashedUpTo = blockOffset
    }

    /// The SHA-256 of everything handed out so far, in lowercase hex.
    /// With `validatingUTF8`: the byte offset of the first character that is not UTF-8 in what was
    /// read so far, and whether what was read ends between characters. Waits for the background work.
    func utf8Check() -> (invalidAt: Int?, isComplete: Bool) {
        guard let hasher else { return (nil, true) }
        flushHash()
        return hasher.utf8Check()
    }

    func digest() -> String {
        guard let hasher else { preconditionFailure("digest() of an InputFile opened with hashing: false") }
        flushHash()
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// SHA-256 on a serial queue of its own, fed in order; remembers the last work item on each of the two
/// buffers (the queue being serial, its end means the end of every earlier one).
///
/// Thread safety: `state` is touched only by the queue's work items, and read by `finalize()` only
/// through `queue.sync`, after them; `pending` is touched only by the owning ``InputFile``'s thread.
/// A buffer is written only after `waitUntilFree(_:)` saw its hashing finish. Hence `@unchecked`.
private final class BackgroundHasher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "hallrate.input-sha256", qos: .userInitiated)
    private var state = SHA256()
    private let hashing: Bool
    /// UTF-8 checking on the same thread, off the parsing thread (only the queue touches these).
    private var validator: UTF8Validator?
    private var invalidAt: Int?

    init(hashing: Bool, validatingUTF8: Bool) {
        self.hashing = hashing
        validator = validatingUTF8 ? UTF8Validator() : nil
    }
    private var pending = [DispatchWorkItem?](repeating: nil, count: InputFile.blockCount)

    /// A chunk handed to the queue; its memory stays untouched until the work item is done.
    private struct Chunk: @unchecked Sendable { let bytes: UnsafeRawBufferPointer }

    func hash(_ bytes: UnsafeRawBufferPointer, buffer: Int) {
        let chunk = Chunk(bytes: bytes)
        let item = DispatchWorkItem { [self] in
            if hashing { state.update(bufferPointer: chunk.bytes) }
            if invalidAt == nil, let bad = validator?.validate(chunk.bytes) { invalidAt = bad }
        }
        pending[buffer] = item
        queue.async(execute: item)
    }

    /// Waits until the hashing of `buffer`'s last chunk has finished.
    func waitUntilFree(_ buffer: Int) {
        if let item = pending[buffer] {
            item.wait()
            pending[buffer] = nil
        }
    }

    func waitForAll() {
        queue.sync {}
        pending = [DispatchWorkItem?](repeating: nil, count: InputFile.blockCount)
    }

    func utf8Check() -> (invalidAt: Int?, isComplete: Bool) {
        waitForAll()
        return queue.sync { (invalidAt, validator?.isComplete ?? true) }
    }

    func finalize() -> SHA256.Digest {
        waitForAll()
        return queue.sync { state.finalize() }
    }
}
