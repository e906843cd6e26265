import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Cron-grade runs with the real binary and the real SQLite store: incremental runs equal runs from
/// scratch, corrections replace rows, missing files, mapping changes, reprocessing, the run lock,
/// crashes at every kind of point, and a full disk.
@Suite struct StoreTests {
    static let extraRows = """
        编号,大厅,渠道,受理时间,状态,更新时间,证件号
        T1-1905-1,520502001000,网上,2019-05-10 09:00:00,办结,,
        T1-1905-2,520502001000,网上,2019-05-11 09:00:00,办结,,
        T1-1905-3,520502001000,窗口,2019-05-12 09:00:00,办结,,
        T1-1905-4,520502001000,网上,2019-05-13 09:00:00,办结,,
        T2-1904-1,520502002000,窗口,2019-04-10 09:00:00,办结,2019-06-01 10:00:00,

        """

    func outputs(_ folder: URL, _ name: String = "pipeline") -> URL {
        folder.appendingPathComponent("Output/\(name)")
    }

    /// A run from scratch of the same inputs into another folder, for comparison.
    func scratch(_ folder: URL) throws -> URL {
        let target = folder.appendingPathComponent("Output/scratch")
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--output", target.path, "-q"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        return target
    }

    @Test func incrementalRunsEqualARunFromScratchAndReadOnlyWhatChanged() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let again = try HallRateProcess.run(["run", "pipeline.yml"], in: folder)
        #expect(again.standardOutput.contains("files: 2 (0 read this run)"))
        // A new export arrives, with a correction of T2-1904-1 (later updated_at: window stays window).
        try Self.extraRows.write(to: folder.appendingPathComponent("Input/exports/c.csv"), atomically: true, encoding: .utf8)
        let next = try HallRateProcess.run(["run", "pipeline.yml"], in: folder)
        #expect(next.status == 0)
        #expect(next.standardOutput.contains("files: 3 (1 read this run)"))
        #expect(next.standardOutput.contains("rows read 62 = accepted 57 + rejected 3 + duplicates 2 (reconciled)"))
        #expect(try HallRateProcess.csvOutputs(in: outputs(folder)) == HallRateProcess.csvOutputs(in: scratch(folder)))
    }

    @Test func aCorrectedReExportReplacesItsEarlierRows() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        // The district center's April: 3 of 5 online. The re-export corrects two rows to online.
        let file = folder.appendingPathComponent("Input/exports/b.csv")
        let corrected = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "D-1904-4,520502000000,窗口", with: "D-1904-4,520502000000,网上")
            .replacingOccurrences(of: "D-1904-5,520502000000,窗口", with: "D-1904-5,520502000000,网上")
        try corrected.write(to: file, atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let rows = try HallRateProcess.rows(of: outputs(folder).appendingPathComponent("hall_months.csv"))
        let district = rows.first { $0.first == "520502000000" }
        #expect(district?[4] == "5")
        #expect(district?[5] == "5")
        #expect(try HallRateProcess.totals(in: outputs(folder))["rows_read"] == 57)
        #expect(try HallRateProcess.csvOutputs(in: outputs(folder)) == HallRateProcess.csvOutputs(in: scratch(folder)))
    }

    @Test func missingFilesKeepTheirRowsUntilPruned() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/exports/b.csv"))
        let kept = try HallRateProcess.run(["run", "pipeline.yml", "--log-format", "text"], in: folder)
        #expect(kept.status == 0)
        #expect(kept.standardError.contains("files are gone from the inputs"))
        #expect(try HallRateProcess.totals(in: outputs(folder))["rows_read"] == 57)
        let pruned = try HallRateProcess.run(["run", "pipeline.yml", "--prune-missing"], in: folder)
        #expect(pruned.status == 0)
        #expect(try HallRateProcess.totals(in: outputs(folder))["rows_read"] == 32)
    }

    @Test func aMappingChangeRereadsTheFilesAndSaysSo() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        // 窗口 now means kiosk: still offline, but a different mapping.
        try String(contentsOf: pipeline, encoding: .utf8).replacingOccurrences(of: "窗口: window", with: "窗口: kiosk")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--log-format", "text"], in: folder)
        #expect(result.standardOutput.contains("files: 2 (2 read this run)"))
        #expect(result.standardError.contains("the mapping or registry changed"))
    }

    @Test(arguments: [
        (["--all"], "2 read this run"), (["--since", "2019-04"], "2 read this run"),
        (["--since", "2019-05"], "1 read this run"), (["--file", "Input/exports/a.csv"], "1 read this run"),
        (["--source", "exports"], "2 read this run"),
    ])
    func reprocessReadsWhatItIsAsked(arguments: [String], expected: String) throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let before = try HallRateProcess.csvOutputs(in: outputs(folder))
        let result = try HallRateProcess.run(["reprocess", "pipeline.yml"] + arguments, in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(expected), "\(result.standardOutput)")
        #expect(try HallRateProcess.csvOutputs(in: outputs(folder)) == before)
        let nothing = try HallRateProcess.run(["reprocess", "pipeline.yml"], in: folder)
        #expect(nothing.status == 2)
    }

    @Test func reprocessingAnUnknownFileIsAUsageError() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let result = try HallRateProcess.run(["reprocess", "pipeline.yml", "--file", "Input/nowhere.csv"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("no file in the store is named 'Input/nowhere.csv'"))
    }

    @Test func aKeptFileWhoseHallLeftTheRegistryStillReconciles() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/exports/b.csv"))
        let registry = folder.appendingPathComponent("Input/halls.csv")
        try String(contentsOf: registry, encoding: .utf8).replacingOccurrences(of: "520502004000,", with: "520502004999,")
            .write(to: registry, atomically: true, encoding: .utf8)
        let result = try HallRateProcess.run(["run", "pipeline.yml"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("(reconciled)"))
        let rejects = try HallRateProcess.rows(of: outputs(folder).appendingPathComponent("rejects.csv"))
        #expect(rejects.filter { $0[3].contains("'520502004000' is no longer in the registry") }.count == 2)
    }

    @Test func theHistoryRecordsFailedRuns() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q", "--max-reject-rate", "0.01"], in: folder).status == 1)
        let status = try HallRateProcess.run(["status", "pipeline.yml"], in: folder)
        #expect(status.standardOutput.split(separator: "\n").contains { $0.hasSuffix("   1") })
    }

    @Test func statusShowsRunsAndFiles() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["status", "pipeline.yml"], in: folder).standardOutput.contains("no run yet"))
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let status = try HallRateProcess.run(["status", "pipeline.yml"], in: folder)
        #expect(status.status == 0)
        let lines = status.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasSuffix("   0") }.count == 2)  // two runs, exit 0
        #expect(status.standardOutput.contains("Input/exports/b.csv"))
        #expect(status.standardOutput.contains("rows 25  rejected 0"))
    }

    @Test func aSecondRunWaitsForNoOneAndExits75() throws {
        let folder = try HallRateProcess.fixture("handmade")
        let lockPath = outputs(folder).appendingPathComponent(".hallrate.lock").path
        try FileManager.default.createDirectory(at: outputs(folder), withIntermediateDirectories: true)
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let start = Date()
        let blocked = try HallRateProcess.run(["run", "pipeline.yml"], in: folder)
        #expect(blocked.status == 75)
        #expect(blocked.standardError.contains("another hallrate run holds the lock"))
        #expect(Date().timeIntervalSince(start) < 5)
        close(descriptor)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
    }

    /// Kills `hallrate run` with SIGKILL at 24 different points of an incremental run (storing files,
    /// writing each output), re-runs, and checks the outputs equal an undisturbed run's.
    @Test func aKilledRunLosesNothingAndCountsNothingTwice() throws {
        let base = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: base).status == 0)
        try Self.extraRows.write(to: base.appendingPathComponent("Input/exports/c.csv"), atomically: true, encoding: .utf8)
        try Self.extraRows.replacingOccurrences(of: "T1-1905", with: "T3-1905").replacingOccurrences(
            of: "520502001000", with: "520502003000"
        )
        .write(to: base.appendingPathComponent("Input/exports/d.csv"), atomically: true, encoding: .utf8)
        let reference = try HallRateProcess.csvOutputs(in: scratch(base))
        try FileManager.default.removeItem(at: base.appendingPathComponent("Output/scratch"))
        let listing = try HallRateProcess.run(
            ["run", "pipeline.yml", "-q", "--output", "Output/listing"], in: base,
            environment: ["HALLRATE_KILL_AT": "list"])
        let checkpoints = listing.standardError.split(separator: "\n").filter { $0.contains("checkpoint") }
        #expect(checkpoints.count >= 40)
        try FileManager.default.removeItem(at: base.appendingPathComponent("Output/listing"))
        let points = (0..<24).map { 1 + $0 * (checkpoints.count - 1) / 23 }
        #expect(Set(points).count == 24)
        for point in points {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-kill-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: base, to: folder)
            let killed = try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder, environment: ["HALLRATE_KILL_AT": "\(point)"])
            #expect(killed.status != 0, "checkpoint \(point) did not stop the run")
            let rerun = try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder)
            #expect(rerun.status == 0, "after checkpoint \(point): \(rerun.standardError)")
            #expect(try HallRateProcess.csvOutputs(in: outputs(folder)) == reference, "after a kill at checkpoint \(point)")
            #expect(try HallRateProcess.totals(in: outputs(folder))["rows_read"] == 67, "after a kill at checkpoint \(point)")
        }
    }

    /// The tables and the month reports are prepared at the same time: when the tables cannot be written,
    /// the reports, ready, must not be written either (they would disagree with the tables in place).
    @Test func whenTheTablesCannotBeWrittenNoReportIsReplaced() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: outputs(folder).path).filter { $0.hasPrefix("report_") }
        #expect(names.contains { $0.hasSuffix(".html") } && names.contains { $0.hasSuffix(".xlsx") }, "\(names)")
        func reports() throws -> [String: Data] {
            try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: outputs(folder).appendingPathComponent($0))) })
        }
        let before = (try reports(), try HallRateProcess.csvOutputs(in: outputs(folder)))
        try Self.extraRows.write(to: folder.appendingPathComponent("Input/exports/c.csv"), atomically: true, encoding: .utf8)
        // A file where the league tables' folder should be: the tables cannot be staged (root passes any chmod).
        let league = outputs(folder).appendingPathComponent("league")
        try FileManager.default.removeItem(at: league)
        try Data("not a folder".utf8).write(to: league)
        let failed = try HallRateProcess.run(["run", "pipeline.yml"], in: folder)
        #expect(failed.status == 1, "\(failed.standardError)")
        #expect(failed.standardError.contains("league"), "\(failed.standardError)")
        #expect(try reports() == before.0, "a report was replaced while the tables were not")
        let tables = { (all: [String: Data]) in all.filter { !$0.key.hasPrefix("league/") } }  // the folder is gone
        #expect(tables(try HallRateProcess.csvOutputs(in: outputs(folder))) == tables(before.1))
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: outputs(folder).path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        try FileManager.default.removeItem(at: league)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        #expect(try reports() != before.0, "the next run writes the reports")
    }

    @Test func aFullDiskFailsClearlyAndLeavesThePreviousOutputs() throws {
        let folder = try HallRateProcess.fixture("handmade")
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
        let before = try HallRateProcess.csvOutputs(in: outputs(folder))
        try Self.extraRows.write(to: folder.appendingPathComponent("Input/exports/c.csv"), atomically: true, encoding: .utf8)
        // No file may grow past 8 KiB: the store and hall_months.csv cannot be written, as on a full disk.
        let full = try HallRateProcess.run(["run", "pipeline.yml"], in: folder, shellPrefix: "ulimit -f 8")
        #expect(full.status == 1)
        #expect(full.standardError.contains("error:"), "\(full.standardError)")
        #expect(full.standardError.contains("File too large") || full.standardError.contains("disk"), "\(full.standardError)")
        #expect(try HallRateProcess.csvOutputs(in: outputs(folder)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: outputs(folder).path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        #expect(try HallRateProcess.run(["run", "pipeline.yml", "-q"], in: folder).status == 0)
    }
}
