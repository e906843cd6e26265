#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto

/// An input file read front to back in fixed-size chunks, hashed (SHA-256) on the way.
///
/// Owns the file descriptor; memory use is one chunk whatever the file's size.
final class InputFile {
    let path: String
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var hasher = SHA256()
    /// Bytes read so far.
    private(set) var size = 0

    /// Opens `path` for reading.
    /// - Throws: ``HallRateError`` `.io` naming the file and the system's reason.
    init(path: String, chunkSize: Int = 1 << 16) throws(HallRateError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw HallRateError(.io, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { close(descriptor) }

    /// Reads the next chunk, filling it unless the file ends; an empty chunk means the end.
    /// - Throws: ``HallRateError`` `.io` when `read(2)` fails.
    func nextChunk<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        var filled = 0
        let capacity = buffer.count
        while filled < capacity {
            let count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress.map { $0 + filled }, capacity - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw HallRateError(.io, "read failed: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            }
            if count == 0 { break }
            filled += count
        }
        size += filled
        return try buffer.withUnsafeBytes { raw in
            let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<filled])
            hasher.update(bufferPointer: chunk)
            return try body(chunk)
        }
    }

    /// The SHA-256 of everything read so far, in lowercase hex.
    func digest() -> String {
        hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
