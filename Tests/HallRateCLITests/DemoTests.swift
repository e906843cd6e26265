import Foundation
import HallRateCore
import Testing

/// Runs the default pipeline on the committed demo `Input/` and checks it against the generator's
/// own ground truth, which `Input/README.md` lists (per hall and month: online/counted).
@Suite struct DemoTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `hall code|YYYY-MM` → "online/counted", from the README's per-hall table.
    static func expectedCounts() throws -> [String: String] {
        let text = try String(contentsOf: repository.appendingPathComponent("Input/README.md"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("| hall | name |") }) else { return [:] }
        let months = lines[headerIndex].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst(2)
        var expected: [String: String] = [:]
        for line in lines[(headerIndex + 2)...] where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let code = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            for (month, cell) in zip(months, cells.dropFirst(2)) where cell != "–" {
                expected["\(code)|\(month)"] = cell
            }
        }
        return expected
    }

    /// The README's time-limit table (district hall, as of 2019-12-06): `YYYY-MM` → its cells in the header's
    /// order (counted, uncatalogued, finished, on_time, overdue_finished, in_progress, overdue_open, due_soon, untimed).
    static func expectedTimeLimits() throws -> [String: [String]] {
        let text = try String(contentsOf: repository.appendingPathComponent("Input/README.md"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("| month | counted | uncatalogued |") }) else { return [:] }
        var expected: [String: [String]] = [:]
        for line in lines[(headerIndex + 2)...] {
            guard line.hasPrefix("| ") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells[0].wholeMatch(of: /\d{4}-\d{2}/) != nil { expected[cells[0]] = Array(cells.dropFirst()) }
        }
        return expected
    }

    /// The README's worked examples: id, month of acceptance, deadline and verdict (`late, 3 工作日 …`, `on time`, …).
    static func timeLimitExamples() throws -> [(id: String, month: String, deadline: String, verdict: String)] {
        let text = try String(contentsOf: repository.appendingPathComponent("Input/README.md"), encoding: .utf8)
        let pattern = /^- .*: `(QXG\d+)` .*, accepted (\d{4}-\d{2})-\d{2} [0-9:]+, deadline (\d{4}-\d{2}-\d{2}), completed .* → (.*)\.$/
        return text.split(separator: "\n").compactMap { line in
            guard let match = String(line).wholeMatch(of: pattern) else { return nil }
            return (String(match.1), String(match.2), String(match.3), String(match.4))
        }
    }

    /// Rules 19–21 on the demo as of 2019-12-06: hallrate's `time_limits.csv` and exception lists against the
    /// figures and worked examples the generator computed with its own calendar (Input/README.md).
    @Test func demoTimeLimitsMatchTheGeneratorsGroundTruth() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try HallRateProcess.run(
            ["run", "Pipelines/default.yml", "--output", output.path, "--as-of", "2019-12-06", "--quiet"],
            in: Self.repository)
        #expect(result.status == 0, "\(result.standardError)")
        let expected = try Self.expectedTimeLimits()
        #expect(expected.count == 14)

        let table = try HallRateProcess.values(of: output.appendingPathComponent("time_limits.csv"))
        let header = try #require(table.first)
        let names = ["办件量", "未编目办件量", "办结量", "按时办结量", "超期办结量", "在办量", "在办超期量(红牌)", "临近期限量(黄牌)", "办结时间不可用量"]
        let columns = try names.map { name in try #require(header.firstIndex(of: name), "\(name)") }
        let (code, period) = (try #require(header.firstIndex(of: "大厅编码")), try #require(header.firstIndex(of: "月份")))
        let catalogued = try #require(header.firstIndex(of: "已编目办件量"))
        var actual: [String: [String]] = [:]
        for row in table.dropFirst() {
            if row[code] == "520502000000" {
                actual[row[period]] = columns.map { row[$0] }
            } else {
                // Only the district source maps item_code: every other hall's rows are uncatalogued.
                #expect(row[catalogued] == "0", "\(row[code]) \(row[period])")
            }
        }
        #expect(actual == expected)

        // Each worked example is in the month's 超期办结 list exactly when the README calls it late (with the
        // README's deadline and days), and in the 在办超期 list with its card when open past or near its deadline.
        let examples = try Self.timeLimitExamples()
        #expect(examples.count == 5)
        for example in examples {
            let late = try HallRateProcess.values(of: output.appendingPathComponent("overdue_finished/\(example.month).csv"))
            let lateRow = late.dropFirst().first { $0[0] == example.id }
            if example.verdict.hasPrefix("late") {
                let days = example.verdict.firstMatch(of: #/late, (\d+) /#).map { String($0.1) }
                #expect(lateRow.map { [$0[9], $0[11]] } == [example.deadline, days ?? "?"], "\(example.id)")
            } else {
                #expect(lateRow == nil, "\(example.id) is listed late: \(lateRow ?? [])")
            }
            let open = try HallRateProcess.values(of: output.appendingPathComponent("overdue_open/\(example.month).csv"))
            let openRow = open.dropFirst().first { $0[1] == example.id }
            let card = example.verdict.contains("黄牌") ? "黄牌" : example.verdict.contains("红牌") ? "红牌" : nil
            #expect(openRow.map { [$0[0], $0[10]] } == card.map { [$0, example.deadline] }, "\(example.id)")
        }
    }

    @Test func demoRunMatchesTheGeneratorsGroundTruth() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-demo-\(UUID().uuidString)")
        let result = try HallRateProcess.run(
            ["run", "Pipelines/default.yml", "--output", output.path, "--quiet"],
            in: Self.repository)
        #expect(result.status == 0, "\(result.standardError)")
        let expected = try Self.expectedCounts()
        #expect(expected.count > 700)  // 53 halls × 14 months, less two silent months
        var actual: [String: String] = [:]
        // Codes and months are written ="…" so that Excel keeps them as text: the same in every CSV.
        let longTable = try HallRateProcess.rows(of: output.appendingPathComponent("hall_months.csv"))
        #expect(longTable.dropFirst().allSatisfy { $0[0].hasPrefix("=5205") && $0[3].hasPrefix("=20") })
        for row in try HallRateProcess.values(of: output.appendingPathComponent("hall_months.csv")).dropFirst() {
            actual["\(row[0])|\(row[3])"] = "\(row[5])/\(row[4])"
        }
        #expect(actual == expected)

        // Contract v2 kept rules 1–7, 10 and 11: every v1 column of the long table and the tier summary
        // is what version 1 (commit c615171) wrote, byte for byte once parsed and read as Excel shows the
        // cells (issue 12 wrote codes and months as Excel text); v2's columns follow them.
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/demo-v1")
        for (name, v1Columns) in [("hall_months.csv", 15), ("tier_summary.csv", 8)] {
            let before = try HallRateProcess.rows(of: fixtures.appendingPathComponent(name))
            let now = try HallRateProcess.values(of: output.appendingPathComponent(name))
            #expect(before.count == now.count, "\(name)")
            #expect(before.first?.count == v1Columns)
            for (old, new) in zip(before, now) where Array(new.prefix(v1Columns)) != old {
                Issue.record("\(name): \(old) became \(new.prefix(v1Columns))")
                break
            }
        }

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json")))
        let totals = (manifest as? [String: Any])?["totals"] as? [String: Int]
        #expect(totals?["rows_read"] == 23133)
        #expect(totals?["rejected"] == 58)
        #expect(totals?["duplicates"] == 31)
        #expect(totals?["accepted"] == 23044)

        // The planted formula rows end in the rejects, where no cell can start a formula;
        // no ID number is left whole.
        let rejectRows = try HallRateProcess.rows(of: output.appendingPathComponent("rejects.csv"))
        #expect(rejectRows.count == 59)
        // The damaged XML file: its last record is one reject at the line of its start tag.
        #expect(
            rejectRows.contains { $0[0] == "Input/village-xml/520502010202/2019-05.xml" && $0[1] == "167" && $0[5] == "malformed_record" })
        // In Chinese: the reason and what to check, then the code for programs (the last column, 原因代码).
        #expect(rejectRows[0] == ["文件", "行号", "原因", "说明", "原始行", "原因代码"])
        #expect(rejectRows.dropFirst().allSatisfy { $0.count == 6 && Reject.Reason(rawValue: $0[5]) != nil })
        let badDate = try #require(rejectRows.first { $0[5] == "bad_date" })
        #expect(badDate[2] == "日期无法识别" && badDate[3].hasPrefix("日期无法按流水线的日期格式识别") && badDate[3].contains("。原文："))
        #expect(rejectRows.filter { $0.joined().contains("=HYPERLINK") }.count == 3)
        #expect(rejectRows.flatMap { $0 }.allSatisfy { cell in !["=", "+", "-", "@"].contains(where: cell.hasPrefix) })
        let rejects = try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
        #expect(rejects.range(of: #"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])"#, options: .regularExpression) == nil)

        // 乡镇统筹: each township's roll-up is its own hall plus the villages that name it as 所属乡镇 in the long
        // table, as an analyst would add them up; ranks 1… among the ranked townships of the month.
        let long = try HallRateProcess.values(of: output.appendingPathComponent("hall_months.csv"))
        let townshipColumn = try #require(long.first?.firstIndex(of: "所属乡镇"))
        let rollup = try HallRateProcess.values(of: output.appendingPathComponent("township_rollup.csv"))
        #expect(
            rollup.first == [
                "月份", "乡镇编码", "乡镇名称", "办件量", "网办件量", "网上办事率", "报送村(居)数", "低于目标村(居)数",
                "未报送村(居)数", "排名", "数据状态",
            ])
        let november = rollup.dropFirst().filter { $0[0] == "2019-11" }
        #expect(november.count == 16)
        for row in november {
            let members = long.dropFirst().filter { $0[3] == "2019-11" && ($0[0] == row[1] || $0[townshipColumn] == row[2]) }
            #expect(Int(row[3]) == members.compactMap { Int($0[4]) }.reduce(0, +), "\(row[2])")
            #expect(Int(row[4]) == members.compactMap { Int($0[5]) }.reduce(0, +), "\(row[2])")
            #expect(Int(row[6]) == members.filter { $0[townshipColumn] == row[2] }.count, "\(row[2])")
        }
        #expect(november.compactMap { Int($0[9]) }.first == 1)

        // The silent village stays visible in its league table.
        // (Its code is written ="…" so that Excel keeps the 12 digits as text.)
        let june = try HallRateProcess.rows(of: output.appendingPathComponent("league/2019-06_village.csv"))
        #expect(june.last?[1] == "=520502011202")
        #expect(june.last?[8] == "无报送")
    }
}
