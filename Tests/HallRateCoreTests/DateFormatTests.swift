import Testing

@testable import HallRateCore

@Suite struct DateFormatTests {
    func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> LocalTime? {
        LocalTime(year: y, month: m, day: d, hour: h, minute: mi, second: s)
    }

    @Test(arguments: [
        ("yyyy-MM-dd HH:mm:ss", "2018-10-08 09:31:05", 2018, 10, 8, 9, 31, 5),
        ("yyyy/M/d H:mm", "2018/10/8 9:31", 2018, 10, 8, 9, 31, 0),
        ("yyyy/M/d H:mm", "2018/1/18 19:05", 2018, 1, 18, 19, 5, 0),
        ("yyyy年M月d日 HH:mm", "2018年10月8日 09:31", 2018, 10, 8, 9, 31, 0),
        ("yyyy年M月d日", "2018年10月8日", 2018, 10, 8, 0, 0, 0),
        ("iso8601", "2018-10-08T09:31:05+08:00", 2018, 10, 8, 9, 31, 5),
        ("iso8601", "2018-10-08T01:31:05Z", 2018, 10, 8, 9, 31, 5),
        ("iso8601", "2018-10-31T20:00:00-05:00", 2018, 11, 1, 9, 0, 0),
        ("excel", "43381.396", 2018, 10, 8, 9, 30, 14),
        // L19 (issue 16): Excel shows serial 1 as 1900-01-01 and 59 as 1900-02-28 (its epoch moves by
        // the 29 February 1900 it wrongly counts); 61 and later agree with days since 1899-12-30.
        ("excel", "1", 1900, 1, 1, 0, 0, 0),
        ("excel", "59.5", 1900, 2, 28, 12, 0, 0),
        ("excel", "61", 1900, 3, 1, 0, 0, 0),
    ])
    func parses(pattern: String, text: String, y: Int, m: Int, d: Int, h: Int, mi: Int, s: Int) throws {
        let format = try #require(DateFormat(pattern))
        #expect(format.parse(text) == local(y, m, d, h, mi, s))
    }

    @Test(arguments: [
        ("yyyy-MM-dd HH:mm:ss", "2019-02-30 10:00:00"),
        ("yyyy-MM-dd HH:mm:ss", "2019-13-01 10:00:00"),
        ("yyyy-MM-dd HH:mm:ss", "0000-00-00 00:00:00"),
        ("yyyy-MM-dd HH:mm:ss", "2019-02-28 24:00:00"),
        ("yyyy-MM-dd HH:mm:ss", "2019-2-28 10:00:00"),
        ("yyyy-MM-dd HH:mm:ss", "2019-02-28 10:00:00x"),
        ("yyyy/M/d H:mm", "待定"),
        ("iso8601", "2019-02-29T10:00:00+08:00"),
        ("excel", "abc"),
        ("excel", "4.3381e4"),
        ("excel", "+43381"),
        ("excel", "60"),  // Excel's 1900-02-29, a day that never was
    ])
    func refusesImpossibleOrForeignDates(pattern: String, text: String) throws {
        #expect(try #require(DateFormat(pattern)).parse(text) == nil)
    }

    @Test func aLeapDayExists() throws {
        #expect(try #require(DateFormat("yyyy-MM-dd")).parse("2020-02-29") == local(2020, 2, 29))
    }

    @Test(arguments: ["yyyy-MM-dd QQ", "yy-MM-dd", "HH:mm"])
    func badPatternsDoNotCompile(pattern: String) {
        #expect(DateFormat(pattern) == nil)
    }

    @Test func periodsAreLocalMonths() throws {
        #expect(try #require(local(2019, 1, 31, 23, 59, 59)).period.description == "2019-01")
        #expect(try #require(local(1969, 12, 31, 23)).period.description == "1969-12")
        #expect(Period("2019-03")?.advanced(by: -3).description == "2018-12")
        #expect(Period("2019-3") == nil)
    }

    /// The fixed-width matcher (whole words at a time) gives the general matcher's answers, on valid
    /// dates and on mutations of them (digits, separators, extra or missing spaces, lengths).
    @Test func fixedWidthPatternsMatchLikeTheGeneralMatcher() throws {
        var rng = UTF8ValidatorTests.SplitMix(state: 2019)
        let cases: [(String, String)] = [
            ("yyyy-MM-dd HH:mm:ss", "2018-10-08 09:31:05"), ("yyyy-MM-dd", "2020-02-29"), ("yyyyMMddHHmmss", "20181008093105"),
            ("yyyy年MM月dd日 HH:mm", "2018年10月08日 09:31"), ("yyyy/MM/dd  HH:mm", "2018/12/31 23:59"),
            ("yyyy-MM-dd HH:mm:ss ", "2018-10-08 09:31:05 "),
        ]
        let alphabet = Array("0123456789 -:/年T".utf8) + [0x80, 0xE5]
        var matched = 0
        for (pattern, sample) in cases {
            let format = try #require(DateFormat(pattern))
            for _ in 0..<3000 {
                var bytes = Array(sample.utf8)
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    let at = Int.random(in: 0...bytes.count, using: &rng)
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0 where at < bytes.count: bytes[at] = alphabet.randomElement(using: &rng)!
                    case 1: bytes.insert(0x20, at: at)
                    case 2 where at < bytes.count: bytes.remove(at: at)
                    default: bytes[min(at, bytes.count - 1)] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)
                    }
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let expected = format.parseWithoutFastPath(text)
                #expect(format.parse(text) == expected, "\(pattern): '\(text)'")
                if expected != nil { matched += 1 }
            }
        }
        #expect(matched > 3000)
    }
}
