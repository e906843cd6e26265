import Foundation
import Testing

/// Hostile or damaged inputs found by an adversarial review (issue 16): each ends in a clear error or
/// a located reject, never in silently lost data. Every test here failed before its fix.
@Suite struct HardeningTests {
    let folder: URL

    init() throws {
        folder = try HallRateProcess.fixture("handmade")
    }

    func run(_ arguments: [String]) throws -> HallRateProcess.Result {
        try HallRateProcess.run(arguments, in: folder)
    }

    /// Replaces `old` by `new` in the fixture file at `path`.
    func edit(_ path: String, _ old: String, _ new: String) throws {
        let file = folder.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(path) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// H3: an unclosed quote in the registry used to swallow every hall after it, `check` passing and
    /// their rows turning into unknown_hall rejects.
    @Test(arguments: ["check", "run"])
    func aRegistryWithAnUnclosedQuoteIsRefusedAtItsLine(command: String) throws {
        try edit("Input/halls.csv", "520502001201,碧海社区便民服务站", "520502001201,\"碧海社区便民服务站")
        let result = try run([command, "pipeline.yml"])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("Input/halls.csv:7:"), "\(result.standardError)")
        #expect(result.standardError.contains("never closed"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/pipeline/hall_months.csv").path))
    }

    @Test func aRegistryValueSpanningLinesIsRefused() throws {
        // The quote opened on line 4 closes at the next quote, on line 6: two halls would vanish into a name.
        try edit("Input/halls.csv", "520502002000,市东街道政务服务中心", "520502002000,\"市东街道政务服务中心")
        let result = try run(["check", "pipeline.yml"])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("Input/halls.csv:4:2: error: a value of this row spans several lines"),
                "\(result.standardError)")
    }
}
