import Foundation

/// The text of the demo set's `README.md`, built from what was actually generated.
struct DemoReadme {
    let registry: HallRegistry
    let exports: [TierExport]
    let truth: GroundTruth
    let months: [Month]

    var text: String {
        var out: [String] = []
        out += introduction
        out += filesSection
        out += rowCountSection
        out += defectSection
        out += patternSection
        out += truthSection
        return out.joined(separator: "\n") + "\n"
    }

    private var introduction: [String] {
        [
            "# Demo input for hallrate",
            "",
            "Synthetic monthly exports of the government service halls of 七星关区 (毕节市, 贵州省), "
                + "\(months.first?.label ?? "") through \(months.last?.label ?? ""), written by `hallrate-gen demo`. "
                + "The township and street names are real; villages, transactions and people are invented. "
                + "The 18-character ID numbers are made up but carry valid GB 11643 check digits, "
                + "so treat them as personal data: they must be masked wherever they are echoed (rejects, logs).",
            "",
            "Regenerate (byte-identical on every machine; the seed is fixed in `Scenario.swift`):",
            "",
            "```sh",
            "swift run -c release hallrate-gen demo --out Input",
            "```",
            "",
            "Do not edit these files by hand: the counts below are computed from the generator's own data.",
            "",
        ]
    }

    private var filesSection: [String] {
        let tiers = HallTier.allCases.map { tier in "\(registry.halls(in: tier).count) \(tier.rawValue)" }
        var lines = [
            "## Files",
            "",
            "- `halls.csv`: the hall registry (UTF-8, no BOM, LF), header `\(HallRegistry.header)`; "
                + tiers.joined(separator: ", ") + ". Codes are `520502TTTVVV`: `TTT` 001–016 numbers the townships "
                + "in the order listed, `VVV` is `000` for a township center and 201, 202 … for its village stations.",
            "- One file per month per tier, \(months.count) months each:",
            "",
            "| layout | path | encoding | line end | date style | channel words (online in **bold**) | status words |",
            "|---|---|---|---|---|---|---|",
        ]
        for layout in ExportLayout.allCases {
            let channels = ChannelKind.allCases.compactMap { channel in
                layout.word(for: channel).map { channel.isOnline ? "**\($0)**" : $0 }
            }
            let statuses = StatusKind.allCases.map { layout.word(for: $0) }
            let encoding: String
            switch layout.encoding {
            case .utf8: encoding = "UTF-8, no BOM"
            case .utf8WithBOM: encoding = "UTF-8 with BOM"
            case .gb18030: encoding = "GB18030"
            }
            let sample = layout.dateStyle.format(Stamp(year: 2018, month: 10, day: 8, hour: 9, minute: 31, second: 5))
            lines.append("| \(layout.tier.rawValue) | `\(layout.directory)/\(layout.directory)_YYYY-MM.csv` | "
                + "\(encoding) | \(layout.lineEnding == "\n" ? "LF" : "CRLF") | `\(sample)` | "
                + channels.joined(separator: ", ") + " | " + statuses.joined(separator: ", ") + " |")
        }
        lines.append("")
        lines.append("Headers:")
        lines.append("")
        for layout in ExportLayout.allCases {
            lines.append("- \(layout.tier.rawValue): `" + layout.header.joined(separator: ",") + "`")
        }
        lines += [
            "",
            "Every layout is comma-separated and RFC 4180 quoted: some 事项名称 contain a comma "
                + "(`食品经营许可（新办,变更,延续）`) or double quotes (`\"多证合一\"营业执照办理`, written `\"\"\"多证合一\"\"营业执照办理\"`). "
                + "Rows in a file are in order of their update time, like an incremental export; "
                + "a file may carry a correction of a transaction accepted in the month before. "
                + "办结时间 (district) is empty unless the status is 办结; 更新时间 is never before 受理时间.",
            "",
        ]
        return lines
    }

    private var rowCountSection: [String] {
        var lines = ["## Data rows per file (header excluded)", "", "| month | district | township | village |",
                     "|---|---:|---:|---:|"]
        var totals = Array(repeating: 0, count: exports.count)
        for (t, month) in months.enumerated() {
            let counts = exports.map { $0.files[t].count }
            for (i, c) in counts.enumerated() { totals[i] += c }
            lines.append("| \(month.label) | " + counts.map(String.init).joined(separator: " | ") + " |")
        }
        lines.append("| **total** | " + totals.map { "**\($0)**" }.joined(separator: " | ") + " |")
        lines.append("")
        return lines
    }

