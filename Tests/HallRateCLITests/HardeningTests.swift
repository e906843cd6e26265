import Foundation
import Logging
import Testing

@testable import HallRateCore

/// Hostile or damaged inputs found by an adversarial review (issue 16): each ends in a clear error or
/// a located reject, never in silently lost data. Every test here failed before its fix.
@Suite struct HardeningTests {
    let folder: URL

    init() throws {
        folder = try HallRateProcess.fixture("handmade")
    }

    func run(_ arguments: [String]) throws -> HallRateProcess.Result {
        try HallRateProcess.run(arguments, in: folder)
    }

    /// Replaces `old` by `new` in the fixture file at `path`.
    func edit(_ path: String, _ old: String, _ new: String) throws {
        let file = folder.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(path) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// H3: an unclosed quote in the registry used to swallow every hall after it, `check` passing and
    /// their rows turning into unknown_hall rejects.
    @Test(arguments: ["check", "run"])
    func aRegistryWithAnUnclosedQuoteIsRefusedAtItsLine(command: String) throws {
        try edit("Input/halls.csv", "520502001201,碧海社区便民服务站", "520502001201,\"碧海社区便民服务站")
        let result = try run([command, "pipeline.yml"])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("Input/halls.csv:7:"), "\(result.standardError)")
        #expect(result.standardError.contains("never closed"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/pipeline/hall_months.csv").path))
    }

    @Test func aRegistryValueSpanningLinesIsRefused() throws {
        // The quote opened on line 4 closes at the next quote, on line 6: two halls would vanish into a name.
        try edit("Input/halls.csv", "520502002000,市东街道政务服务中心", "520502002000,\"市东街道政务服务中心")
        let result = try run(["check", "pipeline.yml"])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(
            result.standardError.contains("Input/halls.csv:4:2: error: a value of this row spans several lines"),
            "\(result.standardError)")
    }

