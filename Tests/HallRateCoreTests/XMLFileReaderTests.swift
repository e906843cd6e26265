import Foundation
import Testing

@testable import HallRateCore

/// The XML reader (libxml2 SAX2, push) on real files: every shape of record, encodings, damage and
/// hostile documents.
@Suite struct XMLFileReaderTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("xml")

    /// Reads `file` with `record` and `fields` (paths as a pipeline writes them).
    func read(
        _ file: String, record: String, fields: [String], namespaces: [String: String] = [:],
        chunkSize: Int = 1 << 16
    ) throws -> (records: [[String]], lines: [Int], summary: XMLFileReader.Summary) {
        let recordPath = try XMLPath.parse(record, namespaces: namespaces)
        let layout = XMLFileReader.Layout(
            record: try #require(recordPath.elements.first),
            fields: try fields.map { try XMLPath.parse($0, namespaces: namespaces) })
        var reader = XMLFileReader(path: Self.folder.appendingPathComponent(file).path, layout: layout)
        reader.chunkSize = chunkSize
        var records: [[String]] = []
        var lines: [Int] = []
        let summary = try reader.read {
            records.append($0.strings)
            lines.append($0.line)
        }
        return (records, lines, summary)
    }

    @Test(arguments: [7, 1 << 16])
    func attributesOfTheRecordAndOfChildren(chunkSize: Int) throws {
        let result = try read(
            "attributes.xml", record: "办件", fields: ["@编号", "@渠道", "大厅/@code", "受理时间", "大厅/@missing"],
            chunkSize: chunkSize)
        #expect(
            result.records == [
                ["A-1", "网上", "520502001000", "2019-01-02 09:00", ""],
                ["A-2", "窗口", "520502001000", "2019-01-03 10:00", ""],
            ])
        #expect(result.lines == [3, 4])
        #expect(result.summary.damage == nil)
    }

    @Test func nestedElementsAndOnlyInsideRecords() throws {
        let result = try read("nested.xml", record: "办件", fields: ["编号", "申请人/证件号码", "受理/时间"])
        #expect(result.records == [["N-1", "520502198803150012", "2019-01-02 09:00"], ["N-2", "", "2019-01-04 09:00"]])
    }

    @Test func aDefaultNamespaceIsReachedThroughAPrefix() throws {
        let namespaces = ["b": "urn:qxg:banjian"]
        let result = try read("default-namespace.xml", record: "b:办件", fields: ["b:编号"], namespaces: namespaces)
        #expect(result.records == [["D-1"], ["D-2"]])
        // Without the namespace nothing matches: names without prefix are in no namespace.
        #expect(try read("default-namespace.xml", record: "办件", fields: ["编号"]).records.isEmpty)
    }

    @Test func cdataAndCharacterAndPredefinedEntities() throws {
        let result = try read("cdata-entities.xml", record: "办件", fields: ["编号", "渠道", "事项"])
        #expect(result.records == [["C-1 <raw> & more", "网上", "A & B <C> \"D\" 'E'"]])
    }

    @Test(arguments: [("gb18030.xml", ["G-1", "网上"]), ("utf16.xml", ["W-1", "窗口"])])
    func declaredEncodingsAreDecoded(file: String, expected: [String]) throws {
        #expect(try read(file, record: "办件", fields: ["编号", "渠道"]).records == [expected])
    }

    @Test(arguments: [5, 1 << 16])
    func aTruncatedFileKeepsTheRecordsBeforeTheDamage(chunkSize: Int) throws {
        let result = try read("truncated.xml", record: "办件", fields: ["编号"], chunkSize: chunkSize)
        #expect(result.records == [["T-1"], ["T-2"]])
        let damage = try #require(result.summary.damage)
        #expect(damage.line == 5)
        #expect(damage.inRecord)
    }

    @Test func anUndeclaredEntityIsDamageNotALookup() throws {
        let result = try read("undeclared-entity.xml", record: "办件", fields: ["编号"])
        #expect(result.records == [["U-1"]])
        #expect(result.summary.damage?.message.contains("xxe") == true)
    }

    @Test(arguments: ["billion-laughs.xml", "xxe.xml"])
    func hostileDocumentsAreRefusedFast(file: String) throws {
        let start = Date()
        let error = try #require(throws: HallRateError.self) { try read(file, record: "办件", fields: ["编号"]) }
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(error.code == .fileRefused)
        #expect(!error.message.contains("root:"))
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 300
        let text = "<a>" + String(repeating: "<b>", count: depth) + String(repeating: "</b>", count: depth) + "</a>"
        let path = try TestSupport.file(text, name: "deep.xml")
        let layout = XMLFileReader.Layout(record: XMLPath.Name(namespace: "", local: "b"), fields: [])
        let error = try #require(throws: HallRateError.self) { try XMLFileReader(path: path, layout: layout).read { _ in } }
        #expect(error.message.contains("nested more than"))
    }

    @Test func notXMLAtAllIsDamage() throws {
        let path = try TestSupport.file("txn_id,hall\n1,2\n", name: "wrong.xml")
        let layout = XMLFileReader.Layout(record: XMLPath.Name(namespace: "", local: "办件"), fields: [])
        let summary = try XMLFileReader(path: path, layout: layout).read { _ in }
        #expect(summary.damage?.line == 1)
    }

    @Test func pathsNeedKnownPrefixes() {
        #expect(throws: XMLPath.Invalid.self) { try XMLPath.parse("q:编号", namespaces: [:]) }
        #expect(throws: XMLPath.Invalid.self) { try XMLPath.parse("@a/b", namespaces: [:]) }
        #expect(throws: XMLPath.Invalid.self) { try XMLPath.parse("a//b", namespaces: [:]) }
    }
}

