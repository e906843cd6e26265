import Foundation
import Testing

/// docs/metrics.md carries the metric contract verbatim between its two marker lines.
@Suite struct ContractCopyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The contract lives beside the repository, in `../shared/spec/metrics.md`; a checkout without
    /// that folder (a bare CI clone) skips the comparison instead of passing it.
    @Test func theDocsCopyOfTheContractIsVerbatim() throws {
        let contract = Self.repository.appendingPathComponent("../shared/spec/metrics.md").standardizedFileURL
        guard let expected = try? String(contentsOf: contract, encoding: .utf8) else {
            try Test.cancel("skipped: \(contract.path) is not on this machine")
        }
        let docs = try String(contentsOf: Self.repository.appendingPathComponent("docs/metrics.md"), encoding: .utf8)
        let lines = docs.split(separator: "\n", omittingEmptySubsequences: false)
        let begin = try #require(lines.firstIndex { $0.hasPrefix("<!-- BEGIN CONTRACT") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("<!-- END CONTRACT") })
        let copy = lines[(begin + 1)..<end].joined(separator: "\n") + "\n"
        #expect(copy == expected, "docs/metrics.md's copy differs from ../shared/spec/metrics.md: replace it")
        #expect(expected.hasPrefix("# Metric definitions (v2)"))
    }
}
