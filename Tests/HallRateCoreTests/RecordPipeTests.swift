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

    /// Copied record by record, and handed over in the parser's own batches (as the runner reads CSV).
    @Test(arguments: [false, true])
    func recordsArriveInOrderWithTheirLinesAcrossManyBatches(wholeBatches: Bool) throws {
        let path = try csv(lines: 10_000)
        let reader = CSVFileReader(path: path, layout: .init())
        var header: [String] = []
        var seen: [(String, Int)] = []
        let summary = try RecordPipe { pipe in
            wholeBatches
                ? try reader.read(header: pipe.header(_:), record: pipe.record(_:), batchRecords: 2048, batch: pipe.take(_:))
                : try reader.read(header: pipe.header(_:), record: pipe.record(_:))
        }
        .drain(header: { header = $0 }, record: { seen.append(($0.string(0), $0.line)) })
        #expect(header == ["id", "b", "c"])
        #expect(seen.count == 10_000)
        #expect(seen.enumerated().allSatisfy { $0.element.0 == "T\($0.offset)" && $0.element.1 == $0.offset + 2 })
        #expect(summary.bytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
    }

    /// Batches handed over while a record is unfinished (a quoted field over several lines and
    /// chunks, tiny chunks and batches): the records, fields and lines are those read one by one.
    @Test func wholeBatchesCarryUnfinishedRecordsOver() throws {
        let rows = (0..<400).map { i in
            i % 3 == 0
                ? "T\(i),\"line one\nline \"\"two\"\",\n\(i)\",z"
                : "T\(i),\(String(repeating: "b", count: i % 17)),\(i % 5 == 0 ? "" : "c")"
        }
        let path = try TestSupport.file(Array(("id,b,c\r\n" + rows.joined(separator: "\r\n") + "\r\n").utf8))
        var reader = CSVFileReader(path: path, layout: .init())
        var expected: [[String]] = []
        _ = try reader.read(header: { _ in }, record: { expected.append($0.strings + ["\($0.line)"]) })
        for (chunk, batch) in [(7, 3), (64, 1), (1, 50), (1 << 16, 2048)] {
            reader.chunkSize = chunk
            var seen: [[String]] = []
            var batches = 0
            _ = try reader.read(
                header: { _ in }, record: { seen.append($0.strings + ["\($0.line)"]) }, batchRecords: batch,
                batch: { full in
                    batches += 1
                    full.forEach { seen.append($0.strings + ["\($0.line)"]) }
                    full = RecordBatch()
                })
            #expect(seen == expected, "chunks of \(chunk), batches of \(batch)")
            // Records of the header's chunk go one by one; with one big chunk, that is all of them.
            #expect((batches > 0) == (chunk < 1 << 16))
        }
        #expect(expected.count == 400)
    }

    @Test func aFailureOfTheConsumerStopsTheReader() throws {
        let path = try csv(lines: 100_000)
        let reader = CSVFileReader(path: path, layout: .init())
        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            try RecordPipe { pipe in try reader.read(header: pipe.header(_:), record: pipe.record(_:)) }
                .drain(
                    header: { _ in },
                    record: { _ in
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
