import Testing

@testable import HallRateCore

@Suite struct PathTemplateTests {
    @Test(arguments: [
        ("/in/village/{hall_code}/*.xml", "/in/village/520502010202/2019-05.xml", "520502010202"),
        ("/in/{hall_code}_*.csv", "/in/520502001201_2019_03.csv", "520502001201"),
        ("/in/[0-9]*/{hall_code}.csv", "/in/2019/520502001201.csv", "520502001201"),
        ("/in/[!x]*/{hall_code}.csv", "/in/2019/520502001201.csv", "520502001201"),
    ])
    func capturesTheHallCode(template: String, path: String, code: String) {
        let paths = PathTemplate(template)
        #expect(paths.capturesHall)
        #expect(paths.hallCode(in: path) == code)
        #expect(!paths.glob.contains("{"))
    }

    @Test func aPlainGlobCapturesNothing() {
        #expect(PathTemplate("/in/*.csv").capturesHall == false)
        #expect(PathTemplate("/in/*.csv").hallCode(in: "/in/a.csv") == nil)
    }
}
