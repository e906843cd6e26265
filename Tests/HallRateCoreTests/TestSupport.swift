import Foundation
@testable import HallRateCore

/// Helpers shared by the core tests: fixtures, temporary files, parsing a file into strings.
enum TestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A new empty temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to a new temporary file and returns its path.
    static func file(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func file(_ text: String, name: String = "input.csv") throws -> String {
        try file(Array(text.utf8), name: name)
    }

    /// Reads a CSV file with the real reader: the header, the records with their lines, and the summary.
    static func read(_ path: String, layout: CSVFileReader.Layout = .init(), chunkSize: Int = 1 << 16,
                     limits: CSVParser.Limits = .init()) throws -> (header: [String], records: [(line: Int, fields: [String])], summary: CSVFileReader.Summary) {
        var reader = CSVFileReader(path: path, layout: layout)
        reader.chunkSize = chunkSize
        reader.limits = limits
        var header: [String] = []
        var records: [(Int, [String])] = []
        let summary = try reader.read(header: { header = $0 }, record: { records.append(($0.line, $0.strings)) })
        return (header, records, summary)
    }
}