    /// H4: one row dated 2109 used to become "the latest month", with a report for 2109-11 and thousands
    /// of empty league tables.
    @Test func anAbsurdDateIsABadDateNotTheLatestMonth() throws {
        let export = folder.appendingPathComponent("Input/exports/a.csv")
        var text = try String(contentsOf: export, encoding: .utf8)
        text += "FUTURE-1,520502001000,网上,2109-11-05 10:00:00,办结,,\nPAST-1,520502001000,网上,1999-12-31 23:59:59,办结,,\n"
        try text.write(to: export, atomically: true, encoding: .utf8)
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("months: 2018-04 to 2019-05"), "\(result.standardOutput)")
        let output = folder.appendingPathComponent("Output/pipeline")
        let rejects = try HallRateProcess.rows(of: output.appendingPathComponent("rejects.csv"))
        let dates = rejects.filter { $0.count > 3 && $0[2] == "bad_date" && $0[3].contains("outside the plausible dates") }
        #expect(dates.count == 2, "\(rejects)")
        #expect(dates.first?[3].contains("'2109-11-05 10:00:00' is outside the plausible dates 2000-01-01 to ") == true)
        let leagues = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("league").path)
        #expect(leagues.allSatisfy { $0.hasPrefix("2018-") || $0.hasPrefix("2019-") }, "\(leagues.count) league files")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("report_2109-11.html").path))
    }

    @Test func theEarliestPlausibleMonthIsASetting() throws {
        try edit("pipeline.yml", "list_size: 1", "list_size: 1\nearliest_month: 2019-01")
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("months: 2019-01 to 2019-05"), "\(result.standardOutput)")
        try edit("pipeline.yml", "earliest_month: 2019-01", "earliest_month: 2019-1")
        let bad = try run(["check", "pipeline.yml"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("(key earliest_month)"), "\(bad.standardError)")
    }

    /// H2: an export whose name is GBK (as Windows or a zip saves it) used to be skipped in silence:
    /// not read, not in the manifest, no warning.
    @Test func aFileNamedInGBKIsRefusedByNameNotIgnored() throws {
        // 七星关区_2019年2月.csv in GBK.
        let name: [UInt8] = [
            0xC6, 0xDF, 0xD0, 0xC7, 0xB9, 0xD8, 0xC7, 0xF8, 0x5F, 0x32, 0x30, 0x31, 0x39, 0xC4, 0xEA, 0x32,
            0xD4, 0xC2, 0x2E, 0x63, 0x73, 0x76,
        ]
        let path = Array((folder.appendingPathComponent("Input/exports").path + "/").utf8) + name + [0]
        let content = Array("编号,大厅,渠道,受理时间,状态,更新时间,证件号\nG-1,520502001000,网上,2019-02-11 09:00:00,办结,,\n".utf8)
        let written = path.withUnsafeBufferPointer { path -> Int in
            guard let base = path.baseAddress else { return -1 }
            let fd = open(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY | O_TRUNC, 0o644)
            guard fd >= 0 else { return -1 }
            defer { close(fd) }
            return content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
        #expect(written == content.count)
        let shown = "Input/exports/\\xC6\\xDF\\xD0\\xC7\\xB9\\xD8\\xC7\\xF8_2019\\xC4\\xEA2\\xD4\\xC2.csv"
        let check = try run(["check", "pipeline.yml"])
        #expect(check.status == 2)
        #expect(check.standardError.contains(shown + ":1: error: the file name is not valid UTF-8"), "\(check.standardError)")
        for _ in 1...2 {  // the second run finds it in the store, unchanged
            let result = try run(["run", "pipeline.yml"])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("files: 3 ("), "\(result.standardOutput)")
            #expect(result.standardOutput.contains("1 refused"), "\(result.standardOutput)")
            let rejects = try HallRateProcess.rows(of: folder.appendingPathComponent("Output/pipeline/rejects.csv"))
            #expect(rejects.contains { $0.first == shown && $0.count > 2 && $0[2] == "file_refused" }, "\(rejects)")
        }
    }

    /// M5: a quote left open on row 11 used to swallow the rest of the file as one reject that said
    /// nothing of how much it took.
    @Test func aQuoteLeftOpenSaysHowManyLinesItSwallowed() throws {
        var lines = ["编号,大厅,渠道,受理时间,状态,更新时间,证件号"]
        for i in 1...2000 { lines.append("Q-\(i),520502001000,网上,2019-03-20 10:00:00,办结,,") }
        lines[11] = "Q-11,\"520502001000,网上,2019-03-20 10:00:00,办结,,"
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("Input/exports/c.csv"),
            atomically: true, encoding: .utf8)
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("a quote left open swallowed the end of the file"), "\(result.standardError)")
        let rejects = try HallRateProcess.rows(of: folder.appendingPathComponent("Output/pipeline/rejects.csv"))
        let open = try #require(rejects.first { $0.first == "Input/exports/c.csv" && $0.count > 3 && $0[2] == "malformed_record" })
        #expect(open[1] == "12")
        #expect(open[3].contains("lines 12 to 2001 (1990 lines) were swallowed into it"), "\(open[3])")
    }

    /// M3: a file naming more than 65,536 halls used to fail the whole run with "SQLite 1".
    @Test func aFileNamingMoreThan65536HallsIsRefusedAlone() throws {
        let count = 65_537
        var registry = "hall_code,hall_name,tier,parent_code\n"
        var export = "编号,大厅,渠道,受理时间,状态,更新时间,证件号\n"
        registry += "520502000000,七星关区政务服务中心,district,520502\n"
        for i in 0..<count {
            registry += "V\(i),站\(i),village,520502000000\n"
            export += "M-\(i),V\(i),网上,2019-03-20 10:00:00,办结,,\n"
        }
        try registry.write(to: folder.appendingPathComponent("Input/halls.csv"), atomically: true, encoding: .utf8)
        try export.write(to: folder.appendingPathComponent("Input/exports/many.csv"), atomically: true, encoding: .utf8)
        let result = try run(["run", "pipeline.yml", "--no-html", "--no-xlsx"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("1 refused"), "\(result.standardOutput)")
        let rejects = try HallRateProcess.rows(of: folder.appendingPathComponent("Output/pipeline/rejects.csv"))
        let refused = try #require(rejects.first { $0.first == "Input/exports/many.csv" })
        #expect(refused[2] == "file_refused")
        #expect(refused[3].contains("more than 65536 different halls"), "\(refused)")
    }

    /// M4 and M8: an export re-delivered as 0 bytes, or changed and then unreadable, used to wipe the
    /// rows it had given: the hall turned 无报送 with no word of why.
    @Test func anEmptiedOrUnreadableFileKeepsItsEarlierRows() throws {
        #expect(try run(["run", "pipeline.yml", "-q"]).status == 0)
        let output = folder.appendingPathComponent("Output/pipeline")
        let before = try Data(contentsOf: output.appendingPathComponent("hall_months.csv"))
        let export = folder.appendingPathComponent("Input/exports/b.csv")
        try Data().write(to: export)
        let emptied = try run(["run", "pipeline.yml"])
        #expect(emptied.status == 0, "\(emptied.standardError)")
        #expect(emptied.standardError.contains("the file is now empty; the rows it gave before are kept"), "\(emptied.standardError)")
        #expect(emptied.standardOutput.contains("earlier rows kept: Input/exports/b.csv"))
        #expect(try Data(contentsOf: output.appendingPathComponent("hall_months.csv")) == before)

        guard getuid() != 0 else { return }  // root reads a file of mode 000 anyway
        try Data("编号\n".utf8).write(to: export)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: export.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: export.path) }
        let unreadable = try run(["run", "pipeline.yml"])
        #expect(unreadable.status == 0, "\(unreadable.standardError)")
        #expect(unreadable.standardError.contains("the file cannot be read; the rows it gave before are kept"))
        #expect(try Data(contentsOf: output.appendingPathComponent("hall_months.csv")) == before)
    }

    /// M13: the cleanup used to delete files it did not write: `league/notes.csv`, any name with `.tmp-`.
    @Test func theCleanupRemovesOnlyWhatHallrateWrote() throws {
        #expect(try run(["run", "pipeline.yml", "-q"]).status == 0)
        let output = folder.appendingPathComponent("Output/pipeline")
        let theirs = ["league/notes.csv", "league/2019-04_township.csv.bak", "my.tmp-notes.txt", "budget.tmp-2019.xlsx"]
        let ours = [
            "hall_months.csv.tmp-4242", "league/2019-04_township.csv.tmp-4242", "report_2019-05.html.tmp-7",
            "league/2017-01_township.csv",
        ]
        for name in theirs + ours { try Data("x".utf8).write(to: output.appendingPathComponent(name)) }
        #expect(try run(["run", "pipeline.yml", "-q"]).status == 0)
        for name in theirs { #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)") }
        for name in ours { #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)") }
    }

    /// M12 and L14: `--output` inside an input folder used to be accepted, and later runs read the
    /// outputs as inputs; `--output ''` wrote into the working directory.
    @Test func outputsWhereASourceWouldReadThemAreRefused() throws {
        try edit("pipeline.yml", "glob: Input/exports/*.csv", "glob: Input/*/*.csv")
        let inside = try run(["run", "pipeline.yml", "--output", "Input/out"])
        #expect(inside.status == 2, "\(inside.standardError)")
        #expect(
            inside.standardError.contains("source 'exports' (glob Input/*/*.csv) would read the outputs written into Input/out"),
            "\(inside.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Input/out/hall_months.csv").path))
        #expect(try run(["run", "pipeline.yml", "--output", "Output/elsewhere", "-q"]).status == 0)
        let empty = try run(["run", "pipeline.yml", "--output", ""])
        #expect(empty.status == 2)
        #expect(empty.standardError.contains("--output needs a folder"))
    }

    /// M11: a hung run (its registry a FIFO) held the lock, and every later nightly exited 75, which
    /// cron takes for success, forever. Inputs that are not regular files are refused at once, and a
    /// holder older than --max-lock-age is reported as hung.
    @Test func aRegistryThatIsAFIFOIsRefusedAtOnce() throws {
        let registry = folder.appendingPathComponent("Input/halls.csv")
        try FileManager.default.removeItem(at: registry)
        #expect(mkfifo(registry.path, 0o644) == 0)
        let result = try run(["check", "pipeline.yml"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("not a regular file"), "\(result.standardError)")
    }

    @Test func aLockHeldForHoursIsReportedAsAHungRun() throws {
        let output = folder.appendingPathComponent("Output/pipeline")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let lock = output.appendingPathComponent(".hallrate.lock")
        let sevenHoursAgo = Int(Date().timeIntervalSince1970) - 7 * 3600
        try "4242 \(sevenHoursAgo)\n".write(to: lock, atomically: false, encoding: .utf8)
        // Another process holds the lock (flock(1) does not touch the file's content).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lock.path, "sleep", "4"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.5)
        let hung = try run(["run", "pipeline.yml"])
        #expect(hung.status == 1, "\(hung.standardError)")
        #expect(hung.standardError.contains("run 4242 has held the lock on this pipeline for 7.0 hours"), "\(hung.standardError)")
        let patient = try run(["run", "pipeline.yml", "--max-lock-age", "8"])
        #expect(patient.status == 75, "\(patient.standardError)")
        #expect(patient.standardError.contains("(pid 4242)"))
        holder.waitUntilExit()
        // A run that ends clears its stamp: a backup holding the lock hours later under flock(1) is only busy.
        #expect(try run(["run", "pipeline.yml", "-q"]).status == 0)
        #expect(try String(contentsOf: lock, encoding: .utf8).isEmpty)
        let backup = Process()
        backup.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        backup.arguments = [lock.path, "sleep", "2"]
        try backup.run()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try run(["run", "pipeline.yml", "-q", "--max-lock-age", "0.0001"]).status == 75)
        backup.waitUntilExit()
    }

    /// Operator papercuts: a missing pipeline file says why and where it looked; `report` before any run
    /// is a usage error; `status` shows Beijing time.
    @Test func messagesAnOperatorCanActOn() throws {
        let missing = try run(["check", "Pipelines/nowhere.yml"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("cannot read the pipeline file: there is no such file"), "\(missing.standardError)")
        #expect(missing.standardError.contains("from the working directory"))
        let early = try run(["report", "pipeline.yml"])
        #expect(early.status == 2)
        #expect(early.standardError.contains("no store yet: run the pipeline first"))
        #expect(try run(["run", "pipeline.yml", "-q"]).status == 0)
        let status = try run(["status", "pipeline.yml"])
        #expect(status.standardOutput.contains("started (Beijing time)"), "\(status.standardOutput)")
        #expect(status.standardOutput.range(of: #"\n  20\d\d-\d\d-\d\d \d\d:\d\d:\d\d "#, options: .regularExpression) != nil)
    }

    /// L4: a run with no accepted data used to write `report_0000-01.xlsx`.
    @Test func aRunWithNoAcceptedDataWritesNoReport() throws {
        let export = folder.appendingPathComponent("Input/exports/a.csv")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/exports/b.csv"))
        try "编号,大厅,渠道,受理时间,状态,更新时间,证件号\nX,520502999000,网上,2019-04-05 10:00:00,办结,,\n"
            .write(to: export, atomically: true, encoding: .utf8)
        let result = try run(["run", "pipeline.yml"])
        #expect(result.status == 0, "\(result.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Output/pipeline").path)
        #expect(!written.contains { $0.hasPrefix("report_") }, "\(written)")
        #expect(written.contains("hall_months.csv") && written.contains("rejects.csv"))
    }
}

