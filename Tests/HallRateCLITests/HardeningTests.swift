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

    /// H4: one row dated 2109 used to become "the latest month", with a report for 2109-11 and thousands
    /// of empty league tables.
    @Test func anAbsurdDateIsABadDateNotTheLatestMonth() throws {
        let export = folder.appendingPathComponent("Input/exports/a.csv")
        var text = try String(contentsOf: export, encoding: .utf8)
        text += "FUTURE-1,520502001000,网上,2109-11-05 10:00:00,办结,,\nPAST-1,520502001000,网上,1999-12-31 23:59:59,办结,,\n"
        try text.write(to: export, atomically: true, encoding: .utf8)
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("months: 2018-04 to 2019-05"), "\(result.standardOutput)")
        let output = folder.appendingPathComponent("Output/pipeline")
        let rejects = try HallRateProcess.rows(of: output.appendingPathComponent("rejects.csv"))
        let dates = rejects.filter { $0.count > 3 && $0[2] == "bad_date" && $0[3].contains("outside the plausible dates") }
        #expect(dates.count == 2, "\(rejects)")
        #expect(dates.first?[3].contains("'2109-11-05 10:00:00' is outside the plausible dates 2000-01-01 to ") == true)
        let leagues = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("league").path)
        #expect(leagues.allSatisfy { $0.hasPrefix("2018-") || $0.hasPrefix("2019-") }, "\(leagues.count) league files")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("report_2109-11.html").path))
    }

    @Test func theEarliestPlausibleMonthIsASetting() throws {
        try edit("pipeline.yml", "list_size: 1", "list_size: 1\nearliest_month: 2019-01")
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("months: 2019-01 to 2019-05"), "\(result.standardOutput)")
        try edit("pipeline.yml", "earliest_month: 2019-01", "earliest_month: 2019-1")
        let bad = try run(["check", "pipeline.yml"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("(key earliest_month)"), "\(bad.standardError)")
    }
}
