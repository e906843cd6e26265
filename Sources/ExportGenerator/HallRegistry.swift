/// The hall registry written as `halls.csv` (UTF-8, no BOM, LF).
struct HallRegistry {
    /// The demo registry's header, with the optional `aliases` column.
    static let header = "hall_code,hall_name,tier,parent_code,aliases"
    /// The benchmark registry's header: the four required columns only.
    static let plainHeader = "hall_code,hall_name,tier,parent_code"

    let halls: [HallRecord]

    func halls(in tier: HallTier) -> [HallRecord] { halls.filter { $0.tier == tier } }

    /// `halls.csv` with the `aliases` column (`;`-separated) when `withAliases`, else the four plain columns.
    func csvBytes(withAliases: Bool) -> [UInt8] {
        let header = withAliases ? HallRegistry.header : HallRegistry.plainHeader
        var bytes: [UInt8] = []
        CSVLine.append(header.split(separator: ",").map(String.init), lineEnding: "\n", to: &bytes)
        for hall in halls {
            var fields = [hall.code, hall.name, hall.tier.rawValue, hall.parentCode]
            if withAliases { fields.append(hall.aliases.joined(separator: ";")) }
            CSVLine.append(fields, lineEnding: "\n", to: &bytes)
        }
        return bytes
    }

    /// The hall whose name or one of whose aliases is exactly `name`.
    func hall(named name: String) -> HallRecord? {
        halls.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The real-named demo registry: the district center, 16 townships and 36 villages.
    static func demo() -> HallRegistry {
        var halls = [
            HallRecord(
                code: Geography.districtCode, name: Geography.districtName, tier: .district,
                parentCode: Geography.districtParent)
        ]
        var villages: [HallRecord] = []
        for (index, township) in Geography.townships.enumerated() {
            let code = HallRecord.code(township: index + 1)
            halls.append(
                HallRecord(
                    code: code, name: Geography.townshipHallName(township.name), tier: .township,
                    parentCode: Geography.districtCode,
                    aliases: Geography.aliases(township: township.name, index: index)))
            for (offset, village) in township.villages.enumerated() {
                villages.append(
                    HallRecord(
                        code: HallRecord.code(township: index + 1, village: 201 + offset),
                        name: Geography.villageHallName(township: township.name, village: village),
                        tier: .village, parentCode: code))
            }
        }
        return HallRegistry(halls: halls + villages)
    }

    /// `count` synthetic halls for benchmarks: one district center, about 10 % townships, the rest villages
    /// spread round-robin over the townships.
    static func synthetic(count: Int) -> HallRegistry {
        var halls = [
            HallRecord(
                code: Geography.districtCode, name: Geography.districtName, tier: .district,
                parentCode: Geography.districtParent)
        ]
        guard count > 1 else { return HallRegistry(halls: halls) }
        let townshipCount = min(999, max(1, count / 10))
        for t in 1...townshipCount {
            halls.append(
                HallRecord(
                    code: HallRecord.code(township: t), name: syntheticTownshipName(t),
                    tier: .township, parentCode: Geography.districtCode))
        }
        for v in 0..<max(0, count - 1 - townshipCount) {
            let t = v % townshipCount + 1
            let number = 201 + v / townshipCount
            halls.append(
                HallRecord(
                    code: HallRecord.code(township: t, village: number),
                    name: syntheticTownshipName(t).replacingSuffix("政务服务中心", with: "第\(number)村便民服务站"),
                    tier: .village, parentCode: HallRecord.code(township: t)))
        }
        return HallRegistry(halls: halls)
    }

    /// Real township names for the first 16, then numbered ones (`模拟乡镇017`).
    private static func syntheticTownshipName(_ number: Int) -> String {
        if number <= Geography.townships.count {
            return Geography.townshipHallName(Geography.townships[number - 1].name)
        }
        var bytes = Array("模拟乡镇".utf8)
        bytes.appendDigits(number, width: 3)
        return String(decoding: bytes, as: UTF8.self) + "政务服务中心"
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self + replacement
    }
}
