import Foundation
import Testing

@testable import HallRateCore

/// The parser's quote-free fast path reads every input exactly as libcsv alone does: the same
/// records (field bytes, lines, too-long flags), the same ending, the same refusal, at every chunk size.
@Suite struct CSVParserDifferentialTests {
    typealias Random = CSVRobustnessTests.Random

    /// Everything a parse shows its caller.
    struct Outcome: Equatable {
        struct Record: Equatable {
            var line: Int
            var isTooLong: Bool
            var fields: [[UInt8]]
        }
        var records: [Record] = []
        var ending: CSVParser.Ending?
        /// The refusal's message, when the parse threw.
        var error: String?
        /// Lines split by the fast path (always 0 for libcsv alone).
        var quoteFreeLines = 0
    }

    static let chunkSizes = [1, 2, 3, 7, 13, 1 << 16]

    /// Parses `bytes` cut into chunks of `chunkSize`, through libcsv alone or with the fast path.
    static func parse(
        _ bytes: [UInt8], chunkSize: Int, delimiter: UInt8 = UInt8(ascii: ","),
        limits: CSVParser.Limits = .init(), fastPath: Bool
    ) -> Outcome {
        var outcome = Outcome()
        func collect(_ record: RawRecord) {
            outcome.records.append(
                .init(
                    line: record.line, isTooLong: record.isTooLong,
                    fields: (0..<record.count).map { Array(record[$0]) }))
        }
        do {
            let parser = try CSVParser(delimiter: delimiter, limits: limits, usesFastPath: fastPath)
            try bytes.withUnsafeBytes { all in
                for start in stride(from: 0, to: all.count, by: chunkSize) {
                    try parser.parse(
                        UnsafeRawBufferPointer(rebasing: all[start..<min(start + chunkSize, all.count)]),
                        collect)
                }
            }
            outcome.ending = try parser.finish(collect)
            outcome.quoteFreeLines = parser.quoteFreeLines
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    /// Checks one input at every chunk size; returns the lines the fast path took at the largest.
    @discardableResult
    static func expectSame(
        _ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), limits: CSVParser.Limits = .init(),
        _ label: @autoclosure () -> String
    ) -> Int {
        var fastLines = 0
        for chunkSize in chunkSizes {
            let libcsv = parse(bytes, chunkSize: chunkSize, delimiter: delimiter, limits: limits, fastPath: false)
            var fast = parse(bytes, chunkSize: chunkSize, delimiter: delimiter, limits: limits, fastPath: true)
            fastLines = fast.quoteFreeLines
            fast.quoteFreeLines = 0
            #expect(fast == libcsv, "\(label()) at chunk size \(chunkSize): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        return fastLines
    }

    static let delimiters: [UInt8] = [UInt8(ascii: ","), 0x09, UInt8(ascii: ";"), UInt8(ascii: "|")]

    @Test(arguments: delimiters)
    func randomInputsReadAsLibcsvReadsThem(delimiter: UInt8) throws {
        var random = Random(state: 4180 + UInt64(delimiter))
        let separator = String(UnicodeScalar(delimiter))
        // Quote-heavy and quote-rare mixes: the first stresses the switches, the second the fast path.
        let quoteHeavy = [
            "a", "1", separator, separator, "\"", "\"", "\r", "\n", "\n", "\r\n", " ", "网",
            "\u{3000}", "\t", ",", ";", "|", "x y",
        ]
        let quoteRare =
            [
                "ab", "12", separator, separator, separator, "\n", "\n", "\r\n", "\r", " ", "受理", "é",
                "\"", "\t", "z",
            ] + Array(repeating: "text", count: 6)
        var fastLines = 0
        for round in 0..<1000 {
            let alphabet = round % 2 == 0 ? quoteHeavy : quoteRare
            let length = Int(random.next() % 120)
            let text = (0..<length).map { _ in random.pick(alphabet) }.joined()
            var limits = CSVParser.Limits()
            switch random.next() % 4 {
            case 0: limits.maxRecordBytes = 16 + Int(random.next() % 64)  // records near and over the limit
            case 1: limits.maxFieldBytes = 100 + Int(random.next() % 300)  // libcsv's buffer near the limit
            default: break
            }
            fastLines += Self.expectSame(Array(text.utf8), delimiter: delimiter, limits: limits, "round \(round)")
        }
        #expect(fastLines > 5000, "the fast path must actually run")
    }

    /// Bench-like rows: mostly plain, some with quoted fields holding delimiters, doubled quotes and line ends.
    @Test func benchLikeRowsReadAsLibcsvReadsThem() throws {
        var random = Random(state: 213)
        let plain = ["GD2024-000123", "4401060001", "窗口", "2024-03-01 09:30:00", "办结", "", "受理部门"]
        let quoted = ["\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"cr\r\nlf\"", "\"\"", "x\"y"]
        var fastLines = 0
        for round in 0..<200 {
            var text = "办件编号,受理大厅编码,申报渠道\n"
            for _ in 0..<Int(random.next() % 30) {
                let fields = (0..<Int(1 + random.next() % 8)).map { _ in
                    random.next() % 10 == 0 ? random.pick(quoted) : random.pick(plain)
                }
                text += fields.joined(separator: ",") + random.pick(["\n", "\n", "\r\n", "\r"])
            }
            if random.next() % 3 == 0 { text.removeLast() }  // no final line end
            fastLines += Self.expectSame(Array(text.utf8), "round \(round)")
        }
        #expect(fastLines > 1000, "the fast path must actually run")
    }

    /// Wide rows (up to 120 fields, more than the 32 field ends the fast path gathers at a time) of
    /// fields of every length its copy treats apart (0, 1–3, 4–7, 8–15, 16 and more bytes).
    @Test func wideRowsOfEveryFieldLengthReadAsLibcsvReadsThem() throws {
        var random = Random(state: 120)
        var fastLines = 0
        for round in 0..<60 {
            var text = ""
            for _ in 0..<Int(1 + random.next() % 6) {
                let fields = (0..<Int(1 + random.next() % 120)).map { _ in
                    random.next() % 40 == 0
                        ? "\"q,\"\"\"" : String(repeating: random.pick(["a", "受", "9"]), count: Int(random.next() % 24))
                }
                text += fields.joined(separator: ",") + random.pick(["\n", "\r\n"])
            }
            fastLines += Self.expectSame(Array(text.utf8), "round \(round)")
        }
        #expect(fastLines > 100, "the fast path must actually run")
    }

    @Test(arguments: [
        "", "\n", "\r", "\r\n", "\n\n\r\r\n", "a", "a\n", "a,", "a,\n", ",", ",\n", ",,\r\n,", "a\r\nb", "a\rb\nc\r",
        "a,b\r", "a,b\r\n\r\n", "  a , b  \n", "\"a\nb\",c\r\nd", "a\"b,c\n", "\"open", "\"open\n", "a,\"open\nx,y",
        "a,b\n\"x\"\"y\",z\n", "\"a\"b,c\n", "\"a\" ,b\n", "x,\"\"\n\"\",\n", "\"\r\"\r\"\n\"\n", "网,\u{3000}\n\r\n",
        "\"a\"\"", "a,b\n1,\"2\r\n3\"\r\n4,5", "\"\"\"\"\n", "a\n\"\n\"\n",
    ])
    func tricksReadAsLibcsvReadsThem(text: String) throws {
        for delimiter in Self.delimiters {
            let swapped = text.replacingOccurrences(of: ",", with: String(UnicodeScalar(delimiter)))
            Self.expectSame(Array(swapped.utf8), delimiter: delimiter, "delimiter \(delimiter)")
            var limits = CSVParser.Limits()
            limits.maxRecordBytes = 9
            Self.expectSame(Array(swapped.utf8), delimiter: delimiter, limits: limits, "delimiter \(delimiter), small limit")
        }
    }

    /// Records whose budget (bytes plus 8 per field) falls just under, on and just over the limit,
    /// and fields around the sizes where libcsv's buffer grows.
    @Test func recordsAndFieldsNearTheLimits() throws {
        var limits = CSVParser.Limits()
        limits.maxRecordBytes = 64
        for length in 20...60 {
            for fields in 1...4 {
                let field = String(repeating: "x", count: length / fields)
                let record = Array(repeating: field, count: fields).joined(separator: ",")
                Self.expectSame(
                    Array("h\n\(record)\n\(record),\n\"\(record)\",q\n\(record)".utf8), limits: limits,
                    "\(fields) fields of \(length / fields)")
            }
        }
        for length in [125, 126, 127, 128, 129, 254, 255, 256, 257] {
            for maxFieldBytes in [127, 128, 129, 255, 256, 257] {
                var limits = CSVParser.Limits()
                limits.maxFieldBytes = maxFieldBytes
                let field = String(repeating: "y", count: length)
                Self.expectSame(Array("a,\(field)\nb\n".utf8), limits: limits, "field \(length), limit \(maxFieldBytes)")
                Self.expectSame(Array("\"a\"\n\(field)\n".utf8), limits: limits, "field \(length), limit \(maxFieldBytes)")
            }
        }
    }

    @Test func csvSpectrumReadsAsLibcsvReadsIt() throws {
        var files = 0
        for folder in CSVConformanceTests.folders {
            let csvs = folder.appendingPathComponent("csvs")
            for name in try FileManager.default.contentsOfDirectory(atPath: csvs.path).sorted() {
                let bytes = try [UInt8](Data(contentsOf: csvs.appendingPathComponent(name)))
                Self.expectSame(bytes, name)
                Self.expectSame(bytes + Array("\nlast,line".utf8), name + " without a final newline")
                files += 1
            }
        }
        #expect(files >= CSVConformanceTests.cases.count)
    }
}
