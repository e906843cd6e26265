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
    static func read(
        _ path: String, layout: CSVFileReader.Layout = .init(), chunkSize: Int = 1 << 16,
        limits: CSVParser.Limits = .init()
    ) throws -> (header: [String], records: [(line: Int, fields: [String])], summary: CSVFileReader.Summary) {
        var reader = CSVFileReader(path: path, layout: layout)
        reader.chunkSize = chunkSize
        reader.limits = limits
        var header: [String] = []
        var records: [(Int, [String])] = []
        let summary = try reader.read(header: { header = $0 }, record: { records.append(($0.line, $0.strings)) })
        return (header, records, summary)
    }
}

extension TestSupport {
    /// Counts from (hall code, "YYYY-MM", online, window) tuples: online rows completed, window rows in progress.
    static func counts(_ rows: [(String, String, Int, Int)], registry: HallRegistry) throws -> [HallPeriod: ChannelStatusCounts] {
        var counts: [HallPeriod: ChannelStatusCounts] = [:]
        for (code, month, online, window) in rows {
            guard let hall = registry.index(ofCode: code), let period = Period(month) else {
                throw HallRateError(.usage, "no hall \(code) or month \(month) in the test's rows")
            }
            let key = HallPeriod(hall: hall, period: period)
            counts[key, default: ChannelStatusCounts()].add(.online, .completed, count: online)
            counts[key, default: ChannelStatusCounts()].add(.window, .inProgress, count: window)
        }
        return counts
    }
}

/// The tests' one deterministic generator (SplitMix64), so a failure can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(state: UInt64) { self.state = state }
    init(seed: UInt64) { self.init(state: seed) }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One of `items`, uniformly enough for tests.
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}
