import Foundation
import Testing

/// The workbook as Excel would open it, read back with an independent reader (openpyxl, installed by
/// scripts/test.sh): typed cells, percentage formats, frozen and filtered headers, fills with their
/// words and legend, print setup, and printed by LibreOffice (installed by scripts/test.sh too).
@Suite struct WorkbookTests {
    struct Cell: Decodable {
        let value: Value?
        let type: String
        let format: String
        let bold: Bool
        let fill: String?
    }

    enum Value: Decodable, Equatable {
        case text(String)
        case number(Double)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        var text: String? { if case .text(let text) = self { text } else { nil } }
        var number: Double? { if case .number(let number) = self { number } else { nil } }
    }

    struct HeaderFooter: Decodable {
        let left: String?
        let center: String?
        let right: String?
    }

    struct PrintSetup: Decodable {
        let orientation: String?
        let paperSize: Int?
        let fitToWidth: Int?
        let fitToHeight: Int?
        let fitToPage: Bool
        let titleRows: String?
        let horizontalCentered: Bool
        let header: HeaderFooter
        let footer: HeaderFooter
    }

    struct Sheet: Decodable {
        let name: String
        let freeze: String?
        let filter: String?
        let widths: [String: Double]
        let merged: [String]
        let heights: [String: Double]
        let print: PrintSetup
        let rows: [[Cell]]

        /// The values of the row whose first cell is `label` (a legend or footnote row), if any.
        func row(startingWith label: String) -> [Cell]? { rows.first { $0.first?.value == .text(label) } }
    }

    struct DefinedName: Decodable, Equatable {
        let name: String
        let localSheetId: String?
        let value: String
    }

    struct Book: Decodable {
        let warnings: [String]
        let cellStyles: [String]
        let definedNames: [DefinedName]
        let sheets: [Sheet]

        func sheet(_ name: String) throws -> Sheet { try #require(sheets.first { $0.name == name }, "no sheet \(name)") }
    }

