/// The README's planted patterns and expected counts (the per-hall table is parsed by the demo test: keep its
/// shape, a `| hall | name |` header line, then rows starting "| `code`" with `online/counted` cells or `–`).
extension DemoReadme {
    var patternSection: [String] {
        let declining = truth.counts(of: Scenario.decliningTownship)
        let from = max(0, Scenario.decliningFrom - 1)
        let shares = (from..<min(months.count, declining.count)).map { t in
            "\(months[t].label) \(GroundTruth.percent(declining[t])) (\(declining[t].online)/\(declining[t].counted))"
        }
        let tie = Scenario.tieCounts
        var small: [String] = []
        for (t, month) in months.enumerated() {
            let villages = registry.halls.indices.filter { registry.halls[$0].tier == .village }
            let under = villages.filter { truth.counts[$0][t].counted < 30 }.count
            small.append("\(month.label): \(under)")
        }
        let absentMonths = Scenario.absentMonths.compactMap { $0 < months.count ? months[$0].label : nil }
        return [
            "## Planted patterns",
            "",
            "- Online share rises on average: district ≈ 55 % → 80 %, townships ≈ 30 % → 60 %, "
                + "villages ≈ 10 % → 40 %, with per-hall offsets and noise. About 2 % of rows are withdrawn.",
            "- Declining hall: `\(Scenario.decliningTownship)` \(name(Scenario.decliningTownship)), a town (镇) center "
                + "in the \(layoutName(Scenario.decliningTownship)) layout, falls every month: "
                + shares.joined(separator: ", ") + ".",
            "- Missing months: `\(Scenario.absentVillage)` \(name(Scenario.absentVillage)) "
                + "(\(layoutName(Scenario.absentVillage)) layout) has no rows at all in "
                + absentMonths.joined(separator: " and ") + ": its folder has no file for those months "
                + "(present in every other month).",
            "- Exact tie: "
                + Scenario.tiedVillages.map { "`\($0)` \(name($0)) (\(layoutName($0)))" }
                .joined(separator: " and ")
                + " both have \(tie.online) online out of \(tie.counted) counted (no withdrawn) in "
                + "\(Scenario.tieMonth < months.count ? months[Scenario.tieMonth].label : "").",
            "- Villages under the ranking minimum of 30 counted transactions, per month: " + small.joined(separator: ", ") + ".",
            "",
        ]
    }

    var truthSection: [String] {
        var online: [String] = []
        for layout in ExportLayout.allCases {
            let words = [ChannelKind.online, .mobile].compactMap { layout.word(for: $0) }.joined(separator: "/")
            if !online.contains(words) { online.append(words) }
        }
        var lines = [
            "## Expected counts",
            "",
            "Computed from the genuine transactions, under these rules: a transaction counts in the month of its "
                + "受理时间 (not the month of the file that carries it), times with an offset taken in UTC+8 "
                + "(Asia/Shanghai); withdrawn ones (撤件, 已撤回) count nowhere; online means "
                + online.joined(separator: ", ") + " (现场, 自助, 自助终端, 自助机 and 代办 are not online); a street "
                + "row's hall is the hall whose name or alias is in 服务大厅, a village-xml record's hall is its folder; "
                + "of duplicate transaction numbers only the copy with the latest 更新时间 counts; every other planted "
                + "defect row is rejected. The township tier adds up the town and street centers, the village tier the "
                + "village and village-xml stations.",
            "",
            "| month | district online/counted | rate | township online/counted | rate | village online/counted | rate | withdrawn (d/t/v) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (t, month) in months.enumerated() {
            let sums = HallTier.allCases.map { truth.total($0, month: t) }
            lines.append(
                "| \(month.label) | "
                    + sums.map { "\($0.online)/\($0.counted) | \(GroundTruth.percent($0))" }
                    .joined(separator: " | ") + " | " + sums.map { String($0.withdrawn) }.joined(separator: "/") + " |")
        }
        lines += [
            "",
            "Per hall, online/counted by month (`–` = no rows):",
            "",
            "| hall | name | " + months.map(\.label).joined(separator: " | ") + " |",
            "|---|---|" + String(repeating: "---:|", count: months.count),
        ]
        for (h, hall) in truth.halls.enumerated() {
            let cells = truth.counts[h].map { $0.rows == 0 ? "–" : "\($0.online)/\($0.counted)" }
            lines.append("| `\(hall.code)` | \(hall.name) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    private func layoutName(_ code: String) -> String {
        guard let hall = registry.halls.first(where: { $0.code == code }) else { return "?" }
        return ExportLayout.allCases.first { $0.carries(hall) }?.directory ?? "?"
    }
}
