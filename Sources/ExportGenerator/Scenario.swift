/// The fixed choices of the demo set: its months, its seed and the patterns planted on purpose.
enum Scenario {
    static let seed: UInt64 = 0x5205_0220_1811_2019
    /// 2018-10 through 2019-11.
    static let months = Month.run(from: Month(year: 2018, month: 10), count: 14)

    /// 撒拉溪镇政务服务中心: its online share (‰) is forced down every month from 2019-05 on.
    static let decliningTownship = HallRecord.code(township: 13)
    static let decliningFrom = 7
    static let decliningShares = [680, 620, 560, 500, 440, 380, 320]

    /// 放珠镇营盘村便民服务站: no rows at all in 2019-06 and 2019-07.
    static let absentVillage = HallRecord.code(township: 11, village: 202)
    static let absentMonths = [8, 9]

    /// 市西街道桂花社区 and 朱昌镇朱昌村 stations (both usually near 30 a month): exactly the same counts in 2019-11.
    static let tiedVillages = [HallRecord.code(township: 1, village: 202), HallRecord.code(township: 14, village: 201)]
    static let tieMonth = 13
    static let tieCounts = HallMonthCounts(counted: 34, online: 13, withdrawn: 0)

    /// Halls that carry a planted pattern get no defects, so the patterns hold whatever a pipeline rejects.
    static func isProtected(_ code: String) -> Bool {
        code == decliningTownship || code == absentVillage || tiedVillages.contains(code)
    }
}