    /// The hand-made fixture, run in Chinese (the supervisors' language): its folder.
    func runFixture() throws -> URL {
        let folder = try HallRateProcess.fixture("handmade")
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        try String(contentsOf: pipeline, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: zh")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--no-html"], in: folder).status == 0)
        return folder
    }

    /// Runs the hand-made fixture, rebuilds the workbook of `period` as of `asOf` (today when nil),
    /// and returns its path.
    func workbookFile(_ period: String, asOf: String? = nil) throws -> (file: URL, folder: URL) {
        let folder = try runFixture()
        let report = try HallRateProcess.run(
            ["report", "pipeline.yml", "--period", period, "--no-html"]
                + (asOf.map { ["--as-of", $0] } ?? []), in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        let workbook = folder.appendingPathComponent("Output/pipeline/report_\(period).xlsx")
        #expect(report.standardOutput.contains(workbook.lastPathComponent))
        return (workbook, folder)
    }

    /// The workbook of `period` read with openpyxl.
    func workbook(_ period: String, asOf: String? = nil) throws -> (book: Book, folder: URL) {
        let (file, folder) = try workbookFile(period, asOf: asOf)
        return (try read(file), folder)
    }

    /// April's workbook, the closed month with lists.
    func april() throws -> (book: Book, folder: URL) { try workbook("2019-04") }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `arguments` (through `/usr/bin/env`) and returns its status, standard output and error.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, data, message)
    }

    /// Reads `file` with scripts/read-xlsx.py (openpyxl).
    func read(_ file: URL) throws -> Book {
        let script = WorkbookTests.packageRoot.appendingPathComponent("scripts/read-xlsx.py")
        let result = try WorkbookTests.run(["python3", script.path, file.path])
        try #require(
            result.status == 0,
            "openpyxl could not read the workbook (is openpyxl installed? scripts/test.sh installs it): \(result.errors)")
        return try JSONDecoder().decode(Book.self, from: result.output)
    }

    static let aprilSheets = [
        "区级 2019年4月", "乡镇(街道) 2019年4月", "村(居) 2019年4月", "红黑榜 2019年4月", "未报送 2019年4月",
        "乡镇统筹 2019年4月", "区级 近12个月", "乡镇(街道) 近12个月", "村(居) 近12个月", "层级汇总", "数据校验异常汇总",
    ]

    @Test func sheetsCellTypesAndFormats() throws {
        let (book, _) = try april()
        #expect(book.sheets.map(\.name) == WorkbookTests.aprilSheets)
        #expect(book.sheets.allSatisfy { $0.name.utf16.count <= 31 })
        let township = try book.sheet("乡镇(街道) 2019年4月")
        #expect(township.freeze == "A2")
        #expect(township.filter == "A1:O5")
        let header = township.rows[0]
        #expect(
            header.map(\.value)
                == [
                    "排名", "大厅编码", "大厅名称", "办件量", "网办件量", "网上办事率", "目标", "距目标\n(百分点)",
                    "榜单/标记", "上月排名", "名次变化", "环比变化\n(百分点)", "同比变化\n(百分点)",
                    "趋势斜率\n(百分点/月)", "数据状态",
                ].map(Value.text))
        #expect(header.allSatisfy { $0.bold })
        let first = township.rows[1]
        #expect(first[1].value == .text("520502003000"))  // a code is text: no 5.20502E+11, no lost digits
        #expect(first[1].type == "s")
        #expect(first[0].value == .number(1))
        #expect(first[3].value == .number(8))
        #expect(first[5].value == .number(0.5) && first[5].format == "0.00%")
        #expect(first[6].value == .number(0.5) && first[6].format == "0.00%")  // 目标
        #expect(first[7].value == .number(0) && first[7].format == "+0.00;-0.00;0.00")  // 距目标: at the target
        #expect(first[8].value == .text("红榜"))
        #expect(first[9].value == .number(2) && first[10].value == .number(1))  // 三板桥: 2nd in March, up one
        #expect(first[10].format == "+0;-0;0")
        #expect(first[11].value == .number(0))
        #expect(first[12].value == nil && first[14].value == .text("正式"))
        // 市西街道: on the black list, below target and declining: gray and bold, and says so in words.
        let black = try #require(township.rows.first { $0[1].value == .text("520502001000") })
        #expect(black.allSatisfy { $0.bold && $0.fill == "FFA6A6A6" })
        #expect(black[5].value == .number(0.25))
        #expect(black[7].value == .number(-25))  // 25% against a 50% target: 25 points below
        #expect(black[8].value == .text("黑榜、低于目标、连续下降"))
        #expect(black[10].value == .number(-1) && black[12].value == .number(25))
        // 市东 at exactly its target is on the red list (light red), not below target.
        let atTarget = try #require(township.rows.first { $0[1].value == .text("520502002000") })
        #expect(atTarget[5].value == .number(0.5) && atTarget[8].value == .text("红榜"))
        #expect(atTarget.allSatisfy { !$0.bold && $0.fill == "FFFCD5D4" })
        // Not ranked (2 transactions): the word, no fill; the formula-like name stays a string.
        let formula = try #require(township.rows.first { $0[1].value == .text("520502004000") })
        #expect(formula[8].value == .text("办件量不足") && formula.allSatisfy { $0.fill == nil })
        #expect(formula[7].value == .number(0))
        #expect(formula[2].value == .text("=HYPERLINK(\"http://x\")"))
        #expect(formula[2].type == "s")
        #expect((township.widths["C"] ?? 0) >= 22)  // 三板桥街道政务服务中心: 11 CJK characters
        // The district hall, below its 70% target: light yellow, the gap signed.
        let district = try book.sheet("区级 2019年4月")
        #expect(district.rows[1][7].value == .number(-10) && district.rows[1][8].value == .text("低于目标"))
        #expect(district.rows[1].allSatisfy { $0.fill == "FFFFF2CC" && !$0.bold })
        // The village hall has no data in April: light blue, 无报送 (it did not report in March either).
        let village = try book.sheet("村(居) 2019年4月")
        #expect(village.rows[1][8].value == .text("无报送") && village.rows[1][6].value == .number(0.3))
        #expect(village.rows[1][7].value == nil && village.rows[1].allSatisfy { $0.fill == "FFDDEBF7" })
    }

    /// Every fill of a league table is in its legend, with the same fill, and every meaning has its own fill.
    @Test func legendExplainsEveryFill() throws {
        let (book, _) = try april()
        for sheet in book.sheets.prefix(3) {
            let title = try #require(sheet.rows.firstIndex { $0.first?.value == .text("图例") }, "\(sheet.name)")
            let legend = sheet.rows[(title + 1)...].map { ($0[0].value?.text ?? "", $0[0].fill, $0[0].bold, $0[1].value?.text ?? "") }
            #expect(legend.map(\.0) == ["红榜", "黑榜", "低于目标", "未报送", "办件量不足", "连续下降"], "\(sheet.name)")
            #expect(legend.map(\.1) == ["FFFCD5D4", "FFA6A6A6", "FFFFF2CC", "FFDDEBF7", nil, nil])
            #expect(legend.map(\.2) == [false, true, false, false, false, false])  // the black list is bold too
            #expect(legend.allSatisfy { !$0.3.isEmpty })
            let fills = Set(sheet.rows.dropFirst().prefix { $0.contains { $0.value != nil } }.compactMap { $0.first?.fill })
            #expect(fills.isSubset(of: Set(legend.compactMap(\.1))), "\(sheet.name): a fill without a legend")
            let target = sheet.name.hasPrefix("区级") ? "70%" : sheet.name.hasPrefix("乡镇") ? "50%" : "30%"
            #expect(
                sheet.row(
                    startingWith: "距目标(百分点)：网上办事率（保留四位小数）减目标（\(target)），单位为百分点；"
                        + "负数为低于目标，正数为高于目标。") != nil, "\(sheet.name)")
        }
    }

    @Test func listsSummaryAndRejects() throws {
        let (book, folder) = try april()
        let lists = try book.sheet("红黑榜 2019年4月")
        #expect(lists.filter == "A1:L4")
        let township = lists.rows.dropFirst().filter { $0.count > 1 && $0[1].value == .text("乡镇(街道)") }
        #expect(township.map { $0[2].value } == [.text("红榜"), .text("红榜"), .text("黑榜")])
        #expect(township.first?[0].value == .text("2019-04-01T00:00:00") && township.first?[0].format == "yyyy\"年\"m\"月\"")
        #expect(township.last?[11].value == .number(1))
        #expect(township.last?[10].value == .number(-25))
        // Red rows light red, the black row gray and bold and below its target.
        for row in township {
            guard let ratio = row[8].value?.number, let target = row[9].value?.number else {
                Issue.record("ratio and target are not numbers")
                continue
            }
            let black = row[2].value == .text("黑榜")
            #expect(row[0].fill == (black ? "FFA6A6A6" : "FFFCD5D4") && row[0].bold == black)
            if black { #expect(ratio < target) }
        }
        // After the table, one empty row, then what each list means, tier by tier, each across the table.
        #expect(lists.rows.count > 4 && lists.rows[4].allSatisfy { $0.value == nil })
        #expect(
            lists.rows.dropFirst(5).prefix(4).map { $0.first?.value } == [
                .text("【区级】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"),
                .text("【乡镇(街道)】红榜：本层级参与排名（办件量不少于 4 件）且达到目标（50%）的大厅中，网上办事率前 1 名，并列者同列。"),
                .text(
                    "【乡镇(街道)】黑榜：本层级参与排名（办件量不少于 4 件）且低于目标（50%）的大厅中，网上办事率最低的 1 名，并列者同列；"
                        + "达到目标的大厅不上黑榜。连续上黑榜月数只计已结束的月份。"),
                .text("【村(居)】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"),
            ])
        #expect(["A6:L6", "A7:L7", "A8:L8", "A9:L9"].allSatisfy(lists.merged.contains))
        #expect((lists.heights["8"] ?? 0) >= 32)  // the black list's sentence takes two lines
        #expect(lists.row(startingWith: "红榜")?[0].fill == "FFFCD5D4" && lists.row(startingWith: "黑榜")?[0].fill == "FFA6A6A6")
        // 未报送: nobody in April, said so under the header.
        let silent = try book.sheet("未报送 2019年4月")
        #expect(silent.rows.first?.map(\.value) == ["月份", "层级", "大厅编码", "大厅名称", "上月办件量", "上月网上办事率"].map(Value.text))
        let footnotes: [Value] = silent.rows.compactMap { $0.first?.value }
        #expect(footnotes.contains(.text("上月报送的大厅本月均已报送。")))
        // 层级汇总: months are dates shown as 2019年4月, the ratio is the CSV's, to 4 decimals.
        let summary = try book.sheet("层级汇总")
        let april = try #require(summary.rows.first { $0[0].value == .text("2019-04-01T00:00:00") && $0[1].value == .text("乡镇(街道)") })
        #expect(april[0].format == "yyyy\"年\"m\"月\"")
        #expect(april[6].format == "0.00%")
        #expect(april[6].value == .number(0.4444))  // 8/18 rounded as the CSV prints it
        let csv = try HallRateProcess.values(of: folder.appendingPathComponent("Output/pipeline/tier_summary.csv"))
        let ratioColumn = try #require(csv.first?.firstIndex(of: "网上办事率"))
        let csvApril = try #require(csv.first { $0.first == "2019-04" && $0.dropFirst().first == "乡镇(街道)" })
        #expect(Double(csvApril[ratioColumn]) == april[6].value?.number)
        // 数据校验异常汇总 (not 退件): the reason in Chinese, then its code.
        let rejects = try book.sheet("数据校验异常汇总")
        #expect(rejects.rows.first?.map(\.value) == ["原因", "原因代码", "数据源", "行数"].map(Value.text))
        #expect(
            rejects.rows.dropFirst().prefix(3).map { $0.map(\.value) } == [
                [.text("日期无法识别"), .text("bad_date"), .text("exports"), .number(1)],
                [.text("字段数不符"), .text("field_count"), .text("exports"), .number(1)],
                [.text("大厅编码不在名册中"), .text("unknown_hall"), .text("exports"), .number(1)],
            ])
        #expect(rejects.rows.contains { $0.first?.value?.text?.hasPrefix("数据校验异常：") == true })
        #expect(!book.sheets.contains { $0.name.contains("退件") })
    }

    /// Every sheet prints landscape on A4, one page wide, its header row repeated, its name as the title.
    @Test func printSetupAndDefaultStyle() throws {
        let (book, _) = try april()
        #expect(book.warnings == [], "openpyxl warned: \(book.warnings)")
        #expect(book.cellStyles == ["Normal"])
        for (index, sheet) in book.sheets.enumerated() {
            let setup = sheet.print
            #expect(setup.orientation == "landscape" && setup.paperSize == 9, "\(sheet.name)")
            #expect(setup.fitToPage && setup.fitToWidth == 1 && setup.fitToHeight == 0, "\(sheet.name)")
            #expect(setup.titleRows == "$1:$1", "\(sheet.name)")
            #expect(setup.horizontalCentered)
            #expect(setup.header.center == "&A" && setup.footer.center == "第 &P 页，共 &N 页")
            let quoted = "'" + sheet.name + "'"
            #expect(book.definedNames.contains(DefinedName(name: "_xlnm.Print_Titles", localSheetId: "\(index)", value: "\(quoted)!$1:$1")))
        }
        // A provisional month's warning is above the header: the header row is the one repeated.
        let (provisional, _) = try workbook("2019-04", asOf: "2019-05-02")
        #expect(provisional.warnings == [])
        let lists = try provisional.sheet("红黑榜 2019年4月 临时")
        #expect(lists.print.titleRows == "$5:$5")
        let index = try #require(provisional.sheets.firstIndex { $0.name == lists.name })
        #expect(
            provisional.definedNames.contains(
                DefinedName(name: "_xlnm.Print_Titles", localSheetId: "\(index)", value: "'红黑榜 2019年4月 临时'!$5:$5")))
    }

    @Test func historySheetPerTier() throws {
        let (book, _) = try april()
        let township = try book.sheet("乡镇(街道) 近12个月")
        #expect(
            township.rows[0].map(\.value)
                == (["大厅编码", "大厅名称"]
                + [
                    "2018年5月", "2018年6月", "2018年7月", "2018年8月", "2018年9月", "2018年10月", "2018年11月", "2018年12月",
                    "2019年1月", "2019年2月", "2019年3月", "2019年4月",
                ] + ["目标"]).map(Value.text))
        // One row per hall of the tier, in registry order; empty when the hall had no data that month.
        #expect(
            township.rows.dropFirst().prefix(4).map { $0[0].value }
                == ["520502001000", "520502002000", "520502003000", "520502004000"].map(Value.text))
        let west = township.rows[1]
        #expect(west.dropFirst(2).prefix(8).allSatisfy { $0.value == nil })  // 2018-04 is outside the 12 months
        #expect(west[10...13].map(\.value) == [.number(1), .number(0.75), .number(0.5), .number(0.25)])
        #expect(west[10...13].map(\.format).allSatisfy { $0 == "0.00%" })
        #expect(west[13].fill == "FFFFF2CC" && west[12].fill == nil)  // below the 50% target in April only
        #expect(west[14].value == .number(0.5))
        #expect(township.row(startingWith: "低于目标")?[0].fill == "FFFFF2CC")
        let village = try book.sheet("村(居) 近12个月")
        #expect(village.rows[1][0].value == .text("520502001201") && village.rows[1][2...13].allSatisfy { $0.value == nil })
    }

    @Test func notReportingSheetListsTheSilentHalls() throws {
        let (book, _) = try workbook("2019-05")
        let silent = try book.sheet("未报送 2019年5月")
        #expect(silent.filter == "A1:F6")
        let rows = silent.rows.dropFirst().prefix(5)
        #expect(
            rows.map { $0[2].value } == ["520502000000", "520502001000", "520502002000", "520502003000", "520502004000"].map(Value.text))
        #expect(
            rows.first.map { $0.map(\.value) }
                == [.text("2019-05-01T00:00:00"), .text("区级"), .text("520502000000"), .text("七星关区政务服务中心"), .number(5), .number(0.6)])
        #expect(rows.first?[5].format == "0.00%")
        // In the league tables they are 未报送 (reported in April), light blue.
        let township = try book.sheet("乡镇(街道) 2019年5月")
        #expect(township.rows.dropFirst().prefix(4).allSatisfy { $0[8].value == .text("未报送") && $0[0].fill == "FFDDEBF7" })
    }

    @Test func provisionalMonthSaysSoAndPublishesNoLists() throws {
        let (book, _) = try workbook("2019-04", asOf: "2019-05-02")
        let sheets = book.sheets
        #expect(
            sheets.map(\.name) == [
                "区级 2019年4月 临时", "乡镇(街道) 2019年4月 临时", "村(居) 2019年4月 临时", "红黑榜 2019年4月 临时",
                "未报送 2019年4月 临时", "乡镇统筹 2019年4月 临时", "区级 近12个月 临时", "乡镇(街道) 近12个月 临时", "村(居) 近12个月 临时",
                "层级汇总", "数据校验异常汇总",
            ])
        // As of 2 May April is over but not closed: its exports may still be corrected until 5 May.
        let warning = Value.text("数据截至 4月18日。本月已结束，数据尚在补报期（5月5日 起为正式数据）：以下数字为临时数据，不发布红黑榜，名次与标记可能变化。")
        for sheet in sheets.prefix(9) {
            #expect(sheet.rows.first?.first?.value == warning, "\(sheet.name)")
            #expect(sheet.rows.first?.first?.fill == "FFFFD966")
            #expect(sheet.merged.contains { $0.hasPrefix("A1:") }, "\(sheet.name): the warning spans the table")
            #expect(sheet.row(startingWith: "临时数据")?.first?.fill == "FFFFD966", "\(sheet.name): the warning's fill is in the legend")
        }
        let township = try #require(sheets.first { $0.name.hasPrefix("乡镇") })
        #expect(township.freeze == "A3" && township.filter == "A2:O6")
        #expect(township.rows[1][0].value == .text("排名"))
        #expect(township.rows.dropFirst(2).prefix(4).allSatisfy { $0[14].value == .text("临时") })
        // No list is published: nobody is 红榜 or 黑榜, the black-list fill is unused.
        #expect(township.rows.dropFirst(2).prefix(4).allSatisfy { $0[0].fill != "FFA6A6A6" && $0[8].value?.text?.contains("榜") != true })
        let lists = try #require(sheets.first { $0.name.hasPrefix("红黑榜") })
        #expect(
            lists.rows.prefix(5).map { $0.first?.value } == [
                warning, .text("本月数据尚在补报期，暂不发布红黑榜；红黑榜自 5月5日 起随本月通报发布。"),
                .text("【区级】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"),
                .text("【村(居)】本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"), .text("月份"),
            ])
        let silent = try #require(sheets.first { $0.name.hasPrefix("未报送") })
        #expect(silent.rows[1].first?.value == .text("本月尚未结束，未报送在月份结束后判定。"))
        let history = try book.sheet("乡镇(街道) 近12个月 临时")
        #expect(history.rows[1][13].value == .text("2019年4月\n(临时)") && history.rows[1][12].value == .text("2019年3月"))
    }

    @Test func englishKeepsCodesAndNumericMonths() throws {
        let folder = try HallRateProcess.fixture("handmade")  // language: en
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--no-html"], in: folder).status == 0)
        let book = try read(folder.appendingPathComponent("Output/pipeline/report_2019-05.xlsx"))
        #expect(book.warnings == [])
        #expect(
            book.sheets.map(\.name) == [
                "district 2019-05", "township 2019-05", "village 2019-05", "Lists 2019-05", "Unreported 2019-05",
                "Townships 2019-05", "district 12 months", "township 12 months", "village 12 months", "Tier summary",
                "Validation rejects",
            ])
        let rejects = try book.sheet("Validation rejects")
        #expect(rejects.rows.first?.map(\.value) == ["reason", "reason_code", "source", "rows"].map(Value.text))
        #expect(rejects.rows[1].prefix(2).map(\.value) == [.text("bad_date"), .text("bad_date")])
        let township = try book.sheet("township 2019-05")
        #expect(township.rows[1][8].value == .text("not_reporting"))
        #expect(township.rows[1][7].value == nil)
        let summary = try book.sheet("Tier summary")
        #expect(summary.rows[1][0].format == "yyyy-mm")
        #expect(township.rows[0][7].value == .text("gap_pp"))
        #expect(township.print.footer.center == "Page &P of &N")
    }

    /// LibreOffice prints the workbook as a supervisor would: one page per sheet for the fixture, the
    /// district's one-row table on a single page (it took 2 before the print setup), the sheet's name as
    /// the page's title. Skipped, not passed, when LibreOffice or poppler-utils are missing.
    @Test func printsOnePagePerSheetInLibreOffice() throws {
        let tools = try WorkbookTests.run(["sh", "-c", "command -v soffice && command -v pdfinfo && command -v pdftotext"])
        guard tools.status == 0 else {
            let found = String(decoding: tools.output, as: UTF8.self)
            try Test.cancel(
                """
                skipped: LibreOffice (soffice) or poppler-utils (pdfinfo, pdftotext) is not installed; scripts/test.sh installs them \
                (status \(tools.status), found: \(found) \(tools.errors))
                """)
        }
        let (file, folder) = try workbookFile("2019-04")
        let pdfFolder = folder.appendingPathComponent("pdf")
        let profile = folder.appendingPathComponent("libreoffice-profile")  // its own profile: no lock shared with another soffice
        let conversion = try WorkbookTests.run([
            "timeout", "300", "soffice", "-env:UserInstallation=\(profile.absoluteString)",
            "--headless", "--convert-to", "pdf", "--outdir", pdfFolder.path, file.path,
        ])
        let pdf = pdfFolder.appendingPathComponent("report_2019-04.pdf")
        try #require(
            conversion.status == 0 && FileManager.default.fileExists(atPath: pdf.path),
            "soffice failed: \(conversion.status) \(conversion.errors)")
        let info = String(decoding: try WorkbookTests.run(["pdfinfo", pdf.path]).output, as: UTF8.self)
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        #expect(info.contains("(A4)"), "\(info)")
        #expect(pages == WorkbookTests.aprilSheets.count, "\(info)")  // measured: 11 pages, one per sheet
        // Each page's title (the printed header) is its sheet's name: no sheet runs onto a second page.
        var titles: [String] = []
        for page in 1...(pages ?? 0) {
            let text = String(
                decoding: try WorkbookTests.run(["pdftotext", "-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"]).output,
                as: UTF8.self)
            titles.append(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? "")
            #expect(text.contains("第 \(page) 页，共 \(pages ?? 0) 页"))
        }
        #expect(titles == WorkbookTests.aprilSheets)
        let district = String(
            decoding: try WorkbookTests.run(["pdftotext", "-f", "1", "-l", "1", "-layout", pdf.path, "-"]).output,
            as: UTF8.self)
        #expect(
            district.contains("七星关区政务服务中心") && district.contains("60.00%") && district.contains("-10.00")
                && district.contains("低于目标") && district.contains("图例"))
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
