/// Detection of `encoding: auto`, which reads the file: it lives with the readers, so that the encodings
/// themselves (``TextEncoding``, iconv, UTF-8 validation) depend on no reader.
extension TextEncoding {
    /// Decides the encoding of the file at `path` for `auto`; returns any other encoding unchanged.
    /// - Complexity: O(n) for `auto` without a byte-order mark (one pass checking UTF-8 validity).
    func resolved(forFileAt path: String) throws -> TextEncoding {
        guard self == .auto else { return self }
        let file = try InputFile(path: path, hashing: false)  // the reader hashes it when it reads it
        var validator = UTF8Validator()
        var first = true
        var decided: TextEncoding?
        while decided == nil {
            let more = try file.nextChunk { chunk -> Bool in
                if first {
                    first = false
                    if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
                        decided = .utf16
                        return false
                    }
                }
                if validator.validate(chunk) != nil { decided = .gb18030 }
                return !chunk.isEmpty
            }
            if !more { break }
        }
        return decided ?? (validator.isComplete ? .utf8 : .gb18030)
    }
}
