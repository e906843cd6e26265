import Foundation
import Testing

@testable import HallRateCore

/// The CSV reader on real files: line numbers, byte-order marks, line ends, encodings, hostile input.
@Suite struct CSVFileReaderTests {
    @Test(arguments: [1, 2, 7, 1 << 16])
    func linesCountQuotedNewlinesBlankLinesAndCRLF(chunkSize: Int) throws {
        let text = "a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z\r\n3,\"q\"\"\"\r\n"
        let (header, records, _) = try TestSupport.read(try TestSupport.file("\u{FEFF}" + text), chunkSize: chunkSize)
        #expect(header == ["a", "b"])
        #expect(records.map(\.line) == [2, 5, 6])
        #expect(records.map(\.fields) == [["1", "x\r\ny"], ["2", "z"], ["3", "q\""]])
    }

    @Test func aLastRecordWithoutLineEndIsKept() throws {
        let (_, records, _) = try TestSupport.read(try TestSupport.file("a,b\n1,2\n3,4"))
        #expect(records.map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test func spacesAreKeptForTheMapperToTrim() throws {
        let (_, records, _) = try TestSupport.read(try TestSupport.file("a,b\n 1 ,\t2\n"))
        #expect(records.first?.fields == [" 1 ", "\t2"])
    }

    @Test(arguments: [(UInt8(ascii: "\t"), "\t"), (UInt8(ascii: ";"), ";"), (UInt8(ascii: "|"), "|")])
    func otherDelimiters(delimiter: UInt8, text: String) throws {
        let path = try TestSupport.file("a\(text)b\n\"x\(text)y\"\(text)2\n")
        let (_, records, _) = try TestSupport.read(path, layout: .init(encoding: .utf8, delimiter: delimiter))
        #expect(records.first?.fields == ["x\(text)y", "2"])
    }

    @Test(arguments: [1, 3, 1 << 16])
    func gb18030IsDecodedBeforeSplitting(chunkSize: Int) throws {
        // "表" is 0xB1 0xED and "|" can be a GBK trail byte: only decoding first splits correctly.
        let utf8 = "名称,渠道\n政务服务表,网上\n碧海社区,窗口\n"
        let gb = try IconvConverter.convert(Array(utf8.utf8), from: "UTF-8", to: "GB18030")
        #expect(gb != Array(utf8.utf8))
        let (header, records, _) = try TestSupport.read(
            try TestSupport.file(gb),
            layout: .init(encoding: .gb18030), chunkSize: chunkSize)
        #expect(header == ["名称", "渠道"])
        #expect(records.map(\.fields) == [["政务服务表", "网上"], ["碧海社区", "窗口"]])
    }

    @Test(arguments: [
        ("UTF-16", TextEncoding.utf16), ("UTF-16BE", .utf16), ("UTF-16LE", .utf16LE), ("UTF-16BE", .utf16BE),
        ("UTF-16", .auto), ("GB18030", .auto), ("UTF-8", .auto),
    ])
    func unicodeTextAndDetection(iconvName: String, declared: TextEncoding) throws {
        // Excel's "Unicode text": UTF-16 with a byte-order mark, tab-delimited.
        var bytes = try IconvConverter.convert(Array("服务大厅\t渠道\r\n市西街道\t网上\r\n".utf8), from: "UTF-8", to: iconvName)
        if iconvName == "UTF-16BE", declared != .utf16BE { bytes = [0xFE, 0xFF] + bytes }
        let (header, records, summary) = try TestSupport.read(
            try TestSupport.file(bytes),
            layout: .init(encoding: declared, delimiter: 9), chunkSize: 3)
        #expect(header == ["服务大厅", "渠道"])
        #expect(records.map(\.fields) == [["市西街道", "网上"]])
        if declared == .auto {
            #expect(summary.encoding.rawValue == ["UTF-16": "utf-16", "GB18030": "gb18030", "UTF-8": "utf-8"][iconvName])
        }
    }

