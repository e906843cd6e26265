import Foundation
import Testing

/// Runs the built binary on the hand-made fixture (`Fixtures/handmade`) and checks the figures a
/// supervisor would read. Every expected number below was worked out by hand from the fixture rows:
/// 57 rows in two files; 3 rejects (unknown hall, 2019-02-30, a short row); DUP-1 read twice, the
/// copy with the later updated_at (read first) wins; one withdrawn row.
@Suite struct EndToEndTests {
    let folder: URL
    let result: HallRateProcess.Result
    let output: URL

    init() throws {
        folder = try HallRateProcess.fixture("handmade")
        result = try HallRateProcess.run(["run", "pipeline.yml"], in: folder)
        output = folder.appendingPathComponent("Output/pipeline")
    }

    func table(_ name: String) throws -> [[String]] {
        try HallRateProcess.rows(of: output.appendingPathComponent(name))
    }

    /// The long table's row for a hall and month, as a column → value map.
    func hallMonth(_ code: String, _ period: String) throws -> [String: String] {
        let rows = try table("hall_months.csv")
        let header = try #require(rows.first)
        let row = try #require(rows.first { $0.first == code && $0.count > 3 && $0[3] == period })
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }

    @Test func runSucceedsAndReconciles() throws {
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("rows read 57 = accepted 53 + rejected 3 + duplicates 1 (reconciled)"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json")))
        let object = try #require(manifest as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Int])
        #expect(totals == ["rows_read": 57, "accepted": 53, "rejected": 3, "duplicates": 1, "withdrawn": 1])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["Input/exports/a.csv", "Input/exports/b.csv"])
        #expect(files.map { $0["rows_read"] as? Int } == [32, 25])
        #expect(files.map { $0["duplicates"] as? Int } == [0, 1])
        #expect((files.first?["sha256"] as? String)?.count == 64)
        #expect((object["reconciliation"] as? [String: Any])?["holds"] as? Bool == true)
    }

    @Test func longTableHasTheContractColumnsAndHandWorkedFigures() throws {
        let header = try #require(try table("hall_months.csv").first)
        // The contract's v1 columns first, in their order; v2's after them.
        #expect(
            header == [
                "hall_code", "hall_name", "tier", "period", "total", "online", "ratio", "wilson_low", "prev_ratio",
                "delta_pp", "ratio_3m", "slope_pp", "yoy_delta_pp", "rank", "flags",
                "prev_rank", "rank_change", "target", "provisional", "data_cutoff", "township",
            ])
        // 市西街道: 4/4, 3/4, 2/4, 1/4 from January to April 2019, and 0/4 in April 2018.
        let april = try hallMonth("520502001000", "2019-04")
        #expect(april["total"] == "4")
        #expect(april["online"] == "1")
        #expect(april["ratio"] == "0.2500")
        #expect(april["wilson_low"] == "0.0456")  // (0.25 + z²/8 − z·√(0.1875/4 + z²/64)) / (1 + z²/4)
        #expect(april["prev_ratio"] == "0.5000")
        #expect(april["delta_pp"] == "-25.00")
        #expect(april["ratio_3m"] == "0.5000")  // (3 + 2 + 1) / 12
        #expect(april["slope_pp"] == "-25.00")  // 100, 75, 50, 25 over four months
        #expect(april["yoy_delta_pp"] == "25.00")  // 0.25 − 0.00
        #expect(april["rank"] == "3")  // behind two halls tied at 0.5
        #expect(april["flags"] == "below_target;declining")
        #expect(april["prev_rank"] == "2")  // March: behind 市东 (3/4), tied with nobody
        #expect(april["rank_change"] == "-1")  // moved down one place
        #expect(april["target"] == "0.5000")
        #expect(april["provisional"] == "no")  // long closed
        #expect(april["data_cutoff"] == "")  // only provisional months carry a cut-off
        let february = try hallMonth("520502001000", "2019-02")
        #expect(february["slope_pp"] == "")  // two points only
        #expect(february["flags"] == "")  // one fall is not a decline
        // 三板桥街道: 4/8 in March and April: exactly at the 0.5 target, so not below it.
        let even = try hallMonth("520502003000", "2019-04")
        #expect(even["wilson_low"] == "0.2152")
        #expect(even["delta_pp"] == "0.00")
        #expect(even["rank"] == "1")
        #expect(even["flags"] == "")
        // The district center: 3/5 against a 0.7 target.
        #expect(try hallMonth("520502000000", "2019-04")["flags"] == "below_target")
        // 2019-04-30T20:00:00Z is 2019-05-01 04:00 in Shanghai: the village's row belongs to May.
        #expect(try hallMonth("520502001201", "2019-05")["flags"] == "insufficient_volume")
    }

