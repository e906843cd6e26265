import Crypto
import Foundation
import Testing

/// Refactorings that must not change a byte of what supervisors read: the demo's CSVs, workbook, HTML
/// reports and text, in Chinese and English, for a closed and a provisional month, are compared with
/// the SHA-256 of the files written by the commit named in `Fixtures/demo-outputs.sha256`.
///
/// A change meant to alter outputs re-records the list (`HALLRATE_RECORD_OUTPUTS=$(git rev-parse --short HEAD) swift test --filter
/// OutputStabilityTests`) and says so in its commit message; the diff of the list names each file changed.
@Suite struct OutputStabilityTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/demo-outputs.sha256")

    /// The runs compared: a name, the output language and the as-of date.
    static let cases: [(name: String, language: String, asOf: String)] = [
        ("zh-closed", "zh", "2026-12-06"),
        ("zh-provisional", "zh", "2019-12-03"),
        ("en-closed", "en", "2026-12-06"),
    ]

    /// `case  sha256  path` for every output of every case but the store and the manifest (which holds times).
    static func hashes() throws -> [String] {
        var lines: [String] = []
        for run in cases {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-stability-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let text = try String(contentsOf: DemoTests.repository.appendingPathComponent("Pipelines/default.yml"), encoding: .utf8)
            let pipeline = folder.appendingPathComponent("default.yml")
            try text.replacingOccurrences(of: "language: zh ", with: "language: \(run.language) ")
                .write(to: pipeline, atomically: true, encoding: .utf8)
            let output = folder.appendingPathComponent("out")
            let result = try HallRateProcess.run(
                [
                    "run", pipeline.path, "--root", DemoTests.repository.path, "--output", output.path,
                    "--as-of", run.asOf, "--quiet",
                ],
                in: DemoTests.repository)
            #expect(result.status == 0, "\(run.name): \(result.standardError)")
            let names = try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted().filter { name in
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path, isDirectory: &isFolder)
                return !isFolder.boolValue && !["hallrate.sqlite", "manifest.json", ".hallrate.lock"].contains(name)
            }
            for name in names {
                let digest = SHA256.hash(data: try Data(contentsOf: output.appendingPathComponent(name)))
                lines.append("\(run.name)  \(digest.map { String(format: "%02x", $0) }.joined())  \(name)")
            }
        }
        return lines
    }

    @Test func theDemosOutputsAreTheBytesTheRecordedCommitWrote() throws {
        let now = try Self.hashes()
        if let commit = ProcessInfo.processInfo.environment["HALLRATE_RECORD_OUTPUTS"] {
            let header = "# SHA-256 of the demo's outputs (OutputStabilityTests), as written by commit \(commit)\n"
            try (header + now.joined(separator: "\n") + "\n").write(to: Self.fixture, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { !$0.hasPrefix("#") }
        #expect(now.count > 20)
        let changed: [String] = Set(now).symmetricDifference(recorded).sorted()
        #expect(changed.isEmpty, "outputs changed, added or gone (recorded and now):\n\(changed.joined(separator: "\n"))")
    }
}
