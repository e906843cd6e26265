import Foundation
import Testing

/// The 通报 as the supervision office issues it (issue 12): its heading and text, the PDF a leader
/// receives (A4, page counts, a first page that is not blank and carries the verdict), the page on a
/// 390 px phone, and CSVs an analyst joins in Excel. Real binaries throughout: hallrate, Chromium,
/// poppler's pdfinfo, pdftotext and pdftoppm.
@Suite(.serialized) struct BulletinTests {
    /// The handmade fixture in Chinese, headed by a `report:` section.
    func headedFixture(_ extra: String = "") throws -> URL {
        let folder = try HallRateProcess.fixture("handmade")
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        let text =
            try String(contentsOf: pipeline, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: zh")
                + """
                report:
                  region: 七星关区
                  issuer: 七星关区政务服务管理办公室
                  issue_number: "{year}年第{month}期"
                  contact: 联系人：督查科　电话：0857-8888888
                \(extra)
                """
        try text.write(to: pipeline, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theBulletinTextHeadsThePageAndIsWrittenForPasting() throws {
        let folder = try headedFixture()
        let run = try HallRateProcess.run(["run", "pipeline.yml", "-q", "--as-of", "2026-12-06"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let output = folder.appendingPathComponent("Output/pipeline")
        let april = try HallRateProcess.run(["report", "pipeline.yml", "--period", "2019-04", "--as-of", "2026-12-06"], in: folder)
        #expect(april.status == 0, "\(april.standardError)")
        for name in ["report_2019-05.html", "report_2019-05_brief.html", "report_2019-05.txt", "report_2019-04.txt"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)")
        }
        let text = try String(contentsOf: output.appendingPathComponent("report_2019-04.txt"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "七星关区政务服务大厅网上办事率监测通报（2019年4月）")
        // A closed month's report is dated the day the month closed (4月30日 + 5 days), whenever it is rebuilt.
        #expect(lines[1] == "七星关区政务服务管理办公室　2019年第4期　报告日期：2019年5月5日　数据截至：2019年4月30日")
        // The whole district's figures are the tier summary's, summed.
        let summary = try HallRateProcess.values(of: output.appendingPathComponent("tier_summary.csv")).filter { $0[0] == "2019-04" }
        let total = summary.compactMap { Int($0[4]) }.reduce(0, +)
        let online = summary.compactMap { Int($0[5]) }.reduce(0, +)
        #expect(lines[3].hasPrefix("　　2019年4月，全区各级政务服务大厅共有效办件\(total)件，其中网上办理\(online)件，网上办事率"))
        // April: 市西 is blacklisted and falling three months running; the district is named as one hall.
        #expect(text.contains("黑榜：乡镇（街道）层级为市西街道政务服务中心。"))
        // The whole run of falls, not the flag's threshold: February, March and April.
        #expect(text.contains("网上办事率持续下降：市西街道政务服务中心自2月起连续3个月下降。"))
        #expect(text.contains("区级政务服务中心网上办事率") && !text.contains("区级政务服务中心报送大厅"))
        #expect(text.contains("乡镇（街道）层级报送大厅4个（参与排名3个），网上办事率44.44%，低于目标5.56个百分点，其中1个大厅低于目标（市西街道政务服务中心）"))
        #expect(lines.last(where: { !$0.isEmpty }) == "联系人：督查科　电话：0857-8888888")
        // May: the five halls of April that sent nothing are named for follow-up.
        let may = try String(contentsOf: output.appendingPathComponent("report_2019-05.txt"), encoding: .utf8)
        #expect(may.contains("本月未报送办件数据，请督促核实。"))

        // The page: the office's heading, Chinese dates, the same paragraphs, the pipeline only in the footer.
        let html = try String(contentsOf: output.appendingPathComponent("report_2019-04.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"issuer\">七星关区政务服务管理办公室</div>"))
        #expect(html.contains("<h1>七星关区政务服务大厅网上办事率监测通报 · 2019年4月</h1>"))
        #expect(html.contains("<span class=\"issue\">2019年第4期</span><span class=\"date\">报告日期：2019年5月5日</span>"))
        #expect(html.contains("<dt>数据截至</dt><dd>2019年4月30日</dd>"))
        let masthead = try #require(html.components(separatedBy: "</header>").first?.components(separatedBy: "<header").last)
        #expect(!masthead.contains("2019-04") && !masthead.contains("流水线") && !masthead.contains("hallrate"))
        for paragraph in lines.dropFirst(3) where paragraph.hasPrefix("　　") {
            #expect(html.contains("<p>\(paragraph.dropFirst(2))</p>"), "\(paragraph)")
        }
        #expect(html.contains("<p class=\"contact\">联系人：督查科　电话：0857-8888888</p>"))
        #expect(html.contains("由 hallrate 生成，流水线 pipeline，依据 2 个导出文件（校验值 SHA-256 见 manifest.json）。"))
        // The early warning of a month in its correction period has no issue number and is dated the day it was made.
        let early = try HallRateProcess.run(["report", "pipeline.yml", "--period", "2019-04", "--as-of", "2019-05-02"], in: folder)
        #expect(early.status == 0, "\(early.standardError)")
        let warning = try String(contentsOf: output.appendingPathComponent("report_2019-04.txt"), encoding: .utf8)
        #expect(warning.hasPrefix("七星关区政务服务大厅网上办事率监测预警（2019年4月）\r\n七星关区政务服务管理办公室　报告日期：2019年5月2日　数据截至：2019年4月"))
        #expect(warning.contains("本月数据尚在补报期，5月5日起发布正式通报及红黑榜。"))
        // The 简报: the verdict without the tiers' detail, with every hall below target and its gap.
        let brief = try String(contentsOf: output.appendingPathComponent("report_2019-04_brief.html"), encoding: .utf8)
        #expect(brief.contains("（简报） · 2019年4月</h1>") && brief.contains("<section id=\"lists\""))
        #expect(!brief.contains("<section class=\"tier") && brief.contains("<section id=\"below-target\""))
        #expect(
            brief.contains(
                "<span class=\"hall-name\">市西街道政务服务中心</span><span class=\"num\">25.00%</span><span class=\"num gap\">低 25.00</span>"))
    }

    @Test func aBadReportSectionIsRefusedAtItsLine() throws {
        let folder = try headedFixture("  regoin: 毕节市\n")
        let check = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(check.status == 2)
        #expect(
            check.standardError.contains("pipeline.yml:") && check.standardError.contains("unknown key 'regoin'; did you mean 'region'?"))
        let pattern = try HallRateProcess.fixture("handmade")
        try (String(contentsOf: pattern.appendingPathComponent("pipeline.yml"), encoding: .utf8) + "report: {issue_number: \"第{n}期\"}\n")
            .write(to: pattern.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
        let bad = try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: pattern)
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("report.issue_number") && bad.standardError.contains("may use only {year} and {month}"))
    }

    // MARK: PDF

    /// Runs `tool arguments…` from PATH; nil when the tool is not installed.
    static func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        let which = Process()
        which.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        which.arguments = ["which", name]
        which.standardOutput = FileHandle.nullDevice
        which.standardError = FileHandle.nullDevice
        try which.run()
        which.waitUntilExit()
        guard which.terminationStatus == 0 else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Cancels the test unless Chromium and poppler are installed (scripts/test.sh installs them).
    func requirePrinting() throws {
        let missing = ["chromium", "pdfinfo", "pdftotext", "pdftoppm"].filter { (try? Self.tool("which", [$0]))??.status != 0 }
        if !missing.isEmpty { try Test.cancel("skipped: \(missing.joined(separator: ", ")) not installed (scripts/test.sh installs them)") }
    }

    /// What a leader's PDF reader would see: page count, every page's size, page one's text, and how much
    /// of page one is ink.
    struct PrintedPDF {
        let pages: Int
        let pageSizes: [String]
        let firstPageText: String
        let firstPageInk: Double

        init(_ url: URL) throws {
            let info = try #require(try BulletinTests.tool("pdfinfo", ["-f", "1", "-l", "99", url.path]))
            pages = Int(info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
            pageSizes = info.output.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
                .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
            firstPageText = try #require(try BulletinTests.tool("pdftotext", ["-f", "1", "-l", "1", "-layout", url.path, "-"])).output
            // Page one in gray at 30 dpi (a PGM): the share of pixels darker than mid-gray.
            let stem = url.deletingPathExtension().path + "-page1"
            _ = try BulletinTests.tool("pdftoppm", ["-f", "1", "-l", "1", "-r", "30", "-gray", "-singlefile", url.path, stem])
            let pgm = try [UInt8](Data(contentsOf: URL(fileURLWithPath: stem + ".pgm")))
            // Header: P5, width, height, maxval, each followed by whitespace; then one byte a pixel.
            var fields = 0
            var index = 0
            while fields < 4, index < pgm.count {
                while index < pgm.count, pgm[index] == 0x20 || pgm[index] == 0x0A { index += 1 }
                while index < pgm.count, pgm[index] != 0x20 && pgm[index] != 0x0A { index += 1 }
                fields += 1
            }
            let pixels = pgm[min(index + 1, pgm.count)...]
            firstPageInk = Double(pixels.filter { $0 < 128 }.count) / Double(max(pixels.count, 1))
        }
    }

    @Test func theDemoPrintsToA4WithTheVerdictOnPageOne() throws {
        try requirePrinting()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-pdf-\(UUID().uuidString)")
        let run = try HallRateProcess.run(
            ["run", "Pipelines/default.yml", "--output", output.path, "-q", "--as-of", "2026-12-06", "--pdf"],
            in: DemoTests.repository)
        #expect(run.status == 0, "\(run.standardError)")
        let full = try PrintedPDF(output.appendingPathComponent("report_2019-11.pdf"))
        let brief = try PrintedPDF(output.appendingPathComponent("report_2019-11_brief.pdf"))
        // Measured: 7 pages, the last the items holding the rate down and 办结时限 (13 when Chromium printed the old page
        // on Letter); the 简报 2.
        #expect((3...7).contains(full.pages), "\(full.pages) pages")
        #expect((1...2).contains(brief.pages), "\(brief.pages) pages")
        for pdf in [full, brief] {
            #expect(pdf.pageSizes.count == pdf.pages && pdf.pageSizes.allSatisfy { $0.hasSuffix("(A4)") }, "\(pdf.pageSizes)")
            #expect(pdf.firstPageInk > 0.02, "page one is \(pdf.firstPageInk * 100)% ink: blank?")
            #expect(pdf.firstPageText.contains("七星关区政务服务管理办公室") && pdf.firstPageText.contains("2019年第11期"))
        }
        // Page one carries the bulletin, the tier cards and the red and black lists of every tier.
        let first = full.firstPageText
        #expect(first.contains("全区各级政务服务大厅共有效办件") && first.contains("总览") && first.contains("红黑榜"))
        #expect(first.contains("撒拉溪镇政务服务中心") && first.contains("市东街道百花社区便民服务站"))
    }

    @Test func a164StationDistrictStillPrintsInAFewPages() throws {
        try requirePrinting()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-164-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        let generator = Process()
        generator.executableURL = HallRateProcess.productsDirectory.appendingPathComponent("hallrate-gen")
        // 183 halls: the district centre, 18 townships and 164 village stations, 14 months.
        generator.arguments = [
            "bench", "--rows", "60000", "--halls", "183", "--months", "14", "--out", folder.appendingPathComponent("data/export.csv").path,
        ]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        #expect(generator.terminationStatus == 0)
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("data/export.csv.halls.csv"), to: folder.appendingPathComponent("halls.csv"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("data/export.csv.catalogue.csv"))
        let source = try String(contentsOf: DemoTests.repository.appendingPathComponent("scripts/bench/csv-source.yml"), encoding: .utf8)
            .replacingOccurrences(of: "@GLOB@", with: "data/*.csv")
        try
            ("""
        name: county
        registry: halls.csv
        targets: {district: 0.80, township: 0.85, village: 0.82}
        report: {region: 七星关区, issuer: 七星关区政务服务管理办公室, pdf: true}
        sources:

        """ + source).write(to: folder.appendingPathComponent("county.yml"), atomically: true, encoding: .utf8)
        let run = try HallRateProcess.run(["run", "county.yml", "-q", "--as-of", "2026-12-06"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let villages = try HallRateProcess.rows(of: folder.appendingPathComponent("halls.csv")).filter { $0[2] == "village" }
        #expect(villages.count == 164)
        let output = folder.appendingPathComponent("Output/county")
        let full = try PrintedPDF(output.appendingPathComponent("report_2019-02.pdf"))
        let brief = try PrintedPDF(output.appendingPathComponent("report_2019-02_brief.pdf"))
        // Measured: 13 pages (31 before): 164 league rows, 76 village stations below these targets each with
        // its projection, the 乡镇统筹 of 18 townships and the items; the 简报 2, naming the 30 lowest of a tier.
        #expect((4...14).contains(full.pages), "\(full.pages) pages")
        #expect((1...2).contains(brief.pages), "\(brief.pages) pages")
        #expect(full.pageSizes.allSatisfy { $0.hasSuffix("(A4)") } && full.firstPageInk > 0.02)
    }

    @Test func pdfWithoutChromiumNamesThePackageToInstall() throws {
        let folder = try headedFixture()
        let run = try HallRateProcess.run(["run", "pipeline.yml", "-q", "--pdf"], in: folder, environment: ["PATH": "/nonexistent"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("PDF needs Chromium, which is not installed: install Debian's package chromium"))
        // A pipeline that prints PDFs on every run is checked for Chromium, at its key.
        let printing = try headedFixture("  pdf: true\n")
        let check = try HallRateProcess.run(["check", "pipeline.yml"], in: printing, environment: ["PATH": "/nonexistent"])
        #expect(check.status == 2)
        #expect(
            check.standardError.contains("pipeline.yml:") && check.standardError.contains("(key report.pdf)")
                && check.standardError.contains("install Debian's package chromium"), "\(check.standardError)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Output/pipeline").path).filter {
            $0.hasSuffix(".pdf")
        }
        #expect(pdfs.isEmpty)
    }

    // MARK: Phone

    @Test func onA390PixelPhoneNothingScrollsSidewaysButTheTables() throws {
        try requirePrinting()
        let folder = try headedFixture()
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--as-of", "2026-12-06"], in: folder).status == 0)
        let output = folder.appendingPathComponent("Output/pipeline")
        for page in ["report_2019-05.html", "report_2019-05_brief.html"] {
            let measured = try Self.measure(
                page, in: output, width: 390, height: 844,
                script: """
                    var wide = [];
                    d.querySelectorAll("body *").forEach(function (e) {
                      if (e.getBoundingClientRect().right > w.innerWidth + 0.5 && !e.closest(".table-wrap,.chart-wrap")) wide.push(e.tagName + "." + e.className);
                    });
                    var name = d.querySelector("table.league td.hall-name"), chart = d.querySelector("svg.chart");
                    return [w.innerWidth, d.documentElement.scrollWidth, name ? w.getComputedStyle(name).position : "none",
                      chart ? Math.round(chart.getBoundingClientRect().width) : 0, wide.slice(0, 3).join(" ")].join("|");
                    """)
            let fields = measured.components(separatedBy: "|")
            try #require(fields.count == 5, "\(measured)")
            #expect(fields[0] == "390")
            #expect((Int(fields[1]) ?? 999) <= 390, "\(page): the page is \(fields[1]) px wide at 390 px")
            #expect(fields[4].isEmpty, "\(page): wider than the screen: \(fields[4])")
            if page == "report_2019-05.html" {
                #expect(fields[2] == "sticky", "the hall's name stays in view while the league table scrolls")
                #expect((Int(fields[3]) ?? 0) >= 560, "the chart keeps a readable width (\(fields[3]) px) and scrolls")
            }
        }
    }

    /// Under print styles, at A4's printable width (186 mm = 703 CSS px), nothing is wider than the page:
    /// otherwise Chromium shrinks every page to fit and the text prints smaller than designed.
    @Test func printedPagesFitA4WithoutShrinking() throws {
        try requirePrinting()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-print-\(UUID().uuidString)")
        let run = try HallRateProcess.run(
            ["run", "Pipelines/default.yml", "--output", output.path, "-q", "--no-xlsx"], in: DemoTests.repository)
        #expect(run.status == 0, "\(run.standardError)")
        for page in ["report_2019-11.html", "report_2019-11_brief.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            try html.replacingOccurrences(of: "@media print {", with: "@media all {")
                .write(to: output.appendingPathComponent("print-\(page)"), atomically: true, encoding: .utf8)
            let measured = try Self.measure(
                "print-\(page)", in: output, width: 703, height: 1000,
                script: """
                    return d.documentElement.scrollWidth + "|" + Math.round(d.getElementById("lists").getBoundingClientRect().bottom);
                    """)
            let fields = measured.components(separatedBy: "|").compactMap { Int($0) }
            try #require(fields.count == 2, "\(measured)")
            #expect(fields[0] <= 703, "\(page) is \(fields[0]) px wide in print")
            if page == "report_2019-11.html" {
                // A4's printable height is 268 mm = 1013 px: the red and black lists end on page one.
                #expect(fields[1] <= 1013, "the lists end at \(fields[1]) px")
            }
        }
    }

    /// Loads `page` (a file in `folder`) in headless Chromium inside a frame of `width` × `height` CSS px
    /// and returns what `script` returns, run once it has loaded with `d` its document and `w` its window.
    /// (Headless Chromium will not make its own window narrower than 500 px; a frame can be.)
    static func measure(_ page: String, in folder: URL, width: Int, height: Int, script: String) throws -> String {
        let probe = folder.appendingPathComponent("probe-\(width)-\(page)")
        try """
        <!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="\(page)" style="border:0;width:\(width)px;height:\(height)px"></iframe>
        <script>
        document.getElementById("f").addEventListener("load", function () {
          var d = this.contentDocument, w = this.contentWindow;
          document.body.setAttribute("data-measured", (function () { \(script) })());
        });
        </script></body></html>
        """.write(to: probe, atomically: true, encoding: .utf8)
        let dom = try #require(
            try tool(
                "chromium",
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                    "--window-size=\(max(width, 500) + 100),\(height)", "--virtual-time-budget=5000", "--dump-dom",
                    probe.absoluteString,
                ]))
        return try #require(dom.output.components(separatedBy: "data-measured=\"").dropFirst().first?.components(separatedBy: "\"").first)
    }

    // MARK: CSVs

    @Test func codesAndMonthsAreExcelTextInEveryChineseCSVAndTheyJoin() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-csv-\(UUID().uuidString)")
        let run = try HallRateProcess.run(
            ["run", "Pipelines/default.yml", "--output", output.path, "-q", "--no-xlsx", "--no-html"],
            in: DemoTests.repository)
        #expect(run.status == 0, "\(run.standardError)")
        // Column of the code and of the month in each table (nil: none).
        let tables: [(String, code: Int, month: Int?)] = [
            ("hall_months.csv", 0, 3), ("red_black_lists.csv", 4, 0),
            ("not_reporting.csv", 2, 0), ("league/2019-11_township.csv", 1, nil),
            ("league/2019-11_village.csv", 1, nil),
        ]
        for (name, code, month) in tables {
            let text = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            let raw = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
            #expect(!raw.isEmpty, "\(name)")
            #expect(raw.allSatisfy { $0[code].range(of: #"^="[0-9]{12}"$"#, options: .regularExpression) != nil }, "\(name): codes")
            if let month {
                #expect(
                    raw.allSatisfy { $0[month].range(of: #"^="20[0-9]{2}-[0-9]{2}"$"#, options: .regularExpression) != nil },
                    "\(name): months")
            }
        }
        let tierSummary = try String(contentsOf: output.appendingPathComponent("tier_summary.csv"), encoding: .utf8)
        #expect(tierSummary.contains("\r\n=\"2019-11\",乡镇(街道),"))
        // A VLOOKUP from a league table into the long table finds every ranked hall, with the same ratio.
        let long = try HallRateProcess.rows(of: output.appendingPathComponent("hall_months.csv"))
        var ratios: [String: String] = [:]
        for row in long.dropFirst() where row[3] == "=2019-11" { ratios[row[0]] = row[6] }
        let league = try HallRateProcess.rows(of: output.appendingPathComponent("league/2019-11_township.csv")).dropFirst()
        #expect(league.count == 16)
        for row in league { #expect(ratios[row[1]] == row[5], "\(row[1])") }
    }

    @Test func englishCSVsStayPlainAndPercentIsAnOption() throws {
        let folder = try HallRateProcess.fixture("handmade")  // language: en, for programs
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--no-xlsx", "--no-html"], in: folder).status == 0)
        let plain = try HallRateProcess.rows(of: folder.appendingPathComponent("Output/pipeline/hall_months.csv"))
        #expect(
            plain[1][0] == "520502000000" && plain[1][3] == "2019-04"
                && plain[1][6].range(of: #"^[01]\.[0-9]{4}$"#, options: .regularExpression) != nil)
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        try String(contentsOf: pipeline, encoding: .utf8).replacingOccurrences(
            of: "output: {language: en}", with: "output: {language: en, percent: true, csv_codes: excel}"
        )
        .write(to: pipeline, atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--no-xlsx", "--no-html"], in: folder).status == 0)
        let percent = try HallRateProcess.rows(of: folder.appendingPathComponent("Output/pipeline/hall_months.csv"))
        #expect(percent[1][0] == "=520502000000" && percent[1][3] == "=2019-04")
        #expect(
            zip(plain.dropFirst(), percent.dropFirst()).allSatisfy { old, new in
                // 0.2500 → 25.00%: the same digits, the point moved.
                guard let fraction = Double(old[6]), new[6].hasSuffix("%"), let shown = Double(new[6].dropLast()) else { return false }
                return abs(fraction * 100 - shown) < 1e-9 && new[17].hasSuffix("%")
            })
    }
}
