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
                #expect(DecimalFormatter.format(value, places: places) == DecimalFormatter.formatExactly(value, places: places),
                        "\(value) with \(places) places")
            }
        }
    }
}
