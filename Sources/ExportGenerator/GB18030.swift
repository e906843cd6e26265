import Glibc

/// UTF-8 → GB18030 conversion through glibc's iconv, for the village exports.
enum GB18030 {
    static func encode(_ utf8: [UInt8]) throws -> [UInt8] {
        guard !utf8.isEmpty else { return [] }
        let descriptor = iconv_open("GB18030", "UTF-8")
        guard let descriptor, Int(bitPattern: descriptor) != -1 else {
            throw GeneratorError("iconv cannot convert UTF-8 to GB18030 on this system")
        }
        defer { iconv_close(descriptor) }
        var input = utf8.map { CChar(bitPattern: $0) }
        // A GB18030 character never takes more than twice the bytes of its UTF-8 form.
        var output = [CChar](repeating: 0, count: utf8.count * 2 + 16)
        let (status, unread, produced) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                return (status, inLeft, outBuffer.count - outLeft)
            }
        }
        guard status != -1, unread == 0 else {
            throw GeneratorError("iconv stopped with \(unread) bytes unconverted: \(String(cString: strerror(errno)))")
        }
        return output[0..<produced].map { UInt8(bitPattern: $0) }
    }
}
