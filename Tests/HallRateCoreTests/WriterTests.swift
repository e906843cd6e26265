import Testing

@testable import HallRateCore

@Suite struct WriterTests {
    @Test(arguments: ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
    func formulaLikeTextIsNeutralised(text: String) {
        #expect(Cell.text(text).rendered.hasPrefix("'") || Cell.text(text).rendered.hasPrefix("\"'"))
    }

    @Test func numbersStayNumbers() {
        #expect(Cell.decimal(-25, places: 2).rendered == "-25.00")
        #expect(Cell.decimal(-0.0001, places: 2).rendered == "0.00")
        #expect(Cell.decimal(nil, places: 2).rendered == "")
        #expect(Cell.decimal(2.0 / 3.0, places: 4).rendered == "0.6667")
        #expect(Cell.integer(-3).rendered == "-3")
    }

    @Test func quotingFollowsRFC4180() {
        #expect(Cell.text("a,b").rendered == "\"a,b\"")
        #expect(Cell.text("say \"hi\"").rendered == "\"say \"\"hi\"\"\"")
        #expect(Cell.text("two\nlines").rendered == "\"two\nlines\"")
        #expect(Cell.text("市西街道").rendered == "市西街道")
    }

    @Test func gb18030OutputRoundTrips() throws {
        var table = CSVTable(header: ["大厅"])
        table.append([.text("七星关区")])
        let bytes = try table.bytes(.gb18030)
        #expect(try IconvConverter.convert(bytes, from: "GB18030", to: "UTF-8") == Array("大厅\r\n七星关区\r\n".utf8))
        #expect(try table.bytes(.utf8BOM).prefix(3) == [0xEF, 0xBB, 0xBF])
    }
}

/// The fast decimal formatter must print exactly what `printf("%.*f")` prints.
@Suite struct DecimalFormatterTests {
    @Test func agreesWithPrintfOnRatiosAndPercentagePoints() {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var values: [Double] = [0, -0.0, 0.03125, 0.12345, 0.12355, 1.0 / 3.0, 2.0 / 3.0, -25, -0.00001, 12.5, 0.5, 1e14, -1e-9]
        for _ in 0..<20_000 {
            let total = Double(next() % 5_000 + 1)
            let online = Double(next() % UInt64(total + 1))
            values.append(online / total)
            values.append((online / total - Double(next() % 1_000) / 1_000) * 100)
            values.append(Double(bitPattern: next() | 0x3F00_0000_0000_0000) * (next() % 2 == 0 ? 1 : -1))
        }
        for value in values {
            for places in [2, 4] {
                #expect(
                    DecimalFormatter.format(value, places: places) == DecimalFormatter.formatExactly(value, places: places),
                    "\(value) with \(places) places")
            }
        }
        // Every number of places, and the byte path the CSV writer uses.
        for value in values.prefix(3_000) + [123_456.5, -7.25, 999_999.999_999_9, 1e15, -1e15, 4.5e-7] {
            for places in -1...7 {
                let exact = DecimalFormatter.formatExactly(value, places: max(0, min(places, 6)))
                #expect(DecimalFormatter.format(value, places: places) == exact, "\(value) with \(places) places")
                var bytes: [UInt8] = []
                DecimalFormatter.append(value, places: places, to: &bytes)
                #expect(bytes == Array(exact.utf8), "\(value) with \(places) places, as bytes")
            }
        }
    }
}

/// One rounding for every surface: the percentage the report and the workbook print is the CSV's
/// four-decimal ratio with its point moved, never a second rounding of the double.
@Suite struct PercentRoundingTests {
    @Test func percentagesAreTheCSVsRatioWithThePointMoved() {
        var state: UInt64 = 11
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var ratios: [Double] = [0, 1, 0.5, 0.61325, 0.61335, 0.00005, 0.99995, 1.0 / 3.0, 2.0 / 3.0]
        for _ in 0..<20_000 {
            let total = Double(next() % 5_000 + 1)
            ratios.append(Double(next() % UInt64(total + 1)) / total)
        }
        for ratio in ratios {
            let csv = DecimalFormatter.format(ratio, places: 4)  // "0.6133"
            let digits = Array(csv.replacingOccurrences(of: ".", with: "").drop { $0 == "0" })
            let expected =
                digits.count <= 2
                ? "0." + String(repeating: "0", count: 2 - digits.count) + String(digits)
                : String(digits.dropLast(2)) + "." + String(digits.suffix(2))
            #expect(DecimalFormatter.percentDigits(ratio) == expected, "\(ratio): CSV \(csv)")
            #expect(DecimalFormatter.roundedRatio(ratio) == Double(csv))
        }
    }

