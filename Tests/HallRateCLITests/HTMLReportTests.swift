import Foundation
import Logging
import Testing

@testable import HallRateCore

/// The self-contained HTML report (`HTMLReportWriter`) on the hand-made fixture: nothing fetched,
/// data escaped, the sections a supervisor reads, and a clean render in headless Chromium.
@Suite struct HTMLReportTests {
    /// The fixture's report, built in process with the package API.
    static let fixture: Result<HTMLReportFixture, any Error> = Result { try HTMLReportFixture.build("handmade") }

    let built: HTMLReportFixture
    let writer: HTMLReportWriter

    init() throws {
        built = try Self.fixture.get()
        writer = HTMLReportWriter(pipelineName: built.pipeline.name, language: .zh)
    }

    /// The page's section for a tier: from its `<section>` to the next one.
    func section(_ html: String, _ tier: Tier) throws -> Substring {
        let marker = try #require(html.range(of: "\" id=\"tier-\(tier.rawValue)\">"))
        let start = try #require(html.range(of: "<section class=\"tier", options: .backwards, range: html.startIndex..<marker.lowerBound))
        let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)?.upperBound ?? html.endIndex
        return html[start.lowerBound..<end]
    }

    /// The red and black lists of a tier on page one: from its block to the next tier's or the section's end.
    func listsBlock(_ html: String, _ tier: Tier) throws -> Substring {
        let start = try #require(html.range(of: "<div class=\"tier-lists\" id=\"lists-\(tier.rawValue)\">"))
        let next = html.range(of: "<div class=\"tier-lists\"", range: start.upperBound..<html.endIndex)?.lowerBound
        let end = next ?? html.range(of: "</section>", range: start.upperBound..<html.endIndex)?.upperBound ?? html.endIndex
        return html[start.lowerBound..<end]
    }

    /// HTML without its tags: a name whose kind suffix sits in a span reads whole.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
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
        #expect(html.contains("<dd>2019年4月</dd>"))
        // The pipeline's name is provenance, in the footer, not in the leader-facing heading.
        #expect(!html.contains("<dd>pipeline</dd>") && html.contains("由 hallrate 生成，流水线 pipeline。"))
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
        #expect(
            captures(league[...], "<td class=\"code\">", "</td>")
                == ["520502003000", "520502002000", "520502001000", "520502004000"])
        #expect(league.contains("<th class=\"hall-name\">大厅名称</th>") && league.contains("网上办事率") && league.contains("环比(百分点)"))
        #expect(league.contains("<th class=\"num\">距目标(百分点)</th>"))
        #expect(league.contains("<th class=\"num\">同比(百分点)</th>") && league.contains("<th class=\"num\">名次变化</th>"))
        // 名次变化 against March: 三板桥 2 → 1, 市东 1 → 1, 市西 2 → 3, the unranked hall has none.
        #expect(
            captures(league[...], "<td class=\"num change\"", "</td>").map { $0.split(separator: ">").last.map(String.init) ?? "" }
                == ["↑1", "持平", "↓1", "—"])
        // 市西街道: 1/4 below the 0.5 target and on the black list: bold row, hatched, ■ and ▼; a year ago 0/4.
        let row = try #require(captures(league[...], "<tr class=\"below black\">", "</tr>").first)
        #expect(row.contains("520502001000") && row.contains("■") && row.contains("▼"))
        #expect(row.contains("25.00%") && row.contains("−25.00") && row.contains("+25.00"))
        #expect(row.contains("<td class=\"num gap\">低 25.00</td>"))
        // Below target is the row's ▼ and 「低 25.00」; the flags column says the rest.
        #expect(row.contains("<td class=\"flags\"><span class=\"flag\">连续下降</span></td>"))
        // Too little volume says the threshold where it appears (the fixture ranks from 4 transactions).
        #expect(league.contains("<span class=\"flag\">办件量不足<span class=\"flag-note\">（少于4件）</span></span>"))
        // Every hall with figures has its gap in words, never a bare minus (the unranked hall's too).
        #expect(captures(league[...], "<td class=\"num gap\">", "</td>") == ["达标", "达标", "低 25.00", "达标"])
        // Red and black lists of the month, on page one; 市西 is on the black list for the first time (at its target in March).
        let lists = try listsBlock(html, .township)
        let red = try #require(captures(lists, "<table class=\"list-red\">", "</table>").first)
        #expect(Self.text(red).contains("三板桥街道政务服务中心") && Self.text(red).contains("市东街道政务服务中心"))
        let black = try #require(captures(lists, "<table class=\"list-black\">", "</table>").first)
        #expect(Self.text(black).contains("市西街道政务服务中心") && black.contains("<td class=\"num streak\">1</td>"))
        #expect(lists.contains("<th class=\"num\">连续上黑榜月数</th>") && !lists.contains("连续垫底"))
        // The lists come before any tier's detail: page one carries the verdict.
        #expect(
            try #require(html.range(of: "<section id=\"lists\"")).lowerBound
                < (try #require(html.range(of: "<section class=\"tier")).lowerBound))
        // The tier's trajectory: falling, so never at this trend; the district has one month of data.
        #expect(township.contains("<p class=\"note trajectory\">层级达标趋势：斜率 −18.54 百分点/月，按当前趋势无法达标。</p>"))
        #expect(try section(html, .district).contains("层级达标趋势：近六个月数据不足，无法判断趋势。"))
        // Projection: a falling slope never reaches the target.
        let projection = try #require(captures(township, "<table class=\"projection\">", "</table>").first)
        #expect(projection.contains("市西街道政务服务中心") && projection.contains("按当前趋势无法达标"))
    }

    @Test func closedMonthIsABulletinThatSaysWhatTheListsMean() throws {
        let html = writer.html(built.report, period: Period(year: 2019, month: 4))
        #expect(html.contains("<title>政务服务大厅网上办事率监测通报 · 2019年4月</title>"))
        #expect(html.contains("<h1>政务服务大厅网上办事率监测通报 · 2019年4月</h1>"))
        #expect(!html.contains("预警") && !html.contains("class=\"provisional-banner\"") && !html.contains("临时"))
        // The fixture ranks from 4 transactions, lists 1 hall (ties take the whole tie), and needs 3 ranked halls.
        let township = try listsBlock(html, .township)
        #expect(
            captures(township, "<p class=\"list-meaning\">", "</p>") == [
                "红榜：本层级参与排名（办件量不少于 4 件）且达到目标（50%）的大厅中，网上办事率前 1 名，并列者同列。",
                "黑榜：本层级参与排名（办件量不少于 4 件）且低于目标（50%）的大厅中，网上办事率最低的 1 名，并列者同列；"
                    + "达到目标的大厅不上黑榜。连续上黑榜月数只计已结束的月份。",
            ])
        // The district centre is alone in its tier: never any lists, and the page says why.
        let district = try listsBlock(html, .district)
        #expect(district.contains("<p class=\"no-lists\">本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。</p>"))
        // January: one ranked township hall of four: no lists that month.
        let january = try listsBlock(writer.html(built.report, period: Period(year: 2019, month: 1)), .township)
        #expect(january.contains("<p class=\"no-lists\">本月本层级参与排名的大厅不足 3 个，不设红黑榜。</p>"))
        #expect(
            !district.contains("class=\"list-red\"") && !district.contains("class=\"list-black\"")
                && !district.contains("class=\"list-meaning\""))
        // March: three ranked halls, all at their target: a red list and no black list, said so.
        let march = try listsBlock(writer.html(built.report, period: Period(year: 2019, month: 3)), .township)
        #expect(march.contains("<table class=\"list-red\">") && !march.contains("<table class=\"list-black\">"))
        #expect(march.contains("<p class=\"empty\">参与排名的大厅均已达标，本月无黑榜。</p>"))
        // The legend says what the marks mean now.
        #expect(html.contains("红榜（参与排名且达到目标的前 1 名）") && html.contains("黑榜（参与排名且低于目标的末 1 名）"))
    }

    @Test func townshipsAreRankedWithTheirVillagesAndListThem() throws {
        let html = writer.html(built.report, period: Period(year: 2019, month: 5))
        let part = try #require(captures(html[...], "<section class=\"tier rollup\" id=\"township-rollup\">", "</section>").first)
        #expect(html.contains("<a href=\"#township-rollup\">乡镇统筹</a>"))
        // May: only the village 碧海社区 reported; its township 市西街道 has it as its roll-up, unranked (1 < 4).
        let rows = captures(part[...], "<tbody>", "</tbody>").first ?? ""
        #expect(captures(rows[...], "<tr>", "</tr>").count == 1)
        #expect(
            rows.contains(
                "<td class=\"num\">—</td><td class=\"hall-name\">市西街道<span class=\"name-suffix\">政务服务中心</span></td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100.00%</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td>"
            ))
        #expect(
            part.contains(
                "<div class=\"township\"><h3>市西街道政务服务中心</h3><p class=\"villages\"><span class=\"village\">碧海社区便民服务站 100.00%</span></p></div>"
            ))
        // The 简报 leaves the roll-up to the full report.
        var brief = writer
        brief.layout = .brief
        #expect(!brief.html(built.report, period: Period(year: 2019, month: 5)).contains("township-rollup"))
    }

    /// The hall of each black-list row in `html` (its list table and its league rows), with the ratio shown.
    func blackRows(_ html: String, _ tier: Tier) throws -> [(name: String, ratio: Double)] {
        let part = try section(html, tier)
        let lists = try listsBlock(html, tier)
        func percent(_ text: String) -> Double? {
            text.range(of: #"[0-9.]+%"#, options: .regularExpression).flatMap { Double(text[$0].dropLast()) }.map { $0 / 100 }
        }
        var rows: [(String, Double)] = []
        for table in captures(lists, "<table class=\"list-black\">", "</table>") {
            for row in captures(table[...], "<tr><td class=\"num\">", "</tr>") {
                let cells = captures(row[...], "<td", "</td>").map { Self.text(String($0.split(separator: ">", maxSplits: 1).last ?? "")) }
                // cells: name, ratio, streak (the rank cell was consumed by the row's opening).
                if cells.count >= 2, let ratio = percent(cells[1]) { rows.append((cells[0], ratio)) }
            }
        }
        for row in captures(part, "<tr class=\"below black", "</tr>") {
            // The name's kind suffix is in a span that print hides.
            let name = (captures(row[...], "<td class=\"hall-name\">", "</td>").first ?? "")
                .replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
            // The ratio cell: a bar (whose width is also a percentage), then the ratio as text.
            let cell = captures(row[...], "<td class=\"num\"><span class=\"bar\"", "</td>").first ?? ""
            if let ratio = percent(cell.components(separatedBy: "</span>").last ?? "") {
                rows.append((name, ratio))
            }
        }
        return rows
    }

    @Test func noBlackListRowMeetsItsTarget() throws {
        var checked = 0
        for period in built.report.periods {
            let html = writer.html(built.report, period: period)
            for tier in Tier.allCases where !built.report.registry.indices(of: tier).isEmpty {
                let target = try #require(built.report.targets.target(tier, in: period))
                for row in try blackRows(html, tier) {
                    checked += 1
                    #expect(row.ratio < target.doubleValue, "\(period) \(tier): \(row.name) at \(row.ratio) is on the black list")
                    let hall = try #require(built.report.registry.index(ofName: HTMLReportFixture.unescaped(row.name)))
                    let figures = try #require(built.report.hallMonths.first { $0.hall == hall && $0.period == period })
                    #expect(figures.exactRatio.isLess(than: target), "\(period) \(tier): \(row.name)")
                }
            }
        }
        #expect(checked == 2)  // April's 市西街道, in the list and in the league table: the check ran
    }

    /// A report in which the fixture's last month (May) is provisional, and one in which April and May are.
    static let provisionalCases: [(asOf: String, period: String, cutoff: String)] = [
        ("2019-06-02", "2019-05", "5月1日"), ("2019-05-02", "2019-04", "4月18日"), ("2019-05-20", "2019-05", "5月1日"),
    ]

    @Test(arguments: provisionalCases)
    func provisionalMonthIsAWarningWithoutLists(_ asOf: String, _ period: String, _ cutoff: String) throws {
        let day = try #require(CalendarDate(asOf))
        let month = try #require(Period(period))
        let built = try HTMLReportFixture.build("handmade", asOf: day)
        #expect(!built.report.closing.isClosed(month))
        let html = writer.html(built.report, period: month)
        #expect(html.contains("<title>政务服务大厅网上办事率监测预警 · \(month.year)年\(month.month)月</title>"))
        #expect(!html.contains("通报 ·"))
        let banner = try #require(captures(html[...], "<div class=\"provisional-banner\" role=\"note\">", "</div>").first)
        // A month whose last day is past is in its correction period (补报期) until it closes, not "not over".
        let ended = built.report.closing.hasEnded(month)
        let closes = "\(month.advanced(by: 1).month)月5日"
        #expect(
            banner.contains(
                ended
                    ? "数据截至 \(cutoff)。本月已结束，数据尚在补报期（\(closes) 起为正式数据）：以下数字为临时数据，不发布红黑榜，名次与标记可能变化。"
                    : "数据截至 \(cutoff)，本月尚未结束：以下数字为临时数据，不发布红黑榜，名次与标记可能变化。"))
        #expect(ended == (asOf != "2019-05-20"))
        // No list tables, no list marks in the league tables, the reason in every tier instead.
        #expect(!html.contains("class=\"list-red\"") && !html.contains("class=\"list-black\"") && !html.contains("class=\"list-meaning\""))
        #expect(!html.contains("<span title=\"红榜\">★</span>") && !html.contains("<span title=\"黑榜\">■</span>"))
        if period == "2019-04" {
            // A hall whose data stop before the tier's cut-off (4月18日) says so: its export may be missing.
            #expect(try section(html, .township).contains("<td class=\"flags\">数据截至4月14日</td>"))
        }
        // A tier of one hall never gets lists, open month or not: the page must not promise them.
        #expect(
            try listsBlock(html, .township).contains(
                (ended ? "本月数据尚在补报期，暂不发布红黑榜；" : "本月尚未结束，不发布红黑榜；")
                    + "红黑榜自 \(closes) 起随本月通报发布。"))
        for tier in [Tier.district, .village] {
            #expect(try listsBlock(html, tier).contains("本层级只有 1 个大厅，少于设榜所需的 3 个参与排名大厅，不设红黑榜。"))
            #expect(try !listsBlock(html, tier).contains("起随本月通报发布"))
        }
        for tier in Tier.allCases {
            #expect(try section(html, tier).contains("<span class=\"provisional-chip\">临时数据</span>"))
        }
        #expect(html.contains("本月尚未结束，未报送在月份结束后判定。") && !html.contains("<table class=\"not-reporting\">"))
        // April closed, the same page is the bulletin with the township's lists.
        if period == "2019-04" {
            let closed = writer.html(self.built.report, period: month)
            #expect(closed.contains("<table class=\"list-black\">") && !closed.contains("class=\"provisional-banner\""))
        }
    }

    @Test func notReportingListsTheHallsOfTheReport() throws {
        let may = Period(year: 2019, month: 5)
        let silent = built.report.notReporting.filter { $0.period == may }
        #expect(silent.count == 5)  // every hall of April but the village station, which reported in May only
        let html = writer.html(built.report, period: may)
        let part = try #require(captures(html[...], "<section id=\"not-reporting\" class=\"alert\">", "</section>").first)
        // Before the tier sections.
        let notReporting = try #require(html.range(of: "<section id=\"not-reporting\""))
        let firstTier = try #require(html.range(of: "<section class=\"tier"))
        #expect(notReporting.lowerBound < firstTier.lowerBound)
        let table = try #require(captures(part[...], "<table class=\"not-reporting\">", "</table>").first)
        #expect(captures(table[...], "<td class=\"code\">", "</td>") == silent.map { built.report.registry[$0.hall].code })
        #expect(
            table.contains(
                "<tr><td>区级</td><td class=\"code\">520502000000</td><td class=\"hall-name\">✕ 七星关区政务服务中心</td><td class=\"num\">5</td>"))
        #expect(table.contains("=HYPERLINK(&quot;http://x&quot;)"))
        // April: everyone of March reported.
        #expect(built.report.notReporting.filter { $0.period == Period(year: 2019, month: 4) }.isEmpty)
        let april = writer.html(built.report, period: Period(year: 2019, month: 4))
        #expect(april.contains("<p class=\"empty\">上月报送的大厅本月均已报送。</p>"))
        #expect(!april.contains("<table class=\"not-reporting\">"))
    }

    @Test func projectionMonthFollowsTheSlope() {
        let april = Period(year: 2019, month: 4)
        #expect(
            TargetProjection.project(ratio: 0.40, target: 0.5, slopePP: 2.5, from: april)
                == .reaches(Period(year: 2019, month: 8), months: 4))
        // 5 pp at 2.5 pp a month is exactly 2 months, despite binary rounding.
        #expect(
            TargetProjection.project(ratio: 0.45, target: 0.5, slopePP: 2.5, from: april)
                == .reaches(Period(year: 2019, month: 6), months: 2))
        #expect(
            TargetProjection.project(ratio: 0.45, target: 0.5, slopePP: 3, from: april)
                == .reaches(Period(year: 2019, month: 6), months: 2))
        #expect(TargetProjection.project(ratio: 0.2, target: 0.3, slopePP: 0, from: april) == .never)
        #expect(TargetProjection.project(ratio: 0.2, target: 0.3, slopePP: nil, from: april) == .never)
        #expect(TargetProjection.project(ratio: 0.2, target: 0.3, slopePP: -1, from: april) == .never)
        let words = HTMLReportWords(language: .zh)
        #expect(words.outlook(.reaches(Period(year: 2019, month: 8), months: 4)) == "预计2019年8月达标")
        #expect(words.outlook(.never) == "按当前趋势无法达标")
    }

    @Test func englishLabels() throws {
        let english = HTMLReportWriter(pipelineName: "p", language: .en)
        let html = english.html(built.report, period: Period(year: 2019, month: 4))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("League table") && html.contains("Black list") && !html.contains("排名表"))
        #expect(html.contains("Monthly Bulletin") && html.contains("Months on the black list") && html.contains("Year on year (pp)"))
        #expect(html.contains("Red list: of the tier&#39;s ranked halls") || html.contains("Red list: of the tier's ranked halls"))
        let provisional = try HTMLReportFixture.build("handmade", asOf: CalendarDate(year: 2019, month: 6, day: 2))
        let warning = english.html(provisional.report, period: Period(year: 2019, month: 5))
        #expect(
            warning.contains("Early Warning")
                && warning.contains("Data up to 1 May. The month is over but its exports may still be corrected until 5 Jun"))
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
}

