import Foundation
import Logging
import Testing
@testable import HallRateCore

/// The self-contained HTML report (`HTMLReportWriter`) on the hand-made fixture: nothing fetched,
/// data escaped, the sections a supervisor reads, and a clean render in headless Chromium.
@Suite struct HTMLReportTests {
    /// The fixture's report, built in process with the public API.
    static let fixture: Result<HTMLReportFixture, any Error> = Result { try HTMLReportFixture.build("handmade") }

    let built: HTMLReportFixture
    let writer: HTMLReportWriter

    init() throws {
        built = try Self.fixture.get()
        writer = HTMLReportWriter(pipelineName: built.pipeline.name, language: .zh)
    }

    /// The page's section for a tier: from its `<section>` to the next one.
    func section(_ html: String, _ tier: Tier) throws -> Substring {
        let start = try #require(html.range(of: "<section class=\"tier\" id=\"tier-\(tier.rawValue)\">"))
        let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)?.upperBound ?? html.endIndex
        return html[start.lowerBound..<end]
    }

    /// The text between `open` and `close` at each occurrence, in order.
    func captures(_ text: Substring, _ open: String, _ close: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let start = rest.range(of: open), let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) {
            found.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    @Test func pageFetchesNothingAndIsDeterministic() throws {
        let html = writer.html(built.report, period: nil)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif"))
        for forbidden in ["<script", "<link", "src=", "url(", "@import", "<iframe", "<img", "<object"] {
            #expect(!html.lowercased().contains(forbidden), "the page must not contain \(forbidden)")
        }
        // The only URL text is the escaped hall name: every `http` follows an escaped quote.
        for scheme in ["http://", "https://"] {
            let occurrences = html.components(separatedBy: scheme).dropLast()
            #expect(occurrences.allSatisfy { $0.hasSuffix("&quot;") }, "\(scheme) outside escaped text")
        }
        #expect(!html.contains("href=\"http"))
        // No timestamp: the same report gives the same bytes.
        #expect(writer.html(built.report, period: nil) == html)
        let rebuilt = try HTMLReportFixture.build("handmade")
        #expect(writer.html(rebuilt.report, period: nil) == html)
    }

    @Test func dataTextIsEscaped() throws {
        let html = writer.html(built.report, period: Period(year: 2019, month: 4))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(!html.contains("\"http://x\""))
        #expect(!html.contains("=HYPERLINK(\""))
        #expect(HTMLEscaping.escape("<a href='x'>&\u{1}") == "&lt;a href=&#39;x&#39;&gt;&amp;\u{FFFD}")
    }

    @Test func sectionsForEachTierWithChartsTablesAndLists() throws {
        let html = writer.html(built.report, period: Period(year: 2019, month: 4))
        #expect(html.contains("<dd>2019-04</dd>"))
        #expect(html.contains("<dd>pipeline</dd>"))
        // One trend chart per tier with data, each with its dashed target; the village's first row is in May.
        for tier in [Tier.district, .township] {
            let part = try section(html, tier)
            #expect(captures(part, "<svg class=\"chart\"", "</svg>").count == 1, "\(tier)")
            #expect(part.contains("<line class=\"target\""))
        }
        let village = try section(html, .village)
        #expect(!village.contains("<svg class=\"chart\"") && village.contains("本层级无数据"))
        let may = try section(writer.html(built.report, period: nil), .village)
        #expect(captures(may, "<svg class=\"chart\"", "</svg>").count == 1)
        let township = try section(html, .township)
        // Small multiples: one per hall of the tier.
        #expect(captures(township, "<svg class=\"spark\"", "</svg>").count == 4)
        // The league table in rank order (ties by volume, the unranked hall last), with marks.
        let league = try #require(captures(township, "<table class=\"league\">", "</table>").first)
        #expect(captures(league[...], "<td class=\"code\">", "</td>")
            == ["520502003000", "520502002000", "520502001000", "520502004000"])
        #expect(league.contains("<th>大厅名称</th>") && league.contains("网上办事率") && league.contains("环比(百分点)"))
        // 市西街道: 1/4 below the 0.5 target and on the black list: bold row, hatched, ■ and ▼.
        let row = try #require(captures(league[...], "<tr class=\"below black\">", "</tr>").first)
        #expect(row.contains("520502001000") && row.contains("■") && row.contains("▼"))
        #expect(row.contains("25.0%") && row.contains("−25.00") && row.contains("低于目标、连续下降"))
        // Red and black lists of the month, with the bottom streak.
        let red = try #require(captures(township, "<table class=\"list-red\">", "</table>").first)
        #expect(red.contains("三板桥街道政务服务中心") && red.contains("市东街道政务服务中心"))
        let black = try #require(captures(township, "<table class=\"list-black\">", "</table>").first)
        #expect(black.contains("市西街道政务服务中心") && black.contains("<td class=\"num streak\">4</td>"))
        #expect(township.contains("连续垫底月数"))
        // Projection: a falling slope never reaches the target.
        let projection = try #require(captures(township, "<table class=\"projection\">", "</table>").first)
        #expect(projection.contains("市西街道政务服务中心") && projection.contains("按当前趋势无法达标"))
    }

    @Test func projectionMonthFollowsTheSlope() {
        let april = Period(year: 2019, month: 4)
        #expect(TargetProjection.project(ratio: 0.40, target: 0.5, slopePP: 2.5, from: april)
            == .reaches(Period(year: 2019, month: 8), months: 4))
        // 5 pp at 2.5 pp a month is exactly 2 months, despite binary rounding.
        #expect(TargetProjection.project(ratio: 0.45, target: 0.5, slopePP: 2.5, from: april)
            == .reaches(Period(year: 2019, month: 6), months: 2))
        #expect(TargetProjection.project(ratio: 0.45, target: 0.5, slopePP: 3, from: april)
            == .reaches(Period(year: 2019, month: 6), months: 2))
        #expect(TargetProjection.project(ratio: 0.2, target: 0.3, slopePP: 0, from: april) == .never)
        #expect(TargetProjection.project(ratio: 0.2, target: 0.3, slopePP: nil, from: april) == .never)
        #expect(TargetProjection.project(ratio: 0.2, target: 0.3, slopePP: -1, from: april) == .never)
        let words = HTMLReportWords(language: .zh)
        #expect(words.outlook(.reaches(Period(year: 2019, month: 8), months: 4)) == "预计 2019-08 达标")
        #expect(words.outlook(.never) == "按当前趋势无法达标")
    }

    @Test func englishLabels() {
        let english = HTMLReportWriter(pipelineName: "p", language: .en)
        let html = english.html(built.report, period: nil)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("League table") && html.contains("Black list") && !html.contains("排名表"))
    }

    @Test func writesTheFileAtomically() throws {
        let path = built.folder.appendingPathComponent("Output/html/report.html").path
        try writer.write(built.report, period: nil, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: bytes, as: UTF8.self) == writer.html(built.report, period: nil))
    }

    @Test func rendersInHeadlessChromium() throws {
        let html = built.folder.appendingPathComponent("report.html")
        let png = built.folder.appendingPathComponent("report.png")
        try writer.write(built.report, period: Period(year: 2019, month: 4), to: html.path)
        let result = try HTMLReportFixture.render(html, to: png)
        if result.status == 3 {
            try Test.cancel("skipped: headless Chromium is not available here (scripts/render-report.sh exit 3): \(result.output)")
        }
        #expect(result.status == 0, "render-report.sh: \(result.output)")
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "the screenshot is \(size) bytes")
        #expect(!result.output.contains("Uncaught") && !result.output.contains("ERROR:CONSOLE"))
    }

    /// Writes the demo report and its screenshot when `HALLRATE_DEMO_REPORT` names a folder
    /// (`report.html`, `report.png`); used to refresh `docs/report-screenshot.png`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HALLRATE_DEMO_REPORT"] != nil))
    func demoReport() throws {
        let target = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HALLRATE_DEMO_REPORT"] ?? "")
        let demo = try HTMLReportFixture.build(root: HTMLReportFixture.packageRoot, pipeline: "Pipelines/default.yml",
                                               output: target.appendingPathComponent("run").path)
        let writer = HTMLReportWriter(pipelineName: demo.pipeline.name, language: demo.pipeline.output.language)
        let html = target.appendingPathComponent("report.html")
        try writer.write(demo.report, period: nil, to: html.path)
        let result = try HTMLReportFixture.render(html, to: target.appendingPathComponent("report.png"))
        #expect(result.status == 0, "render-report.sh: \(result.output)")
    }
}

