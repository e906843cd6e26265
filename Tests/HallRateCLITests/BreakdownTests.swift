import Foundation
import Testing

/// Breakdowns by item and by department (contract rule 17), read as an analyst would: every month's
/// `items/YYYY-MM.csv` and `departments/YYYY-MM.csv` add up, per tier, to the tier summary; empty fields
/// are "(blank)", exports without the column "(not recorded)"; a duplicate counts once, under the item
/// of the row that wins.
@Suite struct BreakdownTests {
    /// Per (month, tier): the sums of a breakdown's total and online columns.
    static func sums(_ folder: URL, _ dimension: String, countColumn: Int) throws -> [String: (Int, Int)] {
        var sums: [String: (Int, Int)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(dimension).path) {
            for row in try HallRateProcess.values(of: folder.appendingPathComponent("\(dimension)/\(name)")).dropFirst() {
                let key = "\(row[0]) \(row[1])"
                let (total, online) = sums[key] ?? (0, 0)
                sums[key] = (total + (Int(row[countColumn]) ?? -1_000_000), online + (Int(row[countColumn + 1]) ?? -1_000_000))
            }
        }
        return sums
    }

    @Test func theDemosBreakdownsAddUpToTheTierSummaryEveryMonth() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-breakdown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try HallRateProcess.run(
            ["run", "Pipelines/default.yml", "--output", output.path, "--as-of", "2026-12-06", "--quiet"], in: DemoTests.repository)
        #expect(result.status == 0, "\(result.standardError)")
        var summary: [String: (Int, Int)] = [:]
        for row in try HallRateProcess.values(of: output.appendingPathComponent("tier_summary.csv")).dropFirst() where row[4] != "0" {
            summary["\(row[0]) \(row[1])"] = (Int(row[4]) ?? 0, Int(row[5]) ?? 0)
        }
        #expect(summary.count == 42)  // 14 months × 3 tiers
        for (dimension, column) in [("items", 4), ("departments", 3)] {
            let sums = try Self.sums(output, dimension, countColumn: column)
            #expect(sums.keys.sorted() == summary.keys.sorted(), "\(dimension)")
            for (key, figures) in summary where sums[key].map({ $0 != figures }) ?? true {
                Issue.record("\(dimension) \(key): \(String(describing: sums[key])) against the tier summary's \(figures)")
            }
        }
        let items = try HallRateProcess.rows(of: output.appendingPathComponent("items/2019-11.csv"))
        #expect(items[0] == ["月份", "层级", "事项编码", "事项名称", "办件量", "网办件量", "网上办事率", "可网办未网办件量"])
        // The district's export names its items; item codes are Excel text. missed_online follows the demo's
        // catalogue: an online-capable item's window and kiosk transactions, 0 for an item that cannot be applied
        // for online, blank for the two items the catalogue leaves out.
        let district = items.filter { $0[1] == "区级" }
        #expect(district.count > 20 && district.allSatisfy { $0[2].hasPrefix("=5205") && !$0[3].isEmpty })
        let catalogue = try HallRateProcess.rows(of: DemoTests.repository.appendingPathComponent("Input/catalogue.csv"))
        let onlineCapable = Dictionary(uniqueKeysWithValues: catalogue.dropFirst().map { ($0[0], $0[6] == "是") })
        #expect(onlineCapable.count == 42)
        for row in district {
            let expected =
                onlineCapable[String(row[2].dropFirst())].map { $0 ? String((Int(row[4]) ?? 0) - (Int(row[5]) ?? 0)) : "0" } ?? ""
            #expect(row[7] == expected, "\(row[3])")
        }
        #expect(district.filter { $0[7].isEmpty }.count == 2)
        // Township and village exports carry no item code: their transactions are "(not recorded)", not lost.
        #expect(items.filter { $0[1] != "区级" && $0[0] != "月份" }.map(\.[2]) == ["(not recorded)", "(not recorded)"])
        let report = try String(contentsOf: output.appendingPathComponent("report_2019-11.html"), encoding: .utf8)
        #expect(report.contains("拖累网上办事率的主要事项") && report.contains("未含事项编码"))
    }

    @Test func blankFieldsDuplicatesAndExportsWithoutTheColumnAreCountedOnce() throws {
        let folder = try HallRateProcess.fixture("handmade")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/exports"))
        let exports = folder.appendingPathComponent("Input/items")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let header = "编号,大厅,渠道,受理时间,状态,更新时间,事项编码,事项名称,部门\n"
        try
            (header
            + "A1,520502001000,网上,2019-03-01 09:00:00,办结,2019-03-01 10:00:00,S1,社保,人社局\n"
            + "A2,520502001000,窗口,2019-03-02 09:00:00,办结,,,,\n"
            + "A3,520502002000,窗口,2019-03-03 09:00:00,撤件,,S1,社保,人社局\n"
            + "A4,520502002000,窗口,2019-03-04 09:00:00,办结,2019-03-04 10:00:00,S2,户籍,公安局\n")
            .write(to: exports.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        // A4 again, later and under another item: the later row wins (rule 3), and only it is counted.
        try (header + "A4,520502002000,网上,2019-03-04 09:00:00,办结,2019-03-05 10:00:00,S3,不动产,自然资源局\n")
            .write(to: exports.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        let pipeline = """
            registry: Input/halls.csv
            targets: {district: 0.7, township: 0.5, village: 0.3}
            sources:
              - name: items
                glob: Input/items/*.csv
                columns: {txn_id: 编号, hall_code: 大厅, channel: 渠道, accepted_at: 受理时间, status: 状态, updated_at: 更新时间,
                          item_code: 事项编码, item_name: 事项名称, department: 部门}
                values:
                  channel: {窗口: window, 网上: online}
                  status: {办结: completed, 撤件: withdrawn}
                date_formats: ["yyyy-MM-dd HH:mm:ss"]
            output: {language: en}
            """
        try pipeline.write(to: folder.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let output = folder.appendingPathComponent("Output/pipeline")
        let items = try HallRateProcess.values(of: output.appendingPathComponent("items/2019-03.csv"))
        #expect(items[0] == ["period", "tier", "item_code", "item_name", "total", "online", "ratio", "missed_online"])
        #expect(
            items.dropFirst().map { Array($0[2...5]) } == [
                ["(blank)", "", "1", "0"], ["S1", "社保", "1", "1"], ["S3", "不动产", "1", "1"],
            ])
        let departments = try HallRateProcess.values(of: output.appendingPathComponent("departments/2019-03.csv"))
        #expect(departments.dropFirst().map { Array($0[2...4]) } == [["(blank)", "1", "0"], ["人社局", "1", "1"], ["自然资源局", "1", "1"]])

        // The mapping no longer names the item: the files are read again and their rows are "(not recorded)".
        try pipeline.replacingOccurrences(of: "item_code: 事项编码, item_name: 事项名称, ", with: "")
            .write(to: folder.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06", "--quiet"], in: folder).status == 0)
        let unrecorded = try HallRateProcess.values(of: output.appendingPathComponent("items/2019-03.csv"))
        #expect(unrecorded.dropFirst().map { Array($0[2...5]) } == [["(not recorded)", "", "3", "2"]])
    }
}
