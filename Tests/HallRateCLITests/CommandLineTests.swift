import Foundation
import Testing

/// The command line as a user meets it: help, exit statuses, messages that name file, line and key.
@Suite struct CommandLineTests {
    @Test func helpExplainsTheCommands() throws {
        let result = try HallRateProcess.run(["--help"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("run"))
        #expect(result.standardOutput.contains("check"))
        #expect(result.standardOutput.contains("Exit status"))
        let run = try HallRateProcess.run(["run", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(run.standardOutput.contains("--max-reject-rate"))
        #expect(run.standardOutput.contains("--root"))
    }

    @Test func checkAcceptsAGoodPipeline() throws {
        let folder = try HallRateProcess.fixture("handmade")
        let result = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("ok"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))
    }

    @Test(arguments: [
        // (replace this, with this, expected message fragment, expected line)
        ("list_size: 1", "list_size: 1\nlist_sise: 2", "unknown key 'list_sise'", 5),
        (
            "    glob: Input/exports/*.csv", "    glob: Input/exports/*.csv\n    delimeter: ';'",
            "unknown key 'delimeter'; did you mean 'delimiter'?", 8
        ),
        ("txn_id: 编号, ", "", "missing the mapping of required field 'txn_id'", 8),
        ("village: \"30%\"", "village: \"30%\", city: 0.5", "unknown tier 'city'", 2),
        ("txn_id: 编号", "txn_id: 单号", "column '单号' (for txn_id) is not in Input/exports/a.csv", 8),
        ("registry: Input/halls.csv", "registry: Input/nowhere.csv", "cannot open", 1),
        ("min_volume: 4", "min_volume: [4", "not valid YAML", 4),
    ])
    func checkNamesFileLineAndKey(replace: String, with replacement: String, message: String, line: Int) throws {
        let folder = try HallRateProcess.fixture("handmade")
        let file = folder.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(replace))
        try text.replacingOccurrences(of: replace, with: replacement).write(to: file, atomically: true, encoding: .utf8)
        for command in ["check", "run"] {
            let result = try HallRateProcess.run([command, "pipeline.yml"], in: folder)
            #expect(result.status == 2, "\(command): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(command): \(result.standardError)")
            #expect(result.standardError.contains("pipeline.yml:\(line):"), "\(command): \(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/pipeline/manifest.json").path))
    }

    @Test func anUnknownRegistryTierNamesTheLine() throws {
        let folder = try HallRateProcess.fixture("handmade")
        let registry = folder.appendingPathComponent("Input/halls.csv")
        let text = try String(contentsOf: registry, encoding: .utf8)
        try text.replacingOccurrences(of: "碧海社区便民服务站,village", with: "碧海社区便民服务站,hamlet")
            .write(to: registry, atomically: true, encoding: .utf8)
        let result = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("Input/halls.csv:7:3: error: unknown tier 'hamlet'"), "\(result.standardError)")
    }

    @Test func tooManyRejectsFailWithStatusOne() throws {
        let folder = try HallRateProcess.fixture("handmade")
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--max-reject-rate", "0.01"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("more than --max-reject-rate"))
        let fine = try HallRateProcess.run(["run", "pipeline.yml", "--max-reject-rate", "0.1"], in: folder)
        #expect(fine.status == 0)
    }

    @Test func rootRunsTheSamePipelineAgainstAnotherFolder() throws {
        let folder = try HallRateProcess.fixture("handmade")
        let elsewhere = FileManager.default.temporaryDirectory
        let result = try HallRateProcess.run(
            [
                "run", folder.appendingPathComponent("pipeline.yml").path,
                "--root", folder.path, "-q",
            ], in: elsewhere)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/pipeline/hall_months.csv").path))
    }

    @Test func anUnwritableOutputFailsWithStatusOne() throws {
        let folder = try HallRateProcess.fixture("handmade")
        try "not a folder".write(to: folder.appendingPathComponent("blocked"), atomically: true, encoding: .utf8)
        let result = try HallRateProcess.run(["run", "pipeline.yml", "--output", "blocked/out"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("blocked"))
    }

    @Test func badOptionIsAUsageError() throws {
        let result = try HallRateProcess.run(["run", "--max-reject-rate", "3"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--max-reject-rate"))
    }

    /// Issue 16 (papercuts): three typos used to take three runs of `check`.
    @Test func checkListsEveryProblemOfThePipelineAtOnce() throws {
        let folder = try HallRateProcess.fixture("handmade")
        let file = folder.appendingPathComponent("pipeline.yml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "list_size: 1", with: "list_sise: 1").replacingOccurrences(
            of: "min_volume: 4", with: "min_volume: 0"
        )
        .replacingOccurrences(of: "    glob: Input/exports/*.csv", with: "    glob: Input/exports/*.csv\n    delimeter: ';'")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let unknown = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("unknown key 'list_sise'; did you mean 'list_size'?"), "\(unknown.standardError)")
        #expect(unknown.standardError.contains("unknown key 'delimeter'; did you mean 'delimiter'?"), "\(unknown.standardError)")
        // Once the keys are right, every bad value at once.
        text = text.replacingOccurrences(of: "list_sise", with: "list_size").replacingOccurrences(of: "    delimeter: ';'\n", with: "")
            .replacingOccurrences(of: "village: \"30%\"", with: "village: \"130%\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let values = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(values.status == 2)
        #expect(values.standardError.contains("(key targets.village)"), "\(values.standardError)")
        #expect(values.standardError.contains("(key min_volume)"), "\(values.standardError)")
    }
}

/// `catalogue:` (contract rule 18): a bad catalogue stops `check` and `run` with exit 2 at its file,
/// line and column, before anything is read or written.
@Suite struct CatalogueCommandTests {
    @Test func aBadCatalogueFailsCheckAndRunAtItsLine() throws {
        let folder = try HallRateProcess.fixture("handmade")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = folder.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: pipeline, encoding: .utf8)
        try ("catalogue: Input/catalogue.csv\n" + text).write(to: pipeline, atomically: true, encoding: .utf8)
        let catalogue = folder.appendingPathComponent("Input/catalogue.csv")
        let header = "item_code,item_name,kind,promised_limit,legal_limit,limit_unit,online_capable,fully_online\n"
        try (header + "S1,社保,即办件,0,0,工作日,是,是\n").write(to: catalogue, atomically: true, encoding: .utf8)
        #expect(try HallRateProcess.run(["check", "pipeline.yml"], in: folder).status == 0)

        try (header + "S1,社保,即办件,0,0,工作日,是,是\nS2,户籍,急件,3,5,工作日,否,否\n").write(to: catalogue, atomically: true, encoding: .utf8)
        for command in [["check", "pipeline.yml"], ["run", "pipeline.yml", "--quiet"]] {
            let result = try HallRateProcess.run(command, in: folder)
            #expect(result.status == 2, "\(command[0]): \(result.standardError)")
            #expect(result.standardError.contains("Input/catalogue.csv:3:3: error: kind '急件' of item S2"), "\(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/pipeline/hall_months.csv").path))
    }
}
