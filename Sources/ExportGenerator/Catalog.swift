/// The service items offered in 七星关区's halls (names after the Guizhou government service catalog).
///
/// Some names carry an ASCII comma or double quote on purpose, so the exports exercise RFC 4180 quoting.
enum Catalog {
    static let departments = [
        "七星关区市场监督管理局",
        "七星关区人力资源和社会保障局",
        "七星关区医疗保障局",
        "毕节市公安局七星关分局",
        "七星关区不动产登记中心",
        "七星关区住房和城乡建设局",
        "七星关区民政局",
        "七星关区卫生健康局",
        "国家税务总局毕节市七星关区税务局",
        "七星关区交通运输局",
        "七星关区农业农村局",
        "七星关区退役军人事务局",
        "七星关区残疾人联合会",
        "七星关区自然资源局",
        "七星关区教育局",
    ]

    /// Every item, in catalog order.
    static let items: [CatalogItem] = entries.enumerated().map { index, entry in
        var code = Array("520502".utf8)
        code.appendDigits(entry.department + 1, width: 2)
        code.appendDigits(index + 1, width: 3)
        code.append(contentsOf: Array("0000".utf8))
        return CatalogItem(
            code: String(decoding: code, as: UTF8.self), name: entry.name,
            department: departments[entry.department], atTownships: entry.township, terms: entry.terms)
    }

    /// Items handled at township centers.
    static let townshipItems: [CatalogItem] = items.filter(\.atTownships)

    /// Name, department, whether townships handle it, and its catalogue terms (nil: left out of `catalogue.csv`).
    /// The two items left out give the demo uncatalogued transactions; nothing random depends on the terms.
    private static let entries: [(name: String, department: Int, township: Bool, terms: ItemTerms?)] = [
        ("个体工商户设立登记", 0, true, .instant(online: true, fully: true)),
        ("个体工商户变更登记", 0, true, .instant(online: true, fully: true)),
        ("个体工商户注销登记", 0, false, .promised(1, legal: 15, online: true, fully: true)),
        ("企业设立登记", 0, false, .promised(3, legal: 15, online: true, fully: true)),
        ("\"多证合一\"营业执照办理", 0, false, .promised(2, legal: 15, online: true, fully: false)),
        ("食品经营许可", 0, true, .promised(10, legal: 20, online: true, fully: false)),
        ("食品经营许可（新办,变更,延续）", 0, true, .promised(7, legal: 20, online: true, fully: false)),
        ("药品零售企业经营许可", 0, false, .promised(15, legal: 30, online: true, fully: false)),
        ("开办餐馆\"一件事\"套餐", 0, true, .promised(5, legal: 20, online: true, fully: false)),
        ("城乡居民基本养老保险参保登记", 1, true, .instant(online: true, fully: true)),
        ("城乡居民基本养老保险待遇申领", 1, true, .promised(10, legal: 20, online: true, fully: false)),
        ("社会保障卡申领", 1, true, .promised(20, legal: 30, .naturalDays, online: true, fully: false)),
        ("就业创业证申领", 1, true, .instant(online: true, fully: true)),
        ("失业保险金申领", 1, false, .promised(5, legal: 10, online: true, fully: true)),
        ("城乡居民基本医疗保险参保登记", 2, true, .instant(online: true, fully: true)),
        ("异地就医备案", 2, true, .promised(1, legal: 5, online: true, fully: true)),
        ("门诊特殊疾病待遇认定", 2, false, .promised(15, legal: 20, online: true, fully: false)),
        ("居民身份证换领", 3, false, .promised(30, legal: 60, .naturalDays, online: false, fully: false)),
        ("户口迁移（迁入,迁出）", 3, false, .promised(5, legal: 20, online: false, fully: false)),
        ("居住证申领", 3, true, .promised(10, legal: 15, online: true, fully: false)),
        ("不动产登记", 4, false, .promised(5, legal: 30, online: true, fully: false)),
        ("不动产登记（首次登记,转移登记,抵押登记）", 4, false, .promised(5, legal: 30, online: true, fully: false)),
        ("不动产权属证明查询", 4, false, .instant(online: true, fully: true)),
        ("建设工程规划许可", 13, false, .promised(15, legal: 20, online: true, fully: false)),
        ("农村宅基地和建房（规划许可）审批", 13, true, .promised(20, legal: 20, online: false, fully: false)),
        ("建筑工程施工许可证核发", 5, false, .promised(7, legal: 15, online: true, fully: false)),
        ("商品房预售许可", 5, false, .promised(10, legal: 20, online: true, fully: false)),
        ("最低生活保障审核确认", 6, true, .promised(20, legal: 30, online: true, fully: false)),
        ("特困人员救助供养审核", 6, true, .promised(15, legal: 20, online: false, fully: false)),
        ("高龄津贴申领", 6, true, .promised(10, legal: 20, online: true, fully: false)),
        ("临时救助申请", 6, true, .promised(7, legal: 15, online: true, fully: false)),
        ("生育登记服务", 7, true, .instant(online: true, fully: true)),
        ("公共场所卫生许可", 7, false, .promised(10, legal: 20, online: true, fully: false)),
        ("医师执业注册", 7, false, .promised(15, legal: 20, online: true, fully: false)),
        ("增值税专用发票领用", 8, false, .instant(online: true, fully: true)),
        ("个人所得税综合所得汇算清缴", 8, false, nil),
        ("道路运输经营许可", 9, false, .promised(10, legal: 20, online: true, fully: false)),
        ("出租汽车驾驶员从业资格证核发", 9, false, .promised(5, legal: 20, online: true, fully: false)),
        ("耕地地力保护补贴申报", 10, true, .promised(15, legal: 30, online: false, fully: false)),
        ("农机购置补贴申请", 10, true, .promised(15, legal: 20, online: true, fully: false)),
        ("退役军人优待证申领", 11, true, .promised(20, legal: 30, online: true, fully: false)),
        ("残疾人证办理", 12, true, .promised(15, legal: 20, online: false, fully: false)),
        ("困难残疾人生活补贴申请", 12, true, .promised(10, legal: 20, online: true, fully: false)),
        ("教师资格认定", 14, false, nil),
    ]
}
