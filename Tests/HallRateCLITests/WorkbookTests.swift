import Foundation
import Testing

/// The workbook as Excel would open it, read back with an independent reader (openpyxl, installed by
/// scripts/test.sh): typed cells, percentage formats, frozen and filtered headers, highlighted rows.
@Suite struct WorkbookTests {
    struct Cell: Decodable {
        let value: Value?
        let type: String
        let format: String
        let bold: Bool
        let fill: String?
    }

    enum Value: Decodable, Equatable {
        case text(String), number(Double)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }
    }

    struct Sheet: Decodable {
        let name: String
        let freeze: String?
        let filter: String?
        let widths: [String: Double]
        let rows: [[Cell]]
    }

    /// Runs the hand-made fixture, rebuilds April's workbook, and reads it with openpyxl.
    func april() throws -> (sheets: [Sheet], folder: URL) { try workbook("2019-04") }

    /// Runs the hand-made fixture, rebuilds the workbook of `period` as of `asOf` (today when nil),
    /// and reads it with openpyxl.
    func workbook(_ period: String, asOf: String? = nil) throws -> (sheets: [Sheet], folder: URL) {
        let folder = try HallRateProcess.fixture("handmade")
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        try String(contentsOf: pipeline, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: zh")
            .write(to: pipeline, atomically: true, encoding: .utf8)  // the supervisors' language
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--no-html"], in: folder).status == 0)
        let report = try HallRateProcess.run(["report", "pipeline.yml", "--period", period, "--no-html"]
                                                 + (asOf.map { ["--as-of", $0] } ?? []), in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        let workbook = folder.appendingPathComponent("Output/pipeline/report_\(period).xlsx")
        #expect(report.standardOutput.contains(workbook.lastPathComponent))
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/read-xlsx.py")
        reader.arguments = ["python3", script.path, workbook.path]
        let output = Pipe()
        let errors = Pipe()
        reader.standardOutput = output
        reader.standardError = errors
        try reader.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        try #require(reader.terminationStatus == 0, "openpyxl could not read the workbook (is openpyxl installed? scripts/test.sh installs it): \(message)")
        return (try JSONDecoder().decode([Sheet].self, from: data), folder)
    }

    @Test func sheetsCellTypesAndFormats() throws {
        let (sheets, _) = try april()
        #expect(sheets.map(\.name)
            == ["区级 2019-04", "乡镇(街道) 2019-04", "村(居) 2019-04", "红黑榜 2019-04", "未报送 2019-04", "层级汇总", "退件汇总"])
        let township = try #require(sheets.first { $0.name.hasPrefix("乡镇") })
        #expect(township.freeze == "A2")
        #expect(township.filter == "A1:M5")
        let header = township.rows[0]
        #expect(header.map(\.value) == ["排名", "大厅编码", "大厅名称", "办件量", "网办件量", "网上办事率", "环比变化(百分点)", "趋势斜率(百分点/月)", "标记",
                                         "上月排名", "名次变化", "同比变化(百分点)", "数据状态"].map(Value.text))
        #expect(header.allSatisfy { $0.bold })
        let first = township.rows[1]
        #expect(first[1].value == .text("520502003000"))  // a code is text: no 5.20502E+11, no lost digits
        #expect(first[1].type == "s")
        #expect(first[0].value == .number(1))
        #expect(first[3].value == .number(8))
        #expect(first[5].value == .number(0.5))
        #expect(first[5].format == "0.00%")
        #expect(first[6].value == .number(0))
        #expect(first[9].value == .number(2) && first[10].value == .number(1))  // 三板桥: 2nd in March, up one
        #expect(first[11].value == nil && first[12].value == .text("正式"))
        // 市西街道: below target and declining, highlighted; the formula-like name stays a string.
        let below = try #require(township.rows.first { $0[1].value == .text("520502001000") })
        #expect(below.allSatisfy { $0.bold })
        #expect(below[0].fill != nil)
        #expect(below[8].value == .text("低于目标;连续下降"))
        #expect(below[10].value == .number(-1) && below[11].value == .number(25))
        // Only halls below target are highlighted: 市东 at exactly its target is not.
        let atTarget = try #require(township.rows.first { $0[1].value == .text("520502002000") })
        #expect(atTarget[5].value == .number(0.5) && atTarget.allSatisfy { !$0.bold && $0.fill == nil })
        for row in township.rows.dropFirst() where row[0].fill != nil {
            #expect(row[8].value.map { if case .text(let flags) = $0 { flags.contains("低于目标") } else { false } } == true)
        }
        let formula = try #require(township.rows.first { $0[1].value == .text("520502004000") })
        #expect(formula[2].value == .text("=HYPERLINK(\"http://x\")"))
        #expect(formula[2].type == "s")
        #expect((township.widths["C"] ?? 0) >= 22)  // 三板桥街道政务服务中心: 11 CJK characters
    }

    @Test func listsSummaryAndRejects() throws {
        let (sheets, _) = try april()
        let lists = try #require(sheets.first { $0.name.hasPrefix("红黑榜") })
        #expect(lists.filter == "A1:K4")
        let township = lists.rows.dropFirst().filter { $0.count > 1 && $0[1].value == .text("乡镇(街道)") }
        #expect(township.map { $0[2].value } == [.text("红榜"), .text("红榜"), .text("黑榜")])
        #expect(township.last?[10].value == .number(1))
        // A black entry is highlighted and below its target; red entries are not highlighted.
        for row in township {
            guard case .number(let ratio) = row[8].value, case .number(let target) = row[9].value else {
                Issue.record("ratio and target are not numbers")
                continue
            }
            #expect((row[2].value == .text("黑榜")) == (row[0].fill != nil))
            if row[2].value == .text("黑榜") { #expect(ratio < target) }
        }
        // After the table, one empty row, then what each list means, tier by tier.
        #expect(lists.rows.count > 4 && lists.rows[4].allSatisfy { $0.value == nil })
        #expect(lists.rows.dropFirst(5).map { $0.first?.value } == [
            .text("【区级】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"),
            .text("【乡镇(街道)】红榜：本层级参与排名（办件量不少于 4 件）且达到目标（50%）的大厅中，网上办事率前 1 名，并列者同列。"),
            .text("【乡镇(街道)】黑榜：本层级参与排名（办件量不少于 4 件）且低于目标（50%）的大厅中，网上办事率最低的 1 名，并列者同列；"
                  + "达到目标的大厅不上黑榜。连续上黑榜月数只计已结束的月份。"),
            .text("【村(居)】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"),
        ])
        // 未报送: nobody in April, said so under the header.
        let silent = try #require(sheets.first { $0.name == "未报送 2019-04" })
        #expect(silent.rows.first?.map(\.value) == ["月份", "层级", "大厅编码", "大厅名称", "上月办件量", "上月网上办事率"].map(Value.text))
        let footnotes: [Value] = silent.rows.compactMap { $0.first?.value }
        #expect(footnotes.contains(.text("上月报送的大厅本月均已报送。")))
        let summary = try #require(sheets.first { $0.name == "层级汇总" })
        let april = try #require(summary.rows.first { $0[0].value == .text("2019-04") && $0[1].value == .text("乡镇(街道)") })
        #expect(april[6].format == "0.00%")
        if case .number(let ratio) = april[6].value { #expect(abs(ratio - 8.0 / 18.0) < 1e-12) } else { Issue.record("ratio is not a number") }
        let rejects = try #require(sheets.first { $0.name == "退件汇总" })
        #expect(rejects.rows.dropFirst().map { $0.map(\.value) } == [
            [.text("bad_date"), .text("exports"), .number(1)],
            [.text("field_count"), .text("exports"), .number(1)],
            [.text("unknown_hall"), .text("exports"), .number(1)],
        ])
    }

    @Test func notReportingSheetListsTheSilentHalls() throws {
        let (sheets, _) = try workbook("2019-05")
        let silent = try #require(sheets.first { $0.name == "未报送 2019-05" })
        #expect(silent.filter == "A1:F6")
        let rows = silent.rows.dropFirst().prefix(5)
        #expect(rows.map { $0[2].value } == ["520502000000", "520502001000", "520502002000", "520502003000", "520502004000"].map(Value.text))
        #expect(rows.first.map { $0.map(\.value) }
            == [.text("2019-05"), .text("区级"), .text("520502000000"), .text("七星关区政务服务中心"), .number(5), .number(0.6)])
        #expect(rows.first?[5].format == "0.00%")
    }

    @Test func provisionalMonthSaysSoAndPublishesNoLists() throws {
        let (sheets, _) = try workbook("2019-04", asOf: "2019-05-02")
        #expect(sheets.map(\.name) == ["区级 2019-04 临时", "乡镇(街道) 2019-04 临时", "村(居) 2019-04 临时", "红黑榜 2019-04 临时",
                                        "未报送 2019-04 临时", "层级汇总", "退件汇总"])
        let warning = Value.text("数据截至 4月18日，本月尚未结束：以下数字为临时数据，不发布红黑榜，名次与标记可能变化。")
        for sheet in sheets.prefix(5) {
            #expect(sheet.rows.first?.first?.value == warning, "\(sheet.name)")
            #expect(sheet.rows.first?.first?.fill != nil)
        }
        let township = try #require(sheets.first { $0.name.hasPrefix("乡镇") })
        #expect(township.freeze == "A3" && township.filter == "A2:M6")
        #expect(township.rows[1][0].value == .text("排名"))
        #expect(township.rows.dropFirst(2).allSatisfy { $0[12].value == .text("临时") })
        let lists = try #require(sheets.first { $0.name.hasPrefix("红黑榜") })
        #expect(lists.rows.map { $0.first?.value } == [
            warning, .text("本月尚未结束，不发布红黑榜；红黑榜自 5月5日 起随本月通报发布。"),
            .text("【区级】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"),
            .text("【村(居)】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"), .text("月份"),
        ])
        let silent = try #require(sheets.first { $0.name.hasPrefix("未报送") })
        #expect(silent.rows[1].first?.value == .text("本月尚未结束，未报送在月份结束后判定。"))
    }

    @Test func aMonthWithoutDataIsAUsageError() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["report", "pipeline.yml"], in: folder).status == 2)  // no store yet: a usage error (issue 16)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let result = try HallRateProcess.run(["report", "pipeline.yml", "--period", "2017-01"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("no data for 2017-01"))
    }
}