    private var defectSection: [String] {
        let all = exports.flatMap(\.defects)
        let rows = exports.reduce(0) { $0 + $1.files.reduce(0) { $0 + $1.count } }
        var lines = [
            "## Planted defects",
            "",
            "\(all.count) defective rows out of \(rows) data rows. Apart from duplicates they are extra rows "
                + "on top of the genuine transactions, so rejecting them leaves the expected counts below intact. "
                + "Each duplicate is a genuine transaction exported twice; the copy with the later 更新时间 is the true one.",
            "",
            "| kind | district | township | village | total | expected handling |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for kind in DefectKind.allCases {
            let perLayout = ExportLayout.allCases.map { layout in
                all.filter { $0.kind == kind && $0.layout == layout }.count
            }
            lines.append("| \(kind.label) | " + perLayout.map(String.init).joined(separator: " | ")
                + " | \(perLayout.reduce(0, +)) | \(kind.expectation) |")
        }
        let perLayout = ExportLayout.allCases.map { layout in all.filter { $0.layout == layout }.count }
        lines.append("| **all** | " + perLayout.map { "**\($0)**" }.joined(separator: " | ") + " | **\(all.count)** | |")
        let rejects = all.filter { $0.kind != .duplicate }
        lines += [
            "",
            "A pipeline that rejects every non-duplicate defect writes \(rejects.count) rejected rows "
                + "(district \(rejects.filter { $0.layout == .district }.count), "
                + "township \(rejects.filter { $0.layout == .township }.count), "
                + "village \(rejects.filter { $0.layout == .village }.count)) and drops "
                + "\(all.count - rejects.count) superseded duplicate copies. "
                + "Rows with an unknown hall code: \(all.filter { $0.kind == .unknownHall || $0.kind == .formulaUnknownHall }.count) "
                + "(including the formula rows). Withdrawn corrections: one duplicate per tier ends as 撤件/已撤回, "
                + "so keeping the earlier copy instead of the later one shows up in the counts.",
            "",
            "Every planted row (file:line, line 1 being the header):",
            "",
            "| file:line | kind | transaction number | hall code | detail |",
            "|---|---|---|---|---|",
        ]
        for defect in all {
            var place = location(defect.layout, defect.location)
            if let earlier = defect.earlierLocation { place += " (earlier copy " + location(defect.layout, earlier) + ")" }
            let id = defect.transactionID.isEmpty ? "(empty)" : "`\(defect.transactionID)`"
            lines.append("| \(place) | \(defect.kind.label) | \(id) | `\(defect.hallCode)` | "
                + defect.detail.replacingOccurrences(of: "|", with: "\\|") + " |")
        }
        lines.append("")
        return lines
    }

    private var patternSection: [String] {
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
        return [
            "## Planted patterns",
            "",
            "- Online share rises on average: district ≈ 55 % → 80 %, townships ≈ 30 % → 60 %, "
                + "villages ≈ 10 % → 40 %, with per-hall offsets and noise. About 2 % of rows are withdrawn.",
            "- Declining hall: `\(Scenario.decliningTownship)` \(name(Scenario.decliningTownship)) falls every month: "
                + shares.joined(separator: ", ") + ".",
            "- Missing months: `\(Scenario.absentVillage)` \(name(Scenario.absentVillage)) has no rows at all in "
                + Scenario.absentMonths.compactMap { $0 < months.count ? months[$0].label : nil }.joined(separator: " and ")
                + " (present in every other month).",
            "- Exact tie: " + Scenario.tiedVillages.map { "`\($0)` \(name($0))" }.joined(separator: " and ")
                + " both have \(tie.online) online out of \(tie.counted) counted (no withdrawn) in "
                + "\(Scenario.tieMonth < months.count ? months[Scenario.tieMonth].label : "").",
            "- Villages under the ranking minimum of 30 counted transactions, per month: " + small.joined(separator: ", ") + ".",
            "",
        ]
    }

    private var truthSection: [String] {
        var lines = [
            "## Expected counts",
            "",
            "Computed from the genuine transactions, under these rules: a transaction counts in the month of its "
                + "受理时间 (not the month of the file that carries it); withdrawn ones (撤件, 已撤回) count nowhere; "
                + "online means 网上申报/移动端, 网上办理/掌上办理, 网办/手机 (自助终端, 自助机 and 代办 are not online); "
                + "of duplicate transaction numbers only the copy with the latest 更新时间 counts; every other planted "
                + "defect row is rejected.",
            "",
            "| month | district online/counted | rate | township online/counted | rate | village online/counted | rate | withdrawn (d/t/v) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (t, month) in months.enumerated() {
            let sums = HallTier.allCases.map { truth.total($0, month: t) }
            lines.append("| \(month.label) | " + sums.map { "\($0.online)/\($0.counted) | \(GroundTruth.percent($0))" }
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

    private func name(_ code: String) -> String { registry.halls.first { $0.code == code }?.name ?? "" }

    private func location(_ layout: ExportLayout, _ location: RowLocation?) -> String {
        guard let location, location.month < months.count else { return "?" }
        return "`" + layout.relativePath(months[location.month]) + ":\(location.line)`"
    }
}
