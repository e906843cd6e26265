import Foundation
import Testing

/// The time-limit figures (contract rules 19–21) through the real command line: a pipeline with an item
/// catalogue writes `time_limits.csv` per hall and month, hand-computed here, and prints its reconciliation.
@Suite struct TimeLimitTests {
    @Test func aHallMonthsTimeLimitFiguresAsComputedByHand() throws {
        let folder = try Self.limitsFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "time limits: counted 6 = finished 3 (on time 1) + in progress 1 (overdue 1) + untimed 1 + uncatalogued 1 (reconciled)"),
            "\(result.standardOutput)")
        let rows = try HallRateProcess.values(of: folder.appendingPathComponent("Output/pipeline/time_limits.csv"))
        #expect(
            rows[0] == [
                "hall_code", "hall_name", "tier", "period", "counted", "catalogued", "uncatalogued", "finished", "on_time", "on_time_rate",
                "overdue_finished", "in_progress", "overdue_open", "due_soon", "untimed", "instant_share", "fully_online_share",
                "compression", "provisional", "township",
            ])
        // A1 on time (due 10 Oct); A2 a day late; A3 instant, finished the next day: late; A4 finished before it
        // was accepted: untimed; A5 uncatalogued; A6 open and overdue; A7 withdrawn, not counted.
        // instant 1 of 5 catalogued; fully online and handled online: A1; compression 1 − 5/20 over S5 and I.
        #expect(
            rows.dropFirst().map { Array($0[3...17]) } == [
                ["2019-09", "6", "5", "1", "3", "1", "0.3333", "2", "1", "1", "0", "1", "0.2000", "0.2000", "0.7500"]
            ])

        // The exception lists name each case with its id, deadline and days: A3 (instant, due the day it was
        // accepted) and A2, each a working day late; A6 open past its deadline as of the run.
        let output = folder.appendingPathComponent("Output/pipeline")
        let late = try HallRateProcess.values(of: output.appendingPathComponent("overdue_finished/2019-09.csv"))
        #expect(
            late == [
                [
                    "txn_id", "hall_code", "hall_name", "tier", "township", "period", "item_code", "item_name", "accepted",
                    "deadline", "completed", "days_late", "unit", "provisional",
                ],
                [
                    "A3", "520502001000", late[1][2], "township", "", "2019-09", "I", "户籍", "2019-09-26", "2019-09-26",
                    "2019-09-27 09:00", "1", "working days", "no",
                ],
                [
                    "A2", "520502001000", late[1][2], "township", "", "2019-09", "S5", "社保", "2019-09-27", "2019-10-10",
                    "2019-10-11 09:00", "1", "working days", "no",
                ],
            ])
        // The month's workbook has both lists as sheets, and the report a section with the worst cases.
        let book = try WorkbookTests().read(output.appendingPathComponent("report_2019-09.xlsx"))
        let lateSheet = try #require(book.sheets.first { $0.name.hasPrefix("Late ") })
        let openSheet = try #require(book.sheets.first { $0.name.hasPrefix("Overdue open ") })
        #expect(lateSheet.rows.compactMap { $0.first?.value?.text }.filter { $0.hasPrefix("A") } == ["A3", "A2"])
        #expect(openSheet.rows.contains { $0.prefix(2).map { $0.value?.text } == ["red", "A6"] })
        let html = try String(contentsOf: output.appendingPathComponent("report_2019-09.html"), encoding: .utf8)
        let section = try #require(html.range(of: "id=\"time-limits\"").map { String(html[$0.lowerBound...]) })
        #expect(section.contains("<td class=\"txn\">A2</td>") && section.contains("<td class=\"card red\">red</td>"))
        #expect(section.contains("3 were finished with a completion time, 1 of them on time (on-time rate 33.33%); 2 were finished late"))

        // Open cases as of a day: on 14 October 2019 A6 is 3 working days overdue (11, the make-up Saturday 12
        // and 14 October); on 9 October it is due the next working day (黄牌), on 10 October that day.
        for (asOf, expected) in [
            ("2019-10-14", ["red", "3", ""]), ("2019-10-09", ["yellow", "", "1"]), ("2019-10-10", ["yellow", "", "0"]),
        ] {
            #expect(try HallRateProcess.run(["run", "pipeline.yml", "--as-of", asOf, "--quiet"], in: folder).status == 0)
            let open = try HallRateProcess.values(of: output.appendingPathComponent("overdue_open/2019-09.csv"))
            #expect(
                open[0] == [
                    "card", "txn_id", "hall_code", "hall_name", "tier", "township", "period", "item_code", "item_name", "accepted",
                    "deadline", "days_overdue", "days_left", "unit", "as_of",
                ])
            #expect(
                open.dropFirst().map { [$0[0], $0[1], $0[10], $0[11], $0[12], $0[14]] } == [
                    [expected[0], "A6", "2019-10-10"] + expected[1...] + [asOf]
                ])
        }
        // With the catalogue, an item that can be applied for online counts its other transactions as missed.
        let items = try HallRateProcess.values(of: output.appendingPathComponent("items/2019-09.csv"))
        #expect(
            items.dropFirst().map { [$0[2], $0[4], $0[5], $0[7]] } == [["S5", "4", "1", "3"], ["I", "1", "0", "1"], ["X", "1", "0", ""]])

        // 按时办结率 with targets is a metric of the engine: its own long table, league tables, lists and summary.
        let pipeline0 = folder.appendingPathComponent("pipeline.yml")
        let original = try String(contentsOf: pipeline0, encoding: .utf8)
        try (original + "\non_time_targets: {district: 0.9, township: 0.8, village: 0.8}\nmin_volume: 2\n")
            .write(to: pipeline0, atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06", "--quiet"], in: folder).status == 0)
        let metric = folder.appendingPathComponent("Output/pipeline/metrics/on_time_rate")
        let long = try HallRateProcess.values(of: metric.appendingPathComponent("hall_months.csv"))
        #expect(Array(long[0].prefix(7)) == ["hall_code", "hall_name", "tier", "period", "finished", "on_time", "ratio"])
        #expect(
            long.dropFirst().map { Array($0[3...6]) + [$0[13], $0[14], $0[17]] } == [
                ["2019-09", "3", "1", "0.3333", "1", "below_target", "0.8000"]
            ])
        let league = try HallRateProcess.values(of: metric.appendingPathComponent("league/2019-09_township.csv"))
        #expect(league[1][1] == "520502001000" && league[1][0] == "1")
        // The first metric's tables are as before, and no 未报送 is listed for a figure that is not about reporting.
        #expect(try HallRateProcess.values(of: folder.appendingPathComponent("Output/pipeline/hall_months.csv"))[0][4] == "total")
        #expect(try HallRateProcess.values(of: metric.appendingPathComponent("not_reporting.csv")).count == 1)
        try original.write(to: pipeline0, atomically: true, encoding: .utf8)

        // The district closed on 10 October: S5's deadline moves to 11 October, and A2 is on time too.
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: pipeline, encoding: .utf8)
        try (text + "\ncalendar: {extra_closures: [2019-10-10]}\n").write(to: pipeline, atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06", "--quiet"], in: folder).status == 0)
        let closed = try HallRateProcess.values(of: folder.appendingPathComponent("Output/pipeline/time_limits.csv"))
        #expect(closed.dropFirst().map { Array($0[7...10]) } == [["3", "2", "0.6667", "1"]])

        // 按时办结率 needs the catalogue.
        try
            (text.replacingOccurrences(of: "catalogue: Input/catalogue.csv\n", with: "")
            + "\non_time_targets: {district: 0.9, township: 0.8, village: 0.8}\n")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let orphan = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(orphan.status == 2 && orphan.standardError.contains("on_time_targets needs the item catalogue"), "\(orphan.standardError)")

        // A day that is not a date is refused at its key, before anything is read.
        try (text + "\ncalendar: {extra_working_days: [2019-10-32]}\n").write(to: pipeline, atomically: true, encoding: .utf8)
        let bad = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(
            bad.status == 2 && bad.standardError.contains("'2019-10-32' is not a date YYYY-MM-DD (key calendar.extra_working_days[0])"),
            "\(bad.standardError)")
    }

    /// One township hall's September 2019 in a hand-made export, with a two-item catalogue (S5 promised in
    /// 5 of 20 legal working days, fully online; I instant) and a pipeline that reads it.
    static func limitsFolder() throws -> URL {
        let folder = try HallRateProcess.fixture("handmade")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/exports"))
        let exports = folder.appendingPathComponent("Input/limits")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try """
        编号,大厅,渠道,受理时间,状态,更新时间,办结时间,事项编码
        A1,520502001000,网上,2019-09-27 09:00:00,办结,,2019-10-10 16:00:00,S5
        A2,520502001000,窗口,2019-09-27 10:00:00,办结,,2019-10-11 09:00:00,S5
        A3,520502001000,窗口,2019-09-26 09:00:00,办结,,2019-09-27 09:00:00,I
        A4,520502001000,窗口,2019-09-27 11:00:00,办结,,2019-09-26 11:00:00,S5
        A5,520502001000,窗口,2019-09-27 12:00:00,办结,,2019-09-27 13:00:00,X
        A6,520502001000,窗口,2019-09-27 14:00:00,在办,,,S5
        A7,520502001000,窗口,2019-09-27 15:00:00,撤件,,,S5

        """.write(to: exports.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        try """
        item_code,item_name,kind,promised_limit,legal_limit,limit_unit,online_capable,fully_online
        S5,社保,承诺件,5,20,工作日,是,是
        I,户籍,即办件,0,0,工作日,是,否

        """.write(to: folder.appendingPathComponent("Input/catalogue.csv"), atomically: true, encoding: .utf8)
        try """
        registry: Input/halls.csv
        catalogue: Input/catalogue.csv
        targets: {district: 0.7, township: 0.5, village: 0.3}
        sources:
          - name: limits
            glob: Input/limits/*.csv
            columns: {txn_id: 编号, hall_code: 大厅, channel: 渠道, accepted_at: 受理时间, status: 状态, updated_at: 更新时间,
                      completed_at: 办结时间, item_code: 事项编码}
            values:
              channel: {窗口: window, 网上: online}
              status: {办结: completed, 在办: in_progress, 撤件: withdrawn}
            date_formats: ["yyyy-MM-dd HH:mm:ss"]
        output: {language: en}
        """.write(to: folder.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func everyTimeLimitRatioIsRankedWhenThePipelineGivesItTargets() throws {
        let folder = try Self.limitsFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: pipeline, encoding: .utf8)
        try
            (text + """

                instant_share_targets: {district: 0.5, township: 0.1, village: 0.1}
                fully_online_share_targets: {district: 0.5, township: 0.5, village: 0.5}
                compression_targets: {district: 0.5, township: 0.5, village: 0.5}
                min_volume: {district: 2, township: 2, village: 2}

                """).write(to: pipeline, atomically: true, encoding: .utf8)
        // 市东街道 reports one transaction, of an item outside the catalogue: no figure of any catalogue metric.
        try """
        编号,大厅,渠道,受理时间,状态,更新时间,办结时间,事项编码
        B1,520502002000,窗口,2019-09-27 09:00:00,办结,,2019-09-27 10:00:00,X

        """.write(to: folder.appendingPathComponent("Input/limits/b.csv"), atomically: true, encoding: .utf8)
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let metrics = folder.appendingPathComponent("Output/pipeline/metrics")
        func long(_ id: String) throws -> [[String]] {
            try HallRateProcess.values(of: metrics.appendingPathComponent("\(id)/hall_months.csv"))
        }
        // No on_time_targets: 按时办结率 stays unranked (time_limits.csv only).
        #expect(!FileManager.default.fileExists(atPath: metrics.appendingPathComponent("on_time_rate").path))
        // 即办件率: instant I (A3) of 5 catalogued, above the township's 10 %; 全程网办率: A1 of 5, below 50 %.
        let instant = try long("instant_share")
        #expect(Array(instant[0].prefix(7)) == ["hall_code", "hall_name", "tier", "period", "catalogued", "instant", "ratio"])
        #expect(instant.dropFirst().map { Array($0[4...6]) + [$0[13], $0[14]] } == [["5", "1", "0.2000", "1", ""]])
        let online = try long("fully_online_share")
        #expect(Array(online[0][4...5]) == ["catalogued", "fully_online"])
        #expect(online.dropFirst().map { Array($0[4...6]) + [$0[13], $0[14]] } == [["5", "1", "0.2000", "1", "below_target"]])
        // 承诺时限压缩率 over the distinct items S5 (5 of 20 days) and I (0 of 0): 15 of 20 days taken off;
        // ranked on the 5 catalogued transactions, which the table shows before the days.
        let compression = try long("compression")
        #expect(
            Array(compression[0].prefix(8)) == [
                "hall_code", "hall_name", "tier", "period", "catalogued", "legal_days", "compressed_days", "ratio",
            ])
        #expect(compression.dropFirst().map { Array($0[4...7]) + [$0[14], $0[15]] } == [["5", "20", "15", "0.7500", "1", ""]])
        // The league table keeps every township: 市东街道 reported, so it has no figure (no_figure), not 无报送;
        // 三板桥街道 reported nothing (no_data).
        let league = try HallRateProcess.values(of: metrics.appendingPathComponent("instant_share/league/2019-09_township.csv"))
        let code = try #require(league.first?.firstIndex(of: "hall_code"))
        let flag = try #require(league.first?.firstIndex(of: "flags"))
        let flags = Dictionary(uniqueKeysWithValues: league.dropFirst().map { ($0[code], $0[flag]) })
        #expect(flags["520502001000"] == "")
        #expect(flags["520502002000"] == "no_figure")
        #expect(flags["520502003000"] == "no_data")

        // min_volume counts catalogued transactions, not days: with 6, the 20 legal days do not rank the hall.
        try
            (text + """

                compression_targets: {district: 0.5, township: 0.5, village: 0.5}
                min_volume: {district: 6, township: 6, village: 6}

                """).write(to: pipeline, atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06", "--quiet"], in: folder).status == 0)
        #expect(try long("compression").dropFirst().map { [$0[14], $0[15]] } == [["", "insufficient_volume"]])
        #expect(!FileManager.default.fileExists(atPath: metrics.appendingPathComponent("instant_share").path))

        // Each needs the catalogue, and says so at its key.
        try
            (text.replacingOccurrences(of: "catalogue: Input/catalogue.csv\n", with: "")
            + "\nfully_online_share_targets: {district: 0.9, township: 0.8, village: 0.8}\n")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let orphan = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(
            orphan.status == 2 && orphan.standardError.contains("fully_online_share_targets needs the item catalogue"),
            "\(orphan.standardError)")
    }

    /// A registry × months too large for the counter's flat tables (more than 2¹⁸ hall-month cells) is counted
    /// in dictionaries instead: the same figures and lists as the flat tables give with a small registry.
    @Test func aRegistryTooLargeForTheFlatTablesCountsTheSame() throws {
        let folder = try Self.limitsFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same cases in January 2019 and in December 2020 too: 24 months.
        let export = folder.appendingPathComponent("Input/limits/a.csv")
        let text = try String(contentsOf: export, encoding: .utf8)
        let body = text.split(separator: "\n").dropFirst().joined(separator: "\n")
        try
            (text
            + body.replacingOccurrences(of: "A", with: "J").replacingOccurrences(of: "2019-09-2", with: "2019-01-2")
            .replacingOccurrences(of: "2019-10-1", with: "2019-02-1") + "\n"
            + body.replacingOccurrences(of: "A", with: "D").replacingOccurrences(of: "2019-09-2", with: "2020-12-2")
            .replacingOccurrences(of: "2019-10-1", with: "2021-01-1") + "\n")
            .write(to: export, atomically: true, encoding: .utf8)
        let run = { (output: String) throws -> [String: [[String]]] in
            let result = try HallRateProcess.run(
                ["run", "pipeline.yml", "--as-of", "2026-12-06", "--output", output, "-q", "--no-xlsx", "--no-html"], in: folder)
            #expect(result.status == 0, "\(result.standardError)")
            var tables: [String: [[String]]] = [:]
            let out = folder.appendingPathComponent(output)
            for name in try FileManager.default.subpathsOfDirectory(atPath: out.path)
            where name == "time_limits.csv" || name.hasPrefix("overdue_") && name.hasSuffix(".csv") {
                tables[name] = try HallRateProcess.values(of: out.appendingPathComponent(name))
            }
            return tables
        }
        let flat = try run("Output/small")
        // 11,000 more village stations: 11,006 halls × 24 months = 264,144 cells > 2¹⁸.
        let registry = folder.appendingPathComponent("Input/halls.csv")
        let villages = (0..<11_000).map { "52059900\(String(format: "%04d", $0)),模拟村\($0)便民服务站,village,520502001000" }
        try (String(contentsOf: registry, encoding: .utf8) + villages.joined(separator: "\n") + "\n")
            .write(to: registry, atomically: true, encoding: .utf8)
        let dictionaries = try run("Output/large")
        #expect(flat["time_limits.csv"]?.count == 4, "three hall-months and the header")
        #expect(flat.count > 40 && dictionaries == flat)
    }

    /// An export whose 办件编号 is an ID number (a system that numbers cases by the applicant): the late case
    /// is listed with the number masked, and no output nor the store holds it whole (rule 21's "ID numbers
    /// never appear").
    @Test func aCaseNumberedByAnIDNumberIsListedMasked() throws {
        let folder = try Self.limitsFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("Input/limits/a.csv")
        let id = "520502198803150012"
        try String(contentsOf: export, encoding: .utf8).replacingOccurrences(of: "A2,", with: "\(id),")
            .write(to: export, atomically: true, encoding: .utf8)
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--as-of", "2026-12-06", "-q"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let output = folder.appendingPathComponent("Output/pipeline")
        let late = try HallRateProcess.values(of: output.appendingPathComponent("overdue_finished/2019-09.csv"))
        #expect(late.dropFirst().map(\.first) == ["A3", "520502********0012"])
        for name in try FileManager.default.subpathsOfDirectory(atPath: output.path) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path, isDirectory: &isFolder),
                !isFolder.boolValue
            else { continue }
            let bytes = try Data(contentsOf: output.appendingPathComponent(name))
            #expect(bytes.range(of: Data(id.utf8)) == nil, "\(name) holds the ID number")
        }
    }
}