/// L8 (issue 16): a file rewritten while it was read used to be stored torn.
@Suite struct TornFileTests {
    final class Once: @unchecked Sendable {
        var done = false
    }

    @Test func aFileRewrittenWhileItIsReadIsDroppedAndReadNextRun() throws {
        let folder = try HallRateProcess.fixture("handmade")
        var pipeline = try PipelineLoader(root: folder.path).load(folder.appendingPathComponent("pipeline.yml").path)
        pipeline.output.move(to: folder.appendingPathComponent("Output/torn").path)
        let logger = Logger(label: "torn") { _ in SwiftLogNoOpLogHandler() }
        var runner = PipelineRunner(pipeline: pipeline, root: folder.path, logger: logger)
        let export = folder.appendingPathComponent("Input/exports/b.csv")
        let once = Once()
        runner.progress = { progress in
            // The vendor's copy rewrites b.csv just as hallrate starts reading it.
            guard progress.path.hasSuffix("b.csv"), !once.done else { return }  // its first call: before the reading
            once.done = true
            if let handle = try? FileHandle(forWritingTo: export) {
                handle.seekToEndOfFile()
                handle.write(Data("LATE-1,520502001000,网上,2019-04-20 10:00:00,办结,,\n".utf8))
                try? handle.close()
            }
        }
        let torn = try runner.run()
        #expect(torn.keptStale == ["Input/exports/b.csv"])
        #expect(!torn.files.contains { $0.path == "Input/exports/b.csv" })  // nothing of it was stored
        runner.progress = nil
        let next = try runner.run()
        #expect(next.keptStale.isEmpty)
        #expect(next.files.first { $0.path == "Input/exports/b.csv" }?.rowsRead == 26)  // 25 rows and the late one
    }

