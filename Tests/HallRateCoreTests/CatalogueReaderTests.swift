import Testing

@testable import HallRateCore

/// The item catalogue (contract rule 18), read as strictly as the registry: Chinese, English and
/// GB/T 39046 code words; every bad row named by file, line and column.
@Suite struct CatalogueReaderTests {
    static let header = "item_code,item_name,kind,promised_limit,legal_limit,limit_unit,online_capable,fully_online\n"

    func read(_ rows: String) throws(HallRateError) -> ItemCatalogue {
        let path = (try? TestSupport.file(Self.header + rows, name: "catalogue.csv")) ?? ""
        return try CatalogueReader(path: path, displayPath: "catalogue.csv").read()
    }

    @Test func readsChineseEnglishAndStandardWords() throws {
        let catalogue = try read(
            """
            520502010060000,食品经营许可,承诺件,10,20,工作日,是,否
            520502020120000,社会保障卡申领,即办件,0,0,自然日,是,是
            A3,不动产登记,2,5,30,working_days,yes,no
            A4,临时救助,1,0,5,natural_days,No,NO

            """)
        #expect(catalogue.items.count == 4)
        #expect(
            catalogue["520502010060000"]
                == ItemCatalogue.Item(
                    code: "520502010060000", name: "食品经营许可", kind: .promised, promisedLimit: 10, legalLimit: 20,
                    unit: .workingDays, onlineCapable: true, fullyOnline: false))
        #expect(catalogue["520502020120000"]?.kind == .instant && catalogue["520502020120000"]?.unit == .naturalDays)
        #expect(catalogue["A3"]?.kind == .promised && catalogue["A4"]?.kind == .instant && catalogue["A4"]?.onlineCapable == false)
        #expect(catalogue["nope"] == nil)
    }

    @Test(arguments: [
        ("A1,x,加急件,1,2,工作日,是,否\n", 2, 3, "kind '加急件' of item A1 is none of"),
        ("A1,x,承诺件,一,2,工作日,是,否\n", 2, 4, "promised_limit '一' of item A1 is not a whole number"),
        ("A1,x,承诺件,5,2,工作日,是,否\n", 2, 4, "longer than its legal_limit 2"),
        ("A1,x,承诺件,1,2,周,是,否\n", 2, 6, "limit_unit '周' of item A1"),
        ("A1,x,承诺件,1,2,工作日,可以,否\n", 2, 7, "online_capable '可以'"),
        ("A1,x,承诺件,1,2,工作日,是,否\nA1,y,即办件,0,0,工作日,是,否\n", 3, 1, "item_code A1 is listed twice (first on line 2)"),
        (",x,承诺件,1,2,工作日,是,否\n", 2, 1, "empty item_code"),
    ])
    func aBadRowIsAnErrorAtItsLineAndColumn(rows: String, line: Int, column: Int, message: String) {
        let error = #expect(throws: HallRateError.self) { try read(rows) }
        #expect(error?.code == .catalogue && error?.exitStatus == 2)
        #expect(error?.location == SourceLocation(file: "catalogue.csv", line: line, column: column), "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func aMissingColumnIsNamed() throws {
        let path = try TestSupport.file("item_code,item_name,kind\nA1,x,即办件\n", name: "catalogue.csv")
        let error = #expect(throws: HallRateError.self) { try CatalogueReader(path: path, displayPath: "c.csv").read() }
        #expect(error?.message.contains("no column 'promised_limit'") == true && error?.location?.line == 1)
    }
}
