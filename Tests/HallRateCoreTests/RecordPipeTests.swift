import Foundation
import Testing

@testable import HallRateCore

/// The reader thread hands its records over in order; a failure on either side stops both without a hang.
struct RecordPipeTests {
    /// Reads `lines` of a real CSV file through the pipe.
    func csv(lines: Int) throws -> String {
        let body = (0..<lines).map { "T\($0),\"a,\($0)\",\(String(repeating: "x", count: $0 % 50))" }.joined(separator: "\n")
        return try TestSupport.file(Array(("id,b,c\n" + body + "\n").utf8))
    }

    @Test func recordsArriveInOrderWithTheirLinesAcrossManyBatches() throws {
        let path = try csv(lines: 10_000)
        let reader = CSVFileReader(path: path, layout: .init())
        var header: [String] = []
        var seen: [(String, Int)] = []
        let summary = try RecordPipe { pipe in try reader.read(header: pipe.header(_:), record: pipe.record(_:)) }
            .drain(header: { header = $0 }, record: { seen.append(($0.string(0), $0.line)) })
        #expect(header == ["id", "b", "c"])
        #expect(seen.count == 10_000)
        #expect(seen.enumerated().allSatisfy { $0.element.0 == "T\($0.offset)" && $0.element.1 == $0.offset + 2 })
        #expect(summary.bytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
    }

    @Test func aFailureOfTheConsumerStopsTheReader() throws {
        let path = try csv(lines: 100_000)
        let reader = CSVFileReader(path: path, layout: .init())
        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            try RecordPipe { pipe in try reader.read(header: pipe.header(_:), record: pipe.record(_:)) }
                .drain(header: { _ in }, record: { _ in
                    count += 1
                    if count == 3000 { throw Stop() }
                })
        }
        #expect(count == 3000)
    }

    @Test func aFailureOfTheReaderReachesTheConsumerAfterTheRecordsBeforeIt() throws {
        // Bytes that are not UTF-8 after 5000 good lines: the file is refused, the records before were handed over.
        let good = (0..<5000).map { "T\($0),b,c" }.joined(separator: "\n")
        let path = try TestSupport.file(Array(("id,b,c\n" + good + "\n").utf8) + [0xFF, 0xFE, 0x0A])
        let reader = CSVFileReader(path: path, layout: .init())
        var count = 0
        let error = #expect(throws: HallRateError.self) {
            try RecordPipe { pipe in try reader.read(header: pipe.header(_:), record: pipe.record(_:)) }
                .drain(header: { _ in }, record: { _ in count += 1 })
        }
        #expect(error?.code == .fileRefused)
        #expect(count <= 5000)
    }
}
