import ArgumentParser
import Foundation

/// Entry point of `hallrate-gen`, the deterministic export generator: `demo` and `bench`.
@main
struct HallRateGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hallrate-gen",
        abstract: "Writes deterministic 七星关区 hall exports: the demo set, or benchmark files of any size.",
        discussion: "Same arguments, same bytes. Exit status: 0 on success, 1 on an I/O error, 2 on a usage error.",
        subcommands: [Demo.self, Bench.self]
    )

    /// Parses and runs, mapping ArgumentParser's usage status (64) to the documented 2 and any other
    /// failure to 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            if code == .success || error is CleanExit { exit(withError: error) }
            Console.error("hallrate-gen: \(error)")
            Foundation.exit(1)
        }
    }

    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes the demo set of 七星关区 hall exports (2018-10 … 2019-11).",
            discussion: "Into DIR: halls.csv, district/, township/, street/, village/, village-xml/ and README.md.")

        @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write into.", valueName: "DIR"))
        var outputDirectory = "Input"

        func run() throws {
            try DemoGenerator(options: DemoOptions(outputDirectory: outputDirectory)).run()
        }
    }

    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Streams N rows of district-layout CSV (UTF-8 with BOM, CRLF) to FILE, and its registry to FILE.halls.csv.",
            discussion: """
                Rows are spread over --halls synthetic halls (the district centre, a tenth of them townships, the \
                rest village stations) and --months months from 2018-01. --format xml writes the same records as \
                one UTF-8 XML file instead: a <办件导出> root in the namespace urn:qxg:bianmin:1.0, one \
                <办件 流水号="…"> per record with <大厅> (the hall code), <事项编码>, <事项>, <受理部门>, <渠道>, \
                <受理时间>, <办结时间> (completed only), <状态>, <更新时间> (ISO 8601, +08:00) and \
                <申请人><证件号码>.
                """)

        @Option(help: ArgumentHelp("How many rows (0 to 10,000,000,000).", valueName: "N"))
        var rows: Int

        @Option(name: .customLong("out"), help: ArgumentHelp("The file to write.", valueName: "FILE"))
        var output: String

        @Option(help: "The random seed.")
        var seed: UInt64 = 1

        @Option(help: "How many synthetic halls (1 to 100,000).")
        var halls = 600

        @Option(help: "How many months from 2018-01 (1 to 1,200).")
        var months = 24

        @Option(help: "csv or xml.")
        var format = BenchOptions.Format.csv

        @Option(
            help: ArgumentHelp(
                "Replaces the QXG before YYYYMM and the sequence of every 办件编号, so that a second file shares no id with the first (1 to 32 ASCII letters, digits, '-' or '_').",
                valueName: "PREFIX"))
        var idPrefix = "QXG"

        func validate() throws {
            guard (0...10_000_000_000).contains(rows) else { throw ValidationError("--rows must be from 0 to 10000000000, got \(rows)") }
            guard !output.isEmpty else { throw ValidationError("--out needs a file") }
            guard (1...100_000).contains(halls) else { throw ValidationError("--halls must be from 1 to 100000, got \(halls)") }
            guard (1...1200).contains(months) else { throw ValidationError("--months must be from 1 to 1200, got \(months)") }
            let allowed = idPrefix.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
            guard !idPrefix.isEmpty, idPrefix.utf8.count <= 32, allowed else {
                throw ValidationError("--id-prefix must be 1 to 32 ASCII letters, digits, '-' or '_', got '\(idPrefix)'")
            }
        }

        func run() throws {
            try BenchGenerator(
                options: BenchOptions(
                    rows: rows, output: output, seed: seed, halls: halls, months: months,
                    format: format, idPrefix: idPrefix)
            ).run()
        }
    }
}

extension BenchOptions.Format: ExpressibleByArgument {}