/// A pipeline run in process, and its ``SupervisionReport`` rebuilt with the package API.
struct HTMLReportFixture {
    let folder: URL
    let pipeline: Pipeline
    let report: SupervisionReport

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh copy of the fixture folder `name`, run as of `asOf` (long after the data when nil: every month closed).
    static func build(_ name: String, asOf: CalendarDate? = nil) throws -> HTMLReportFixture {
        let folder = try HallRateProcess.fixture(name)
        return try build(
            root: folder, pipeline: "pipeline.yml", output: folder.appendingPathComponent("Output/html-test").path,
            asOf: asOf)
    }

    /// Data text as the page escapes it, read back.
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Runs `pipeline` under `root` into `output`, then rebuilds the report from the long table's counts:
    /// the run writes the CSVs but does not hand back its report.
    static func build(root: URL, pipeline path: String, output: String, asOf: CalendarDate? = nil) throws -> HTMLReportFixture {
        var pipeline = try PipelineLoader(root: root.path).load(root.appendingPathComponent(path).path)
        pipeline.output.move(to: output)
        var runner = PipelineRunner(
            pipeline: pipeline, root: root.path, logger: Logger(label: "html-test") { _ in SwiftLogNoOpLogHandler() })
        // Long after the data by default: every month closed.
        let asOf = asOf ?? CalendarDate(year: 2026, month: 12, day: 6) ?? CalendarDate(days: 0)
        runner.options.asOf = asOf
        _ = try runner.run()
        let registry = try #require(PipelineChecker(pipeline: pipeline, root: root.path).check().registry)
        var counts: [HallPeriod: ChannelStatusCounts] = [:]
        var latestDays: [HallPeriod: Int] = [:]
        for row in try HallRateProcess.values(of: URL(fileURLWithPath: output + "/hall_months.csv")).dropFirst() {
            guard row.count > 5, let hall = registry.index(ofCode: row[0]), let period = Period(row[3]),
                let total = Int(row[4]), let online = Int(row[5])
            else { continue }
            var cell = ChannelStatusCounts()
            cell.add(.online, .completed, count: online)
            cell.add(.window, .completed, count: total - online)
            counts[HallPeriod(hall: hall, period: period)] = cell
            // data_cutoff, written for provisional months only.
            if row.count > 19, let day = CalendarDate(row[19]) { latestDays[HallPeriod(hall: hall, period: period)] = day.civil.day }
        }
        let closing = MonthClosing(asOf: asOf, closeAfterDays: pipeline.closeAfterDays)
        let report = MetricEngine(metric: pipeline.metric, pipeline: pipeline, registry: registry, closing: closing)
            .report(counts, latestDays: latestDays)
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
