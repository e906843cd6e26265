/// The text of the demo set's `README.md`, built from what was actually generated. The defect and reconciliation
/// sections are in `DemoReadme+Defects.swift`, the patterns and expected counts in `DemoReadme+Truth.swift`, the
/// time limits in `DemoReadme+TimeLimits.swift`.
struct DemoReadme {
    let registry: HallRegistry
    let exports: [TierExport]
    let truth: GroundTruth
    let timeLimits: TimeLimitTruth
    let months: [Month]

    var text: String {
        var out: [String] = []
        out += introduction
        out += filesSection
        out += xmlSection
        out += rowCountSection
        out += defectSection
        out += reconciliationSection
        out += plantedRowsSection
        out += patternSection
        out += truthSection
        out += [""] + timeLimitSection
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
        let example = registry.halls.first { $0.aliases.count > 1 }?.aliases.joined(separator: ";") ?? ""
        var lines = [
            "## Files",
            "",
            "- `halls.csv`: the hall registry (UTF-8, no BOM, LF), header `\(HallRegistry.header)`; "
                + tiers.joined(separator: ", ") + ". Codes are `520502TTTVVV`: `TTT` 001–016 numbers the townships "
                + "in the order listed, `VVV` is `000` for a township center and 201, 202 … for its village stations. "
                + "`aliases` is a `;`-separated list of other names a hall goes by: every street (街道) center has one "
                + "or two (e.g. `\(example)`), the other halls none. Names and aliases are unique across the registry.",
            "- `catalogue.csv`: the item catalogue (事项目录) for the time-limit figures, see "
                + "[Time limits](#time-limits-item-catalogue).",
            "- Five hall systems (layouts). Each hall exports through exactly one:",
            "",
        ]
        for layout in ExportLayout.allCases {
            lines.append("  - \(layout.directory): " + hallsDescription(layout))
        }
        lines += [
            "",
            "- One file per month per layout, \(months.count) months each, except village-xml: one file per station "
                + "and month, and no file for a month in which a station has no rows.",
            "",
            "| layout | path | encoding | line end | date style | channel words (online in **bold**) | status words |",
            "|---|---|---|---|---|---|---|",
        ]
        let sample = Stamp(year: 2018, month: 10, day: 8, hour: 9, minute: 31, second: 5)
        for layout in ExportLayout.allCases {
            let channels = ChannelKind.allCases.compactMap { channel in
                layout.word(for: channel).map { channel.isOnline ? "**\($0)**" : $0 }
            }
            let statuses = StatusKind.allCases.map { layout.word(for: $0) }
            lines.append(
                "| \(layout.directory) | `\(layout.pathPattern)` | \(layout.encoding.label) | "
                    + "\(layout.lineEnding == "\n" ? "LF" : "CRLF") | `\(layout.dateStyle.format(sample))` | "
                    + channels.joined(separator: ", ") + " | " + statuses.joined(separator: ", ") + " |")
        }
        lines += ["", "Headers:", ""]
        for layout in ExportLayout.allCases {
            switch layout.format {
            case .commaSeparated:
                lines.append("- \(layout.directory): `" + layout.header.joined(separator: ",") + "`")
            case .tabSeparated:
                lines.append(
                    "- \(layout.directory) (TAB-separated, shown here as ⇥): `"
                        + layout.header.joined(separator: "⇥") + "`")
            case .xml:
                lines.append("- \(layout.directory): no header; the XML shape is shown below.")
            }
        }
        lines += [
            "",
            "The comma-separated layouts are RFC 4180 quoted: some 事项名称 contain a comma "
                + "(`食品经营许可（新办,变更,延续）`) or double quotes (`\"多证合一\"营业执照办理`, written `\"\"\"多证合一\"\"营业执照办理\"`). "
                + "The street layout is Excel's \"Unicode text\": TAB-separated and never quoted (no value holds a TAB, "
                + "a double quote or a line break). "
                + "Rows in a file are in order of their update time, like an incremental export; "
                + "a file may carry a correction of a transaction accepted in the month before. "
                + "办结时间 (district) is empty unless the status is 办结; 更新时间 is never before 受理时间.",
            "",
        ]
        return lines
    }

