/// Townships and streets of 七星关区 (real names) with two or three villages or communities each.
enum Geography {
    /// A township or street and the villages (村) or communities (社区) whose stations it runs.
    struct Township {
        let name: String
        let villages: [String]
    }

    static let districtCode = "520502000000"
    static let districtName = "七星关区政务服务中心"
    static let districtParent = "520502"

    /// In code order: the township at index `i` has code `520502` + `i + 1` (3 digits) + `000`.
    static let townships: [Township] = [
        Township(name: "市西街道", villages: ["碧海社区", "桂花社区", "南关社区"]),
        Township(name: "市东街道", villages: ["东关社区", "百花社区"]),
        Township(name: "三板桥街道", villages: ["三板桥社区", "灵峰社区", "松山社区"]),
        Township(name: "大新桥街道", villages: ["大新桥社区", "金海湖社区"]),
        Township(name: "观音桥街道", villages: ["观音桥社区", "桃园社区"]),
        Township(name: "洪山街道", villages: ["洪山社区", "双井社区"]),
        Township(name: "碧阳街道", villages: ["碧阳社区", "翠屏社区", "麻园社区"]),
        Township(name: "德溪街道", villages: ["德溪社区", "新星社区"]),
        Township(name: "柏杨林街道", villages: ["柏杨林社区", "开行社区"]),
        Township(name: "杨家湾镇", villages: ["新华村", "龙凤村", "水井村"]),
        Township(name: "放珠镇", villages: ["放珠村", "营盘村"]),
        Township(name: "清水铺镇", villages: ["清水村", "茶园村"]),
        Township(name: "撒拉溪镇", villages: ["撒拉溪村", "冲锋村"]),
        Township(name: "朱昌镇", villages: ["朱昌村", "高山村"]),
        Township(name: "田坝桥镇", villages: ["田坝村", "白岩村"]),
        Township(name: "长春堡镇", villages: ["长春村", "大河村"]),
    ]

    static func townshipHallName(_ township: String) -> String { township + "政务服务中心" }

    /// A street (街道), as opposed to a town (镇).
    static func isStreet(_ township: String) -> Bool { township.hasSuffix("街道") }

    /// Other names of a township center: every street center is also called `…便民服务中心`, every other one
    /// (市西街道, 三板桥街道, …) also `…办事处政务服务中心`; towns have none.
    static func aliases(township: String, index: Int) -> [String] {
        guard isStreet(township) else { return [] }
        var aliases = [township + "便民服务中心"]
        if index % 2 == 0 { aliases.append(township + "办事处政务服务中心") }
        return aliases
    }

    /// The township or street a demo hall code belongs to (`520502TTTVVV` → township `TTT`).
    static func township(of code: String) -> Township? {
        let bytes = Array(code.utf8)
        guard bytes.count == 12 else { return nil }
        var number = 0
        for byte in bytes[6..<9] {
            guard (48...57).contains(byte) else { return nil }
            number = number * 10 + Int(byte - 48)
        }
        return (1...townships.count).contains(number) ? townships[number - 1] : nil
    }

    /// Whether the stations of `code`'s township export XML: those of the last half of the townships do.
    static func exportsXML(villageCode code: String) -> Bool {
        guard let township = township(of: code), let index = townships.firstIndex(where: { $0.name == township.name })
        else { return false }
        return index >= townships.count / 2
    }

    static func villageHallName(township: String, village: String) -> String { township + village + "便民服务站" }
}