    @Test func leagueTableRanksTiesAndKeepsSilentHallsVisible() throws {
        let april = try table("league/2019-04_township.csv")
        #expect(
            april.dropFirst().map { [$0[0], $0[1]] } == [
                ["1", "520502003000"],  // 0.5 with 8 cases
                ["1", "520502002000"],  // 0.5 with 4 cases: same rank, listed after the larger hall
                ["3", "520502001000"],
                ["", "520502004000"],  // under min_volume: unranked, last
            ])
        let march = try table("league/2019-03_township.csv")
        let silent = try #require(march.last)
        #expect(silent[1] == "520502004000")
        #expect(silent[8] == "no_data")
        #expect(
            march.first == [
                "rank", "hall_code", "hall_name", "total", "online", "ratio", "delta_pp", "slope_pp", "flags",
                "prev_rank", "rank_change", "yoy_delta_pp", "provisional", "period", "tier", "target", "township",
            ])
        // Every row says its month, tier and target, so that the table joins with the long table.
        #expect(march.dropFirst().allSatisfy { $0.suffix(4) == ["2019-03", "township", "0.5000", ""] })
        // 三板桥街道 rose from 2nd in March to 1st in April.
        #expect(april.first { $0[1] == "520502003000" }.map { [$0[9], $0[10]] } == ["2", "1"])
        // The registry name starts with '=': neutralised, so a spreadsheet shows it as text.
        #expect(silent[2] == "'=HYPERLINK(\"http://x\")")
        // A negative change stays a number.
        #expect(march.first { $0[1] == "520502001000" }?[6] == "-25.00")
    }

    @Test func redAndBlackListsTakeWholeTiesAndNeverBlacklistAHallAtTarget() throws {
        let lists = try table("red_black_lists.csv")
        #expect(lists.first?.suffix(2) == ["black_streak", "township"])
        let april = lists.filter { $0.first == "2019-04" && $0[1] == "township" }
        // Three ranked halls; N = 1. 三板桥 4/8 and 市东 2/4 are exactly at the 0.5 target: tied first
        // among the halls meeting it, both red. 市西 1/4 is the only ranked hall below target.
        #expect(
            april.map { [$0[2], $0[4], $0[8], $0[9], $0[10]] } == [
                ["red", "520502003000", "0.5000", "0.5000", ""],
                ["red", "520502002000", "0.5000", "0.5000", ""],
                ["black", "520502001000", "0.2500", "0.5000", "1"],  // at or above target until March: a streak of 1
            ])
        // January and February had one ranked township hall (fewer than list_min_ranked, 3): no lists.
        // March had three, all at or above target: a red list of one, no black list. The district
        // center is alone in its tier: never listed.
        #expect(
            lists.dropFirst().map { [$0[0], $0[2], $0[4]] } == [
                ["2019-03", "red", "520502002000"],
                ["2019-04", "red", "520502003000"], ["2019-04", "red", "520502002000"], ["2019-04", "black", "520502001000"],
            ])
    }

    @Test func tierSummaryCountsHallsBelowTargetAndItsTrajectory() throws {
        let summary = try table("tier_summary.csv")
        #expect(
            summary.first == [
                "period", "tier", "target", "halls", "total", "online", "ratio", "halls_below_target",
                "ranked", "slope_pp", "months_to_target", "trajectory", "provisional", "data_cutoff",
            ])
        let row = try #require(summary.first { $0.first == "2019-04" && $0[1] == "township" })
        // Tier ratios Jan–Apr 2019: 4/4, 3/4, 9/16, 8/18 → slope of 100, 75, 56.25, 44.44 = −18.54 pp/month.
        #expect(
            row == [
                "2019-04", "township", "0.5000", "4", "18", "8", "0.4444", "1", "3", "-18.54", "",
                "not_at_this_trend", "no", "",
            ])
        let march = try #require(summary.first { $0.first == "2019-03" && $0[1] == "township" })
        #expect(march[9...11] == ["-21.88", "", "at_target"])  // 9/16 ≥ 0.5
        // May: no township data, so no slope of its own.
        #expect(try #require(summary.first { $0.first == "2019-05" && $0[1] == "township" })[9] == "")
    }

    @Test func rejectsNameFileLineReasonAndMaskIDs() throws {
        let rows = try table("rejects.csv")
        #expect(
            rows.dropFirst().map { [$0[0], $0[1], $0[2]] } == [
                ["Input/exports/a.csv", "31", "unknown_hall"],
                ["Input/exports/a.csv", "32", "bad_date"],
                ["Input/exports/a.csv", "33", "field_count"],
            ])
        let text = try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
        #expect(text.contains("520502********0012"))
        #expect(!text.contains("520502198803150012"))
    }

    @Test func outputsStartWithAByteOrderMarkAndUseCRLF() throws {
        let bytes = try Data(contentsOf: output.appendingPathComponent("hall_months.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self).contains("data_cutoff,township\r\n"))
    }

    @Test func twoRunsGiveIdenticalCSVs() throws {
        let first = try Data(contentsOf: output.appendingPathComponent("hall_months.csv"))
        let again = try HallRateProcess.run(["run", "pipeline.yml", "--output", "Output/again", "--quiet"], in: folder)
        #expect(again.status == 0)
        #expect(again.standardOutput.isEmpty)
        #expect(try Data(contentsOf: folder.appendingPathComponent("Output/again/hall_months.csv")) == first)
    }
}
