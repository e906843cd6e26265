import SystemPackage

extension FileDescriptor {
    /// Reads into `buffer` until it is full or the file ends, retrying after interruptions (the loop
    /// every reader of a descriptor needs: a read may return fewer bytes than asked).
    /// - Returns: the bytes read; fewer than `buffer.count` only at the end of the file.
    /// - Throws: `Errno` when a read fails.
    func fill(_ buffer: UnsafeMutableRawBufferPointer, fromAbsoluteOffset offset: Int64? = nil) throws(Errno) -> Int {
        var filled = 0
        while filled < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
            let count: Int
            do {
                count = try offset.map { try read(fromAbsoluteOffset: $0 + Int64(filled), into: rest) } ?? read(into: rest)
            } catch let error as Errno {
                throw error
            } catch {
                throw Errno.ioError
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
