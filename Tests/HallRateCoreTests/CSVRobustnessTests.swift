import Foundation
import Testing

@testable import HallRateCore

/// Hostile and random input: the reader never crashes, and what it reads does not depend on where
/// the chunks happen to be cut.
@Suite struct CSVRobustnessTests {
    typealias Random = SplitMix64

    @Test func randomInputsReadTheSameAtEveryChunkSize() throws {
        var random = Random(state: 2019)
        let alphabet = ["a", "1", ",", ",", "\"", "\"", "\r", "\n", "\n", "\r\n", " ", "网", "\u{3000}", "\t", "="]
        for round in 0..<300 {
            let length = Int(random.next() % 200)
            let text = (0..<length).map { _ in random.pick(alphabet) }.joined()
            let path = try TestSupport.file(text)
            let whole = try TestSupport.read(path)
            for chunk in [1, 2, 5] {
                let cut = try TestSupport.read(path, chunkSize: chunk)
                #expect(cut.header == whole.header, "round \(round)")
                #expect(cut.records.map(\.fields) == whole.records.map(\.fields), "round \(round): \(text.debugDescription)")
                #expect(cut.records.map(\.line) == whole.records.map(\.line), "round \(round)")
                #expect(cut.summary.unterminatedQuoteLine == whole.summary.unterminatedQuoteLine, "round \(round)")
            }
        }
    }

    @Test func randomBytesNeverCrashTheReader() throws {
        var random = Random(state: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for encoding in TextEncoding.allCases {
                do {
                    _ = try TestSupport.read(try TestSupport.file(bytes), layout: .init(encoding: encoding))
                } catch let error as HallRateError {
                    #expect(error.code == .fileRefused, "\(error)")
                }
            }
        }
    }
}
