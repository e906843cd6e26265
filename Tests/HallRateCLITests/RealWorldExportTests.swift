import Foundation
import Testing

/// The built binary on `Fixtures/realworld`: UTF-16 tab-delimited exports naming halls by name and
/// alias, a GB18030 file found by `encoding: auto` with Excel serial dates and full-width digits, a
/// GB18030 file declared as UTF-8, XML with a default namespace and the hall in the path, a
/// truncated XML file, a billion-laughs file and an XXE file.
@Suite struct RealWorldExportTests {
    let folder: URL
    let result: HallRateProcess.Result
    let output: URL

    init() throws {
        folder = try HallRateProcess.fixture("realworld")
        result = try HallRateProcess.run(["run", "pipeline.yml"], in: folder)
        output = folder.appendingPathComponent("Output/pipeline")
    }

    func files() throws -> [String: [String: Any]] {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json")))
        let list = (manifest as? [String: Any])?["files"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.compactMap { entry in (entry["path"] as? String).map { ($0, entry) } })
    }

    @Test func everyFileIsAccountedFor() throws {
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("rows read 15 = accepted 9 + rejected 6 + duplicates 0 (reconciled)"))
        let files = try files()
        #expect(files["Input/unicode/street_2019-01.txt"]?["encoding"] as? String == "utf-16")
        #expect(files["Input/excel/gb_2019-01.csv"]?["encoding"] as? String == "gb18030")
        // Not on a terminal, so the log is JSON lines (as under cron).
        let detected = result.standardError.split(separator: "\n").first { $0.contains("\"message\":\"encoding detected\"") }
        #expect(detected?.contains("\"encoding\":\"gb18030\"") == true)
        #expect(detected?.contains("\"file\":\"Input/excel/gb_2019-01.csv\"") == true)
        #expect(files["Input/declared-wrong/bad_2019-01.csv"]?["status"] as? String == "refused")
        #expect(files["Input/hostile/laughs.xml"]?["status"] as? String == "refused")
        #expect(files["Input/hostile/xxe.xml"]?["status"] as? String == "refused")
        let damaged = files["Input/xml/520502002201/2019-02.xml"]
        #expect(damaged?["status"] as? String == "damaged")
        #expect(damaged?["rows_read"] as? Int == 2)
        #expect(damaged?["accepted"] as? Int == 1)
    }

    @Test func hallsAreFoundByNameAliasCodeAndPath() throws {
        let rows = try HallRateProcess.rows(of: output.appendingPathComponent("hall_months.csv")).dropFirst()
        let figures = rows.map { [$0[0], $0[3], $0[4], $0[5]] }
        #expect(
            figures == [
                ["520502001000", "2019-01", "3", "2"],  // by name and by two aliases
                ["520502002000", "2019-01", "2", "1"],  // by code, one written in full-width digits
                ["520502002201", "2019-01", "2", "1"],  // by the folder name
                ["520502002201", "2019-02", "2", "2"],  // 2019-01-31T18:00Z is February in Shanghai
            ])
    }

    @Test func rejectsExplainThemselves() throws {
        let rows = try HallRateProcess.rows(of: output.appendingPathComponent("rejects.csv")).dropFirst()
        let byFile = Dictionary(grouping: rows, by: { $0[0] })
        #expect(byFile["Input/declared-wrong/bad_2019-01.csv"]?.first?[3].contains("set encoding: gb18030") == true)
        #expect(byFile["Input/unicode/street_2019-01.txt"]?.first?[3].contains("'某某街道'") == true)
        #expect(byFile["Input/xml/520502099201/2019-01.xml"]?.first?[3].contains("'520502099201' (from the file's path)") == true)
        let damage = try #require(byFile["Input/xml/520502002201/2019-02.xml"]?.first)
        #expect(damage[1] == "4")
        #expect(damage[2] == "malformed_record")
        #expect(byFile["Input/hostile/laughs.xml"]?.first?[2] == "file_refused")
    }

    @Test func nothingFromTheSystemLeaksIntoAnyOutput() throws {
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = String(passwd.split(separator: "\n").first ?? "root:x:0:0")
        let names = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        for name in names {
            let url = output.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            #expect(!text.contains(firstLine), "\(name)")
            #expect(!text.contains("lollollol"), "\(name)")
        }
        #expect(!result.standardError.contains(firstLine))
    }

    @Test func checkFlagsTheMisdeclaredEncoding() throws {
        let check = try HallRateProcess.run(["check", "pipeline.yml"], in: folder)
        #expect(check.status == 2)
        #expect(check.standardError.contains("Input/declared-wrong/bad_2019-01.csv: error: bytes are not valid UTF-8 at byte offset 0"))
    }
}