    @Test func gb18030DeclaredAsUTF8IsRefusedWithOffsetAndHint() throws {
        let gb = try IconvConverter.convert(Array("a,b\n1,网上\n".utf8), from: "UTF-8", to: "GB18030")
        let error = try #require(throws: HallRateError.self) { try TestSupport.read(try TestSupport.file(gb)) }
        #expect(error.code == .fileRefused)
        #expect(error.message.contains("byte offset 6"))
        #expect(error.message.contains("gb18030"))
    }

    @Test func anUnterminatedQuoteIsReportedAtItsLine() throws {
        let (_, records, summary) = try TestSupport.read(try TestSupport.file("a,b\n1,2\n3,\"open\n4,5\n"))
        #expect(records.map(\.fields) == [["1", "2"]])
        #expect(summary.unterminatedQuoteLine == 3)
    }

    @Test func aRunawayFieldRefusesTheFileInsteadOfEatingMemory() throws {
        let text = "a,b\n1,\"" + String(repeating: "x", count: 4096)
        var limits = CSVParser.Limits()
        limits.maxFieldBytes = 1024
        let error = try #require(throws: HallRateError.self) {
            try TestSupport.read(try TestSupport.file(text), chunkSize: 512, limits: limits)
        }
        #expect(error.code == .fileRefused)
        #expect(error.message.contains("line 2"))
    }

    @Test func anOverlongRecordIsFlaggedNotStored() throws {
        var limits = CSVParser.Limits()
        limits.maxRecordBytes = 64
        let path = try TestSupport.file("a,b\n1,2\n" + String(repeating: ",", count: 500) + "\n3,4\n")
        var flags: [Bool] = []
        var reader = CSVFileReader(path: path, layout: .init())
        reader.limits = limits
        _ = try reader.read(header: { _ in }, record: { flags.append($0.isTooLong) })
        #expect(flags == [false, true, false])
    }

    /// H5 (issue 16): a line of millions of fields used to keep every field's end (8 bytes each), so a
    /// 300 MB line took 6.2 GB. A record over its limit now keeps only the fields that fit, on the fast
    /// path (a complete quote-free line) and through libcsv (a line the chunk cuts, or with quotes).
    @Test(arguments: [8, 1 << 16, 1 << 20])
    func anOverlongRecordKeepsOnlyTheFieldsThatFit(chunkSize: Int) throws {
        var limits = CSVParser.Limits()
        limits.maxRecordBytes = 64
        let long = String(repeating: "ab,", count: 100_000)
        let path = try TestSupport.file("a,b\n1,2\n" + long + "\n\"q\"," + long + "\n3,4\n")
        var records: [(count: Int, tooLong: Bool, first: String)] = []
        var reader = CSVFileReader(path: path, layout: .init())
        reader.limits = limits
        reader.chunkSize = chunkSize
        _ = try reader.read(header: { _ in }, record: { records.append(($0.count, $0.isTooLong, $0.count > 0 ? $0.string(0) : "")) })
        #expect(records.map(\.tooLong) == [false, true, true, false])
        // 64 bytes hold six fields of "ab" (2 + 8 each); the quoted line's "q" and five "ab".
        #expect(records.map(\.count) == [2, 6, 6, 2])
        #expect(records.map(\.first) == ["1", "ab", "q", "3"])
    }

    @Test func aRejectsRawRowIsCutAt4KiB() {
        #expect(Reject.capped("abc") == "abc")
        let long = String(repeating: "甲", count: 2000)  // 6,000 bytes
        let cut = Reject.capped(long)
        #expect(cut.hasSuffix("…[cut]"))
        #expect(cut.utf8.count <= Reject.maxRawBytes + "…[cut]".utf8.count)
        #expect(cut.dropLast("…[cut]".count).allSatisfy { $0 == "甲" })  // cut between characters
    }

    @Test func theDigestIsTheFilesSHA256() throws {
        let (_, _, summary) = try TestSupport.read(try TestSupport.file("abc"))
        #expect(summary.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(summary.bytes == 3)
    }

    @Test func aMissingFileIsAnIOErrorNamingIt() throws {
        let error = try #require(throws: HallRateError.self) { try TestSupport.read("/nonexistent/x.csv") }
        #expect(error.code == .io)
        #expect(error.description.hasPrefix("/nonexistent/x.csv: error: cannot open"))
    }
}
