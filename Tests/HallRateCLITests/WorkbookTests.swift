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
    func april() throws -> (sheets: [Sheet], folder: URL) {
        let folder = try HallRateProcess.fixture("handmade")
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        try String(contentsOf: pipeline, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: zh")
            .write(to: pipeline, atomically: true, encoding: .utf8)  // the supervisors' language
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--no-html"], in: folder).status == 0)
        let report = try HallRateProcess.run(["report", "pipeline.yml", "--period", "2019-04", "--no-html"], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        let workbook = folder.appendingPathComponent("Output/pipeline/report_2019-04.xlsx")
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
        #expect(sheets.map(\.name) == ["区级 2019-04", "乡镇(街道) 2019-04", "村(居) 2019-04", "红黑榜 2019-04", "层级汇总", "退件汇总"])
        let township = try #require(sheets.first { $0.name.hasPrefix("乡镇") })
        #expect(township.freeze == "A2")
        #expect(township.filter == "A1:I5")
        let header = township.rows[0]
        #expect(header.map(\.value) == ["排名", "大厅编码", "大厅名称", "办件量", "网办件量", "网上办事率", "环比变化(百分点)", "趋势斜率(百分点/月)", "标记"].map(Value.text))
        #expect(header.allSatisfy { $0.bold })
        let first = township.rows[1]
        #expect(first[1].value == .text("520502003000"))  // a code is text: no 5.20502E+11, no lost digits
        #expect(first[1].type == "s")
        #expect(first[0].value == .number(1))
        #expect(first[3].value == .number(8))
        #expect(first[5].value == .number(0.5))
        #expect(first[5].format == "0.00%")
        #expect(first[6].value == .number(0))
        // 市西街道: below target and declining, highlighted; the formula-like name stays a string.
        let below = try #require(township.rows.first { $0[1].value == .text("520502001000") })
        #expect(below.allSatisfy { $0.bold })
        #expect(below[0].fill != nil)
        #expect(below[8].value == .text("低于目标;连续下降"))
        let formula = try #require(township.rows.first { $0[1].value == .text("520502004000") })
        #expect(formula[2].value == .text("=HYPERLINK(\"http://x\")"))
        #expect(formula[2].type == "s")
        #expect((township.widths["C"] ?? 0) >= 22)  // 三板桥街道政务服务中心: 11 CJK characters
    }

    @Test func listsSummaryAndRejects() throws {
        let (sheets, _) = try april()
        let lists = try #require(sheets.first { $0.name.hasPrefix("红黑榜") })
        let township = lists.rows.dropFirst().filter { $0[1].value == .text("乡镇(街道)") }
        #expect(township.map { $0[2].value } == [.text("红榜"), .text("红榜"), .text("黑榜")])
        #expect(township.last?[9].value == .number(4))
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

    @Test func aMonthWithoutDataIsAUsageError() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["report", "pipeline.yml"], in: folder).status == 1)  // no store yet
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let result = try HallRateProcess.run(["report", "pipeline.yml", "--period", "2017-01"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("no data for 2017-01"))
    }
}
