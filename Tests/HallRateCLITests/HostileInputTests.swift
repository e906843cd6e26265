import Foundation
import Testing

/// Whatever lands in Input/, a run finishes, accounts for every row, and exits 0.
@Suite struct HostileInputTests {
    @Test func randomFilesNeverCrashARunAndAlwaysReconcile() throws {
        let folder = try HallRateProcess.fixture("handmade")
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let header = "编号,大厅,渠道,受理时间,状态,更新时间,证件号\n"
        let pieces = [
            "T-1", "520502001000", "网上", "窗口", "2019-04-10 09:00:00", "2019-02-30 09:00:00", "办结", "撤件",
            ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", "\u{3000}", "=cmd|' /C calc'!A0", "520502198803150012", "\t", "",
        ]
        for index in 0..<30 {
            var bytes: [UInt8]
            switch index % 3 {
            case 0:  // random CSV-ish text under a valid header
                bytes = Array((header + (0..<(next() % 400)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()).utf8)
            case 1:  // random bytes
                bytes = (0..<(next() % 2000)).map { _ in UInt8(truncatingIfNeeded: next()) }
            default:  // a valid header, then a cut multi-byte character and an open quote
                bytes = Array((header + "T-\(index),520502001000,网上,2019-04-10 09:00:00,办结,,\n\"open").utf8) + [0xE7, 0xBD]
            }
            try Data(bytes).write(to: folder.appendingPathComponent("Input/exports/z\(index).csv"))
        }
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--no-html"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("(reconciled)"))
        let rejects = try String(contentsOf: folder.appendingPathComponent("Output/pipeline/rejects.csv"), encoding: .utf8)
        #expect(!rejects.contains("520502198803150012"))
    }
}
