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