    /// M8, as root too (root reads a file of mode 000): a changed file that cannot be opened when its
    /// turn comes (here it became a FIFO) keeps the rows it gave before.
    @Test func aChangedFileThatCannotBeOpenedKeepsItsEarlierRows() throws {
        let folder = try HallRateProcess.fixture("handmade")
        var pipeline = try PipelineLoader(root: folder.path).load(folder.appendingPathComponent("pipeline.yml").path)
        pipeline.output.move(to: folder.appendingPathComponent("Output/fifo").path)
        var runner = PipelineRunner(pipeline: pipeline, root: folder.path, logger: Logger(label: "fifo") { _ in SwiftLogNoOpLogHandler() })
        let first = try runner.run()
        let before = try #require(first.files.first { $0.path == "Input/exports/b.csv" })
        // b.csv changes, then is swapped for a FIFO just as hallrate is about to open it.
        let export = folder.appendingPathComponent("Input/exports/b.csv")
        try (String(contentsOf: export, encoding: .utf8) + "\n").write(to: export, atomically: true, encoding: .utf8)
        let once = Once()
        runner.progress = { progress in
            guard progress.path.hasSuffix("b.csv"), !once.done else { return }
            once.done = true
            try? FileManager.default.removeItem(at: export)
            _ = mkfifo(export.path, 0o644)
        }
        let second = try runner.run()
        #expect(second.keptStale == ["Input/exports/b.csv"])
        let after = try #require(second.files.first { $0.path == "Input/exports/b.csv" })
        #expect(after.rowsRead == before.rowsRead && after.status == .ok)
        #expect(second.accepted == first.accepted)
    }
}