    @Test func neighboursInTheRankingNoLongerReadAlike() {
        // The pair: rank 9 at 61.33 % and rank 10 at 61.29 % both read 61.3 % with one decimal.
        #expect(HTMLNumber.percent(46.0 / 75.0) == "61.33%")
        #expect(HTMLNumber.percent(19.0 / 31.0) == "61.29%")
        #expect(HTMLNumber.percent(1) == "100.00%" && HTMLNumber.percent(0) == "0.00%")
    }

    @Test func theGapToTargetIsWordsNotABareMinus() {
        let words = HTMLReportWords(language: .zh)
        #expect(words.gapCell(DecimalFormatter.gapPoints(0.3208, target: 0.5)) == "低 17.92")
        #expect(words.gapCell(DecimalFormatter.gapPoints(0.7210, target: 0.7)) == "高 2.10")
        #expect(words.gapCell(DecimalFormatter.gapPoints(0.5, target: 0.5)) == "达标")  // not 持平, which is a rank that did not move
        // 0.49999 prints as 50.00 %, yet is below a 50 % target: the words keep the verdict.
        #expect(words.gapCell(DecimalFormatter.gapPoints(0.49999, target: 0.5), below: true) == "低 0.00")
        #expect(HTMLReportWords(language: .en).gapCell(-17.92) == "17.92 below")
    }
}

/// The byte-level CSV builder writes exactly what the cells render.
@Suite struct CSVBuilderTests {
    @Test func agreesWithCellRendering() throws {
        let texts = [
            "", "plain", "a,b", "say \"hi\"", "\"", "two\nlines", "cr\r", "=1+1", "-2", "+x", "@a", "\tx", "\rx",
            "市西街道", "\"quoted,\"", "=\"a\"", "x\"\"y",
        ]
        let numbers: [Double?] = [nil, 0, -0.0, 0.5, 2.0 / 3.0, -25, -0.0001, .nan, .infinity, 1e20, 12.345]
        let integers = [0, 1, -1, 42, -3, Int.max, Int.min]
        var table = CSVTable(header: texts)
        var builder = CSVBuilder(header: texts)
        for text in texts {
            table.append([.text(text), .empty, .number("1.5")])
            builder.text(text)
            builder.empty()
            builder.cell(.number("1.5"))
            builder.endRow()
        }
        for places in [0, 2, 4] {
            table.append(numbers.map { Cell.decimal($0, places: places) })
            for number in numbers { builder.decimal(number, places: places) }
            builder.endRow()
        }
        table.append(integers.map(Cell.integer) + [.empty])
        for integer in integers { builder.integer(integer) }
        builder.integer(nil as Int?)
        builder.endRow()
        table.append([])
        builder.endRow()
        let expected =
            table.header.map { Cell.text($0).rendered }.joined(separator: ",") + "\r\n"
            + table.rows.map { $0.map(\.rendered).joined(separator: ",") + "\r\n" }.joined()
        #expect(Array(builder.utf8) == Array(expected.utf8))
        #expect(table.text == expected)
        #expect(try builder.bytes(.utf8BOM) == [0xEF, 0xBB, 0xBF] + Array(expected.utf8))
        #expect(try builder.bytes(.utf8) == Array(expected.utf8))
        #expect(try table.bytes(.utf8BOM) == builder.bytes(.utf8BOM))
        #expect(CSVFormatter.quoted("a\"b,c") == "\"a\"\"b,c\"")
        #expect(CSVFormatter.quoted("a;b", delimiter: ";") == "\"a;b\"")
    }

    /// L15 (issue 16): a cell beyond Excel's 32,767 characters made the workbook "damaged" in Excel.
    @Test func aWorkbookCellIsCutToWhatExcelHolds() {
        #expect(Worksheet.fitted("短") == "短")
        let long = String(repeating: "甲😀", count: 20_000)  // 60,000 UTF-16 units
        let fitted = Worksheet.fitted(long)
        #expect(fitted.utf16.count <= Worksheet.maxCellLength)
        #expect(fitted.hasSuffix("…[cut]"))
        #expect(long.hasPrefix(fitted.dropLast("…[cut]".count)))  // whole characters only
    }
}
