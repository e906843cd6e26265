import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that a reader never sees half of it: a temporary file in the same folder,
/// `fsync`, then `rename` over the target. A file that already holds the same bytes is left alone
/// (a nightly run changes few of the monthly tables, and each `fsync` costs milliseconds), and many
/// files share one folder `fsync` (``stage(_:to:)`` then ``commit(_:)``).
enum AtomicFile {
    /// Replaces `path` with `bytes`, unless it already holds exactly them.
    /// - Throws: ``HallRateError`` `.output` naming the file and the system's reason; the previous file is left intact.
    static func write(_ bytes: [UInt8], to path: String) throws(HallRateError) {
        if let staged = try stage(bytes, to: path) { try commit([staged]) }
    }

    /// A file written next to its target, not yet durable nor in place.
    struct Staged {
        let temporary: String
        let path: String
    }

    /// Writes `bytes` to a temporary file next to `path`; nil when `path` already holds exactly them.
    /// - Throws: ``HallRateError`` `.output`; nothing is left behind.
    static func stage(_ bytes: [UInt8], to path: String) throws(HallRateError) -> Staged? {
        try stage(bytes[...], to: path)
    }

    /// ``stage(_:to:)`` for part of a buffer (a table without its byte order mark), without copying it.
    static func stage(_ bytes: ArraySlice<UInt8>, to path: String) throws(HallRateError) -> Staged? {
        if holds(bytes, path) { return nil }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", temporary) }
        defer { close(descriptor) }
        do {
            try writeAll(bytes, to: descriptor, path: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        return Staged(temporary: temporary, path: path)
    }

    /// Writes all of `bytes` to `descriptor`, retrying after interruptions.
    /// - Throws: ``HallRateError`` `.output` naming `path`.
    static func writeAll(_ bytes: some Sequence<UInt8>, to descriptor: Int32, path: String) throws(HallRateError) {
        do {
            _ = try FileDescriptor(rawValue: descriptor).writeAll(bytes)
        } catch {
            throw HallRateError(.output, "cannot write: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Puts staged files in place: makes their bytes durable (an `fsync` each), renames each over its
    /// target, then makes the renames durable (an `fsync` of each folder, once, not once per file).
    /// - Throws: ``HallRateError`` `.output`; the temporary files not yet renamed are removed.
    static func commit(_ staged: [Staged]) throws(HallRateError) {
        var renamed = 0
        defer { for file in staged[renamed...] { unlink(file.temporary) } }
        for file in staged {
            let descriptor = open(file.temporary, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0, fsync(descriptor) == 0 else {
                let error = failure("cannot flush", file.temporary)
                if descriptor >= 0 { close(descriptor) }
                throw error
            }
            close(descriptor)
        }
        for file in staged {
            guard rename(file.temporary, file.path) == 0 else { throw failure("cannot rename into place", file.path) }
            renamed += 1
        }
        var folders: [String] = []
        for file in staged {
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? "."
            if !folders.contains(folder) { folders.append(folder) }
        }
        for folder in folders {
            let directory = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory >= 0 {
                _ = fsync(directory)
                close(directory)
            }
        }
    }

    /// Removes staged files that will not be committed.
    static func discard(_ staged: [Staged]) {
        for file in staged { unlink(file.temporary) }
    }

    /// True when the file at `path` exists and its content is `bytes`; read a mebibyte at a time (a
    /// province's long table is hundreds of megabytes: a copy of it would be as much fresh memory).
    private static func holds(_ bytes: ArraySlice<UInt8>, _ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let file = FileDescriptor(rawValue: descriptor)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        return bytes.withUnsafeBytes { mine in
            var offset = 0
            while offset < mine.count {
                let part = UnsafeMutableRawBufferPointer(rebasing: chunk[..<min(chunk.count, mine.count - offset)])
                guard let filled = try? file.fill(part), filled == part.count,
                    let theirs = part.baseAddress, let ours = mine.baseAddress, memcmp(ours + offset, theirs, filled) == 0
                else { return false }
                offset += filled
            }
            // And nothing more: the file may have grown since stat.
            let probe = UnsafeMutableRawBufferPointer(rebasing: chunk[..<1])
            return (try? file.fill(probe)) == 0
        }
    }

    /// Creates `path` and its parents when missing.
    static func makeDirectory(_ path: String) throws(HallRateError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw failure("cannot create folder", current)
            }
        }
    }

    private static func failure(_ what: String, _ path: String) -> HallRateError {
        HallRateError(.output, "\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }
}

extension AtomicFile {
    /// Removes the temporary files a killed run left in `folder`: `<name>.tmp-<pid>` where `<name>` is
    /// one of ours (`isOutput`). Files of other names, `.tmp-` or not, are never touched.
    static func removeTemporaryFiles(in folder: String, of isOutput: (String) -> Bool) {
        removeFiles(in: folder) { name in
            guard let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
            let pid = name[marker.upperBound...]
            return !pid.isEmpty && pid.allSatisfy(\.isASCIIDigit) && isOutput(String(name[..<marker.lowerBound]))
        }
    }

    /// Removes the files of `folder` whose names `shouldRemove` accepts.
    static func removeFiles(in folder: String, where shouldRemove: (String) -> Bool) {
        for name in fileNames(in: folder) where shouldRemove(name) { remove(folder + "/" + name) }
    }

    /// The names in `folder` (none when it cannot be read), without `.` and `..`.
    static func fileNames(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes one file; a file already gone is not an error.
    static func remove(_ path: String) { unlink(path) }
}
