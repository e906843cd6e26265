import Foundation
import Glibc

/// Writes bytes to one file through C stdio; callers batch their bytes into large chunks.
final class FileWriter {
    private var file: UnsafeMutablePointer<FILE>?
    private let path: String
    private(set) var bytesWritten: Int64 = 0

    /// Creates (or truncates) `path`, creating missing parent directories first.
    init(path: String) throws {
        self.path = path
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw GeneratorError("cannot create directory \(parent): \(error.localizedDescription)")
            }
        }
        guard let handle = fopen(path, "wb") else {
            throw GeneratorError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        file = handle
    }

    deinit {
        if let file { fclose(file) }
    }

    func write(_ bytes: [UInt8]) throws {
        guard let file else { throw GeneratorError("\(path) is already closed") }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else {
            throw GeneratorError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        bytesWritten += Int64(written)
    }

    func close() throws {
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0 else {
            throw GeneratorError("cannot close \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes a whole small file in one go.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let writer = try FileWriter(path: path)
        try writer.write(bytes)
        try writer.close()
    }
}