    /// Which halls export through `layout`, from the registry.
    private func hallsDescription(_ layout: ExportLayout) -> String {
        let halls = registry.halls.filter(layout.carries)
        let codes = halls.map(\.code)
        let range = codes.count > 1 ? "`\(codes.first ?? "")` … `\(codes.last ?? "")`" : "`\(codes.first ?? "")`"
        switch layout {
        case .district:
            return "the district center \(range), hall code in 受理大厅编码."
        case .township:
            return "the \(halls.count) town (镇) centers \(range), hall code in 大厅代码."
        case .street:
            return "the \(halls.count) street (街道) centers \(range); 服务大厅 names the hall by its name or one of "
                + "its aliases (about half each), never by its code."
        case .village, .villageXML:
            let townships = Set(halls.compactMap { Geography.township(of: $0.code)?.name })
            let numbers = Geography.townships.indices.filter { townships.contains(Geography.townships[$0].name) }
            let span = code3(numbers.first ?? 0) + "–" + code3(numbers.last ?? 0)
            return "the \(halls.count) stations of townships \(span) \(range)"
                + (layout == .village
                    ? ", hall code in 服务站编码."
                    : "; the hall is known only from the folder name "
                        + "(`{hall_code}`), the XML carries no hall field.")
        }
    }

    private func code3(_ index: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendDigits(index + 1, width: 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The XML shape, with a real record of the set (one that has a 备注 with an entity).
    private var xmlSection: [String] {
        guard let export = exports.first(where: { $0.layout == .villageXML }) else { return [] }
        let sampleFile =
            export.files.first { file in
                !file.isTruncated && file.rows.contains { $0.defect == nil && $0.fields[8].contains("&") }
            } ?? export.files.first
        guard let file = sampleFile,
            let record = file.rows.first(where: { $0.defect == nil && $0.fields[8].contains("&") }) ?? file.rows.first
        else { return [] }
        let document = XMLExportDocument(
            stationName: file.station?.name ?? "", month: file.month,
            records: [record.fields], truncatesLastRecord: false)
        return [
            "### The village-xml layout",
            "",
            "One document per station and month, e.g. `\(file.relativePath)` (shown with one of its records):",
            "",
            "```xml",
            document.text.trimmingNewline(),
            "```",
            "",
            "- The root `办件导出` is in the default namespace `\(XMLExportDocument.namespace)`; its attributes 站点 "
                + "(the station's name) and 月份 (the file's month) are informative only. The hall is the folder name.",
            "- One `办件` per record; the transaction number is the attribute 流水号. 姓名 and 证件号码 sit inside "
                + "申请人. 事项 is a CDATA section, or escaped text (`&quot;`) when the name holds a double quote. "
                + "备注 is optional (`窗口&amp;代办` on 代办 submissions, an occasional note such as "
                + "`加急&lt;当日办结&gt;`, mostly absent).",
            "- Times are ISO 8601 with an offset, almost always `+08:00`. A few are written in UTC (`Z` or `+00:00`) "
                + "and must be converted to UTC+8 before taking the month: the XML system cuts its monthly files in "
                + "UTC, so a transaction accepted on the 1st before 08:00 Shanghai time sits in the previous month's "
                + "file (see [Times in UTC](#times-in-utc)).",
            "- Every file is well-formed XML except " + damaged(export)
                + ", which stops in the middle of its last record (no closing tags): the records before it are "
                + "complete and count, the cut-off one is a planted defect. The folder `520502099201` is no hall of "
                + "the registry: its records are planted unknown-hall rows.",
            "",
        ]
    }

    private func damaged(_ export: TierExport) -> String {
        let paths = export.files.filter(\.isTruncated).map { "`\($0.relativePath)`" }
        return paths.isEmpty ? "none" : paths.joined(separator: ", ")
    }

    private var rowCountSection: [String] {
        let names = ExportLayout.allCases.map(\.directory)
        var lines = [
            "## Data rows per file (header excluded)",
            "",
            "Rows of all the month's files of each layout; for village-xml, records (`<办件>` elements, the damaged "
                + "file's cut-off record included) and, in the last column, the number of files.",
            "",
            "| month | " + names.joined(separator: " | ") + " | village-xml files |",
            "|---|" + String(repeating: "---:|", count: names.count + 1),
        ]
        var totals = Array(repeating: 0, count: exports.count)
        var fileTotal = 0
        for (t, month) in months.enumerated() {
            let counts = exports.map { $0.rowCount(month: t) }
            for (i, c) in counts.enumerated() { totals[i] += c }
            let files = exports.first { $0.layout == .villageXML }?.fileCount(month: t) ?? 0
            fileTotal += files
            lines.append("| \(month.label) | " + counts.map(String.init).joined(separator: " | ") + " | \(files) |")
        }
        lines.append("| **total** | " + totals.map { "**\($0)**" }.joined(separator: " | ") + " | **\(fileTotal)** |")
        lines.append("")
        return lines
    }

    func name(_ code: String) -> String { registry.halls.first { $0.code == code }?.name ?? "" }
}

extension String {
    fileprivate func trimmingNewline() -> String { hasSuffix("\n") ? String(dropLast()) : self }
}
