import Foundation
import Testing

/// What a run publishes, as the supervision office receives it (contract v2 rules 13 and 14): a
/// missing source stops the run before anything is written; an open month is marked provisional and
/// becomes final on a later run; a corrected month's report is rewritten with its CSVs.
@Suite struct PublicationTests {
    let folder: URL
    var output: URL { folder.appendingPathComponent("Output/pipeline") }

    init() throws {
        folder = try HallRateProcess.fixture("handmade")
    }

    func run(_ arguments: [String]) throws -> HallRateProcess.Result {
        try HallRateProcess.run(arguments, in: folder)
    }

    /// Rows of an output CSV as column → value maps.
    func records(_ name: String) throws -> [[String: String]] {
        let rows = try HallRateProcess.rows(of: output.appendingPathComponent(name))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Adds an export with June 2019 rows of the three ranked town centres, dated the 1st to the 3rd.
    func addJuneExport() throws {
        var lines = ["编号,大厅,渠道,受理时间,状态,更新时间,证件号"]
        for (hall, online) in [("520502001000", 1), ("520502002000", 3), ("520502003000", 4)] {
            for i in 1...4 {
                lines.append("J-\(hall)-\(i),\(hall),\(i <= online ? "网上" : "窗口"),2019-06-0\(min(i, 3)) 10:00:00,办结,,")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("Input/exports/c.csv"),
            atomically: true, encoding: .utf8)
    }

    @Test func aSourceMatchingNoFileStopsTheRunBeforeAnythingIsWritten() throws {
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("Input/exports"),
            to: folder.appendingPathComponent("Input/moved-away"))
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("source 'exports' matches no file (glob Input/exports/*.csv)"))
        #expect(result.standardError.contains("pipeline.yml:"))  // located at the glob's line
        // Nothing published, no store: at most the run lock (taken before the pipeline is looked at).
        let left = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        #expect(left.filter { $0 != ".hallrate.lock" } == [], "nothing may be written")
        let check = try run(["check", "pipeline.yml"])
        #expect(check.status == 2)
        #expect(check.standardError.contains("source 'exports' matches no file"))
    }

    @Test func anOptionalSourceMayMatchNothing() throws {
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        var text = try String(contentsOf: pipeline, encoding: .utf8)
        text += """
              - name: late
                optional: true
                glob: Input/late/*.csv
                columns: {txn_id: 编号, hall_code: 大厅, channel: 渠道, accepted_at: 受理时间, status: 状态}
                values: {channel: {窗口: window}, status: {办结: completed}}
                date_formats: [iso8601]

            """
        // Sources are the last list of the fixture's file but for `output:`; put the new one before it.
        text = text.replacingOccurrences(of: "output: {language: en}\n", with: "")
        try (text + "output: {language: en}\n").write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("optional source matches no file"))
        #expect(try run(["check", "pipeline.yml"]).status == 0)
    }

    @Test func anOpenMonthIsProvisionalUntilItClosesOnALaterRun() throws {
        try addJuneExport()
        // The nightly run of 2019-06-05: May has just closed; June holds three days of data.
        let early = try run(["run", "pipeline.yml", "--as-of", "2019-06-05"])
        #expect(early.status == 0, "\(early.standardError)")
        #expect(early.standardOutput.contains("months: 2018-04 to 2019-06 (closed through 2019-05; provisional: 2019-06 as of 2019-06-05)"))
        let june = try records("hall_months.csv").filter { $0["period"] == "2019-06" }
        #expect(june.count == 3)
        #expect(june.allSatisfy { $0["provisional"] == "yes" && $0["data_cutoff"] == "2019-06-03" })
        #expect(june.allSatisfy { !($0["flags"] ?? "").contains("declining") })
        #expect(try records("hall_months.csv").filter { $0["period"] == "2019-05" }.allSatisfy { $0["provisional"] == "no" })
        let summary = try #require(try records("tier_summary.csv").first { $0["period"] == "2019-06" && $0["tier"] == "township" })
        #expect(summary["provisional"] == "yes")
        #expect(summary["data_cutoff"] == "2019-06-03")
        #expect(try records("red_black_lists.csv").allSatisfy { $0["period"] != "2019-06" })
        #expect(try records("league/2019-06_township.csv").allSatisfy { $0["provisional"] == "yes" })
        // The 通报 is May's, the latest closed month; June gets its own early-warning report.
        for name in ["report_2019-05.html", "report_2019-05.xlsx", "report_2019-06.html", "report_2019-06.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)")
        }
        let provisionalPage = try String(contentsOf: output.appendingPathComponent("report_2019-06.html"), encoding: .utf8)

        // The run of 2019-07-05: June is closed; the same data becomes final and listed.
        let later = try run(["run", "pipeline.yml", "--as-of", "2019-07-05"])
        #expect(later.status == 0, "\(later.standardError)")
        #expect(
            try records("hall_months.csv").filter { $0["period"] == "2019-06" }
                .allSatisfy { $0["provisional"] == "no" && $0["data_cutoff"] == "" })
        let lists = try records("red_black_lists.csv").filter { $0["period"] == "2019-06" }
        #expect(lists.map { [$0["list"] ?? "", $0["hall_code"] ?? ""] } == [["red", "520502003000"], ["black", "520502001000"]])
        let finalPage = try String(contentsOf: output.appendingPathComponent("report_2019-06.html"), encoding: .utf8)
        #expect(finalPage != provisionalPage, "the June report must be rewritten once June closes")
    }

    @Test func aCorrectedMonthsReportIsRewrittenWithItsCSVs() throws {
        #expect(try run(["run", "pipeline.yml", "--quiet"]).status == 0)
        #expect(try run(["report", "pipeline.yml", "--period", "2019-03", "--quiet"]).status == 0)
        let march = output.appendingPathComponent("report_2019-03.html")
        let before = try Data(contentsOf: march)
        // A correction of March arrives: 市西's window cases were online after all.
        let export = folder.appendingPathComponent("Input/exports/a.csv")
        let text = try String(contentsOf: export, encoding: .utf8)
        try text.replacingOccurrences(of: "T1-1903-3,520502001000,窗口", with: "T1-1903-3,520502001000,网上")
            .write(to: export, atomically: true, encoding: .utf8)
        #expect(try run(["run", "pipeline.yml", "--quiet"]).status == 0)
        let corrected = try Data(contentsOf: march)
        #expect(corrected != before)
        #expect(try records("league/2019-03_township.csv").first { $0["hall_code"] == "520502001000" }?["ratio"] == "0.7500")
        // The rewritten report is exactly what a fresh `report` of March writes now.
        try FileManager.default.removeItem(at: march)
        #expect(try run(["report", "pipeline.yml", "--period", "2019-03", "--quiet"]).status == 0)
        #expect(try Data(contentsOf: march) == corrected)
    }

    @Test func reportsOfMonthsNoLongerInTheDataAreRemovedAndOtherFilesKept() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let stale = output.appendingPathComponent("report_2017-01.html")
        let mine = output.appendingPathComponent("report_2017-01 notes.html")
        try Data("old".utf8).write(to: stale)
        try Data("mine".utf8).write(to: mine)
        #expect(try run(["run", "pipeline.yml", "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }
}
