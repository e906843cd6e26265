#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Dispatch

/// An input file read front to back in fixed-size chunks, hashed (SHA-256) on the way.
///
/// The hashing runs on a second thread while the caller parses: chunks alternate between two buffers,
/// and a buffer is read into again only once the hasher is done with it. Owns the file descriptor;
/// memory use is two chunks whatever the file's size.
final class InputFile {
    let path: String
    private let descriptor: Int32
    private let chunkSize: Int
    /// Two chunk buffers, one after the other.
    private let buffers: UnsafeMutableRawBufferPointer
    /// The buffer the next chunk goes to (0 or 1).
    private var next = 0
    private let hasher: BackgroundHasher?
    /// Bytes read so far.
    private(set) var size = 0

    /// Opens `path` for reading.
    /// - Parameter hashing: false when the caller needs no digest (the encoding sniffer): nothing is hashed.
    /// - Throws: ``HallRateError`` `.io` naming the file and the system's reason.
    init(path: String, chunkSize: Int = 1 << 16, hashing: Bool = true) throws(HallRateError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw HallRateError(.io, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        self.chunkSize = max(chunkSize, 1)
        buffers = .allocate(byteCount: 2 * self.chunkSize, alignment: 64)
        hasher = hashing ? BackgroundHasher() : nil
    }

    deinit {
        hasher?.waitForAll()  // it may still be reading a buffer
        buffers.deallocate()
        close(descriptor)
    }

    /// Reads the next chunk, filling it unless the file ends; an empty chunk means the end.
    /// - Throws: ``HallRateError`` `.io` when `read(2)` fails.
    func nextChunk<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let buffer = UnsafeMutableRawBufferPointer(rebasing: buffers[(next * chunkSize)..<((next + 1) * chunkSize)])
        hasher?.waitUntilFree(next)
        var filled = 0
        while filled < chunkSize {
            let count = read(descriptor, buffer.baseAddress! + filled, chunkSize - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw HallRateError(.io, "read failed: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            }
            if count == 0 { break }
            filled += count
        }
        size += filled
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<filled])
        if filled > 0 {
            hasher?.hash(chunk, buffer: next)
            next ^= 1
        }
        return try body(chunk)
    }

    /// The SHA-256 of everything read so far, in lowercase hex.
    func digest() -> String {
        guard let hasher else { preconditionFailure("digest() of an InputFile opened with hashing: false") }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// SHA-256 on a serial queue of its own, fed in order; remembers the pending work on each of the two buffers.
///
/// Thread safety: `state` is touched only by the queue's work items, and read by `finalize()` only
/// through `queue.sync`, after them; `pending` is touched only by the owning ``InputFile``'s thread.
/// A buffer is written only after `waitUntilFree(_:)` saw its hashing finish. Hence `@unchecked`.
private final class BackgroundHasher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "hallrate.input-sha256", qos: .userInitiated)
    private var state = SHA256()
    private var pending: [DispatchWorkItem?] = [nil, nil]

    /// A chunk handed to the queue; its memory stays untouched until the work item is done.
    private struct Chunk: @unchecked Sendable { let bytes: UnsafeRawBufferPointer }

    func hash(_ bytes: UnsafeRawBufferPointer, buffer: Int) {
        let chunk = Chunk(bytes: bytes)
        let item = DispatchWorkItem { [self] in state.update(bufferPointer: chunk.bytes) }
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
        pending = [nil, nil]
    }

    func finalize() -> SHA256.Digest {
        waitForAll()
        return queue.sync { state.finalize() }
    }
}
