import Foundation
import Testing

@testable import HallRateCore

/// Every csv-spectrum case parses, through libcsv and the reader, to exactly its JSON.
@Suite struct CSVConformanceTests {
    /// The copy committed beside the tests, and the shared one next to the repository when present.
    static let folders: [URL] = {
        let committed = TestSupport.fixtures.appendingPathComponent("csv-spectrum")
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/conformance/csv-spectrum").standardizedFileURL
        return FileManager.default.fileExists(atPath: shared.path) ? [committed, shared] : [committed]
    }()

    static let cases = [
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines",
        "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ]

    @Test func everyCaseIsCovered() throws {
        for folder in Self.folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csvs").path)
            #expect(Set(names.map { String($0.dropLast(4)) }) == Set(Self.cases))
        }
    }

    @Test(arguments: cases, [1, 3, 1 << 16])
    func parsesToItsJSON(name: String, chunkSize: Int) throws {
        for folder in Self.folders {
            let csv = folder.appendingPathComponent("csvs/\(name).csv").path
            let json = try Data(contentsOf: folder.appendingPathComponent("json/\(name).json"))
            let expected = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: String]])
            let (header, records, _) = try TestSupport.read(csv, chunkSize: chunkSize)
            let actual = records.map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
            #expect(actual == expected, "\(name) at chunk size \(chunkSize)")
        }
    }
}
