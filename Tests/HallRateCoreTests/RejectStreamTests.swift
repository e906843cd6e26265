import Foundation
import Testing

@testable import HallRateCore

/// `rejects.csv` is streamed from the store (M7, issue 16: holding every reject made memory grow with
/// their number, 624 MB for 800k): the streamed file must be byte for byte what the whole table in
/// memory gives, across batch boundaries and in every output encoding.
@Suite struct RejectStreamTests {
    @Test(arguments: [(0, Pipeline.Output.Encoding.utf8BOM), (4095, .utf8), (4096, .gb18030), (10_001, .utf8BOM)])
    func theStreamedRejectsFileIsWhatTheTableInMemoryGives(count: Int, encoding: Pipeline.Output.Encoding) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("hallrate.sqlite").path)
        for path in ["b.csv", "a.csv"] {
            _ = try store.replaceFile(path, hallCodes: []) { sink in
                for i in 0..<(count / 2) {
                    try sink.add(
                        Reject(
                            file: path, line: i + 2, reason: i % 3 == 0 ? .badDate : .unknownHall,
                            detail: "第 \(i) 行, \"quoted\"", raw: "x,=1+\(i),甲"))
                }
                return .stored(
                    LedgerEntry(
                        path: path, source: "s", size: 0, modified: 0, sha256: "", fingerprint: "", status: .ok,
                        encoding: nil, note: nil, rowsRead: count / 2, rejected: count / 2, ingestedAt: ""), ()
                )
            }
        }
        let extra = [Reject(file: "gone.csv", line: 0, reason: .unknownHall, detail: "no longer in the registry", raw: "")]
        let output = Pipeline.Output(folder: folder.path, store: "", storeIsNamed: false, language: .zh, encoding: encoding)
        let writer = ReportWriter(folder: folder.path, output: output)
        let path = folder.appendingPathComponent("rejects.csv").path
        try writer.writeRejects(from: store, extra: extra, to: path)
        let expected = try writer.rejects(try store.rejects() + extra).bytes(encoding)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
        #expect(try store.rejects().map(\.file).first == (count > 1 ? "a.csv" : nil))  // path order
        let tally = RejectTally(counts: try store.rejectCounts(), extra: extra)
        #expect(tally.byReason.values.reduce(0, +) == 2 * (count / 2) + 1)
        // Unchanged: the file is left alone (same inode), as every other output.
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try writer.writeRejects(from: store, extra: extra, to: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
    }
}
