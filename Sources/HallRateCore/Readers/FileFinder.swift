#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the input files of a source: the C library's `glob(3)` (`*`, `?`, `[...]`), regular files only,
/// in sorted path order.
enum FileFinder {
    /// - Returns: matching regular files, sorted by path (byte order).
    static func files(matching pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            guard let cString = result.gl_pathv[i] else { continue }
            let path = String(cString: cString)
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { paths.append(path) }
        }
        return paths.sorted(by: PathOrder.precedes)
    }
}