/// A pipeline run in process, and its ``SupervisionReport`` rebuilt with the public API.
struct HTMLReportFixture {
    let folder: URL
    let pipeline: Pipeline
    let report: SupervisionReport

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh copy of the fixture folder `name`, run.
    static func build(_ name: String) throws -> HTMLReportFixture {
        let folder = try HallRateProcess.fixture(name)
        return try build(root: folder, pipeline: "pipeline.yml", output: folder.appendingPathComponent("Output/html-test").path)
    }

    /// Runs `pipeline` under `root` into `output`, then rebuilds the report from the long table's counts:
    /// the run writes the CSVs but does not hand back its report.
    static func build(root: URL, pipeline path: String, output: String) throws -> HTMLReportFixture {
        var pipeline = try PipelineLoader(root: root.path).load(root.appendingPathComponent(path).path)
        pipeline.output.move(to: output)
        _ = try PipelineRunner(pipeline: pipeline, root: root.path, logger: Logger(label: "html-test") { _ in SwiftLogNoOpLogHandler() }).run()
        let registry = try #require(PipelineChecker(pipeline: pipeline, root: root.path).check().registry)
        var counts: [HallPeriod: ChannelStatusCounts] = [:]
        for row in try HallRateProcess.rows(of: URL(fileURLWithPath: output + "/hall_months.csv")).dropFirst() {
            guard row.count > 5, let hall = registry.index(ofCode: row[0]), let period = Period(row[3]),
                  let total = Int(row[4]), let online = Int(row[5]) else { continue }
            var cell = ChannelStatusCounts()
            cell.add(.online, .completed, count: online)
            cell.add(.window, .completed, count: total - online)
            counts[HallPeriod(hall: hall, period: period)] = cell
        }
        // Long after the data: every month closed.
        let closing = MonthClosing(asOf: CalendarDate(year: 2026, month: 12, day: 6) ?? CalendarDate(days: 0),
                                   closeAfterDays: pipeline.closeAfterDays)
        let report = PipelineRunner.analyse(counts, registry: registry, pipeline: pipeline, closing: closing)
        return HTMLReportFixture(folder: root, pipeline: pipeline, report: report)
    }

    /// Runs `scripts/render-report.sh html png`; its exit status and everything it printed.
    static func render(_ html: URL, to png: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("scripts/render-report.sh")
        process.arguments = [html.path, png.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
