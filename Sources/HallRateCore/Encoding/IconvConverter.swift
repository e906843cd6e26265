#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts a byte stream between encodings with the C library's `iconv`, chunk by chunk.
///
/// Owns one `iconv_t`; a character split across two chunks is carried to the next call.
final class IconvConverter {
    /// A conversion stopped at a byte that is not valid in the source encoding.
    struct InvalidInput: Error {
        /// Offset of the first bad byte from the start of the stream.
        let offset: Int
    }

    private let handle: iconv_t
    private var carry: [UInt8] = []
    private var output: [UInt8] = []
    private var consumed = 0

    /// - Throws: ``HallRateError`` when this system's iconv does not know either encoding.
    init(from source: String, to target: String) throws(HallRateError) {
        let handle = iconv_open(target, source)
        guard let handle, handle != iconv_t(bitPattern: -1) else {
            throw HallRateError(.io, "iconv cannot convert from \(source) to \(target) on this system")
        }
        self.handle = handle
    }

    deinit { iconv_close(handle) }

    /// Converts `input` (plus any carried partial character) and hands the converted bytes to `body`.
    /// - Parameter isLast: true for the final chunk: a partial character left then is an error.
    /// - Throws: ``InvalidInput`` at the first byte that cannot be decoded.
    func convert<R>(
        _ input: UnsafeRawBufferPointer, isLast: Bool,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        var source = carry
        source.append(contentsOf: input)
        let carriedBefore = carry.count
        carry.removeAll(keepingCapacity: true)
        let capacity = source.count * 4 + 16
        if output.count < capacity { output = [UInt8](repeating: 0, count: capacity) }
        var produced = 0
        var leftover = 0
        var failure: Int?
        source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPointer = src.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = src.count
                var outPointer = dst.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = dst.count
                let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                produced = dst.count - outLeft
                if result == -1 {
                    switch errno {
                    case EINVAL: leftover = inLeft  // incomplete character at the end
                    default: failure = src.count - inLeft
                    }
                }
            }
        }
        if let failure {
            throw InvalidInput(offset: consumed - carriedBefore + failure)
        }
        if leftover > 0 {
            if isLast { throw InvalidInput(offset: consumed - carriedBefore + source.count - leftover) }
            carry.append(contentsOf: source[(source.count - leftover)...])
        }
        consumed += input.count
        return try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
    }

    /// Converts a whole buffer at once (for small outputs).
    static func convert(_ bytes: [UInt8], from source: String, to target: String) throws -> [UInt8] {
        let converter = try IconvConverter(from: source, to: target)
        return try bytes.withUnsafeBytes { try converter.convert($0, isLast: true) { Array($0) } }
    }
}