extension XMLFileReaderTests {
    /// H1 (issue 16): a byte that is not GB18030 between two records used to end the file in silence,
    /// as if it were complete: 100 of 200 records read, status ok, no reject.
    @Test(arguments: [5, 1 << 16])
    func anUndecodableByteBetweenRecordsIsDamageAtItsLine(chunkSize: Int) throws {
        let result = try read("gb18030-stray-byte.xml", record: "办件", fields: ["编号"], chunkSize: chunkSize)
        #expect(result.records.count == 100)
        let damage = try #require(result.summary.damage, "the file must be damaged, not complete")
        #expect(damage.line == 103)
        #expect(!damage.inRecord)
    }
}

extension XMLFileReaderTests {
    /// M10 (issue 16): declared GB18030 but saved as UTF-8 used to read as "ok, 0 records" with a
    /// warning: the element names decoded into other characters and nothing matched.
    @Test func aFileDeclaredGB18030ButSavedAsUTF8IsRefused() throws {
        let error = try #require(throws: HallRateError.self) {
            try read("gb18030-declared-utf8-saved.xml", record: "办件", fields: ["编号"])
        }
        #expect(error.code == .fileRefused)
        #expect(error.message.contains("declares a GB encoding (GB18030, GBK or GB2312) but its bytes are UTF-8"))
        // A real GB18030 file is still read.
        #expect(try read("gb18030.xml", record: "办件", fields: ["编号"]).records == [["G-1"]])
    }
}

extension XMLFileReaderTests {
    /// M9 (issue 16): start tags with 100,000 attributes took 5 s in libxml2, 500,000 about 190 s.
    @Test func anElementWithARunawayNumberOfAttributesIsRefusedBeforeLibxml2ParsesIt() throws {
        let attributes = (0..<200_000).map { " a\($0)=\"1\"" }.joined()
        let path = try TestSupport.file(
            "<?xml version=\"1.0\"?>\n<列表>\n<办件\(attributes)><编号>X</编号></办件>\n</列表>\n",
            name: "attributes.xml")
        let layout = XMLFileReader.Layout(
            record: try #require(try XMLPath.parse("办件", namespaces: [:]).elements.first),
            fields: [try XMLPath.parse("编号", namespaces: [:])])
        let error = try #require(throws: HallRateError.self) {
            _ = try XMLFileReader(path: path, layout: layout).read { _ in }
        }
        #expect(error.code == .fileRefused)
        #expect(error.message.contains("more than 1024 attributes"))
    }

    @Test(arguments: [1, 2, 5, 4096])
    func theTagScannerCountsAcrossChunks(chunkSize: Int) {
        let text = Array("<a x=\"1\" y='2'>text = more = signs</a><b z=\"3\" w=\"4\" v=\"5\"/>".utf8)
        var fits = StartTagScanner(limit: 3)
        var tooMany = StartTagScanner(limit: 2)
        var fitsResult = true
        var tooManyResult = true
        text.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: chunkSize) {
                let chunk = UnsafeRawBufferPointer(rebasing: all[start..<min(start + chunkSize, all.count)])
                fitsResult = fitsResult && fits.scan(chunk)
                tooManyResult = tooManyResult && tooMany.scan(chunk)
            }
        }
        #expect(fitsResult)  // text between tags is not counted
        #expect(!tooManyResult)  // <b> has three
    }
}
