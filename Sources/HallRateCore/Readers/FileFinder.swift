#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the input files of a source: the C library's `glob(3)` (`*`, `?`, `[...]`), regular files only,
/// in sorted path order.
enum FileFinder {
    /// A file a glob matched.
    struct Match: Equatable {
        /// The path; for a name that is not UTF-8, the path with each byte outside printable ASCII
        /// written `\xHH` (such a path cannot be opened: the file is refused by name).
        let path: String
        /// False when the path's bytes are not valid UTF-8 (a GBK name saved by Windows or a zip).
        let isUTF8: Bool
    }

    /// - Returns: matching regular files (and every match whose name is not UTF-8, whatever it is,
    ///   since it cannot be looked at by name), sorted by path (byte order).
    static func files(matching pattern: String) -> [Match] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var matches: [Match] = []
        for i in 0..<Int(result.gl_pathc) {
            guard let cString = result.gl_pathv[i] else { continue }
            var info = stat()
            guard stat(cString, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
            if let path = String(validating: bytes, as: UTF8.self) {
                matches.append(Match(path: path, isUTF8: true))
            } else {
                matches.append(Match(path: escaped(bytes), isUTF8: false))
            }
        }
        return matches.sorted { PathOrder.precedes($0.path, $1.path) }
    }

    /// The bytes as ASCII text, every byte outside printable ASCII written `\xHH` (for a name that is not
    /// UTF-8, whose other bytes would only be read as the wrong characters).
    static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = ""
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return text
    }
}
