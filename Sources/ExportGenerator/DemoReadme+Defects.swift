import Foundation

/// The README's planted defects, the expected reconciliation and the list of every planted row.
extension DemoReadme {
    var defectSection: [String] {
        let all = exports.flatMap(\.defects)
        let rows = exports.reduce(0) { $0 + $1.rowCount }
        let names = ExportLayout.allCases.map(\.directory)
        var lines = [
            "## Planted defects",
            "",
            "\(all.count) defective rows out of \(rows) data rows (XML records included). Apart from duplicates they "
                + "are extra rows on top of the genuine transactions, so rejecting them leaves the expected counts below "
                + "intact. Each duplicate is a genuine transaction exported twice; the copy with the later 更新时间 is the "
                + "true one. Halls that carry a planted pattern get no defects.",
            "",
            "| kind | " + names.joined(separator: " | ") + " | total | expected handling |",
            "|---|" + String(repeating: "---:|", count: names.count + 1) + "---|",
        ]
        for kind in DefectKind.allCases {
            let perLayout = ExportLayout.allCases.map { layout in
                all.filter { $0.kind == kind && $0.layout == layout }.count
            }
            lines.append(
                "| \(kind.label) | " + perLayout.map(String.init).joined(separator: " | ")
                    + " | \(perLayout.reduce(0, +)) | \(kind.expectation) |")
        }
        let perLayout = ExportLayout.allCases.map { layout in all.filter { $0.layout == layout }.count }
        lines.append("| **all** | " + perLayout.map { "**\($0)**" }.joined(separator: " | ") + " | **\(all.count)** | |")
        lines.append("")
        return lines
    }

    var reconciliationSection: [String] {
        let perLayout = exports.map(Reconciliation.init)
        let total = perLayout.reduce(Reconciliation(), +)
        let names = exports.map(\.layout.directory)
        func row(_ label: String, _ value: (Reconciliation) -> Int, bold: Bool = false) -> String {
            let cells = (perLayout + [total]).map { bold ? "**\(value($0))**" : String(value($0)) }
            return "| \(label) | " + cells.joined(separator: " | ") + " |"
        }
        var lines = [
            "### Expected reconciliation",
            "",
            "What a correct run reports (`rows_read`, `rejected`, `duplicates`, `accepted` in the manifest). Rows read "
                + "are CSV and TAB data rows plus XML records; the damaged file's cut-off record counts as one row read "
                + "and one reject. Accepted = read − rejected − duplicates, which is also the number of genuine "
                + "transactions, withdrawn ones included.",
            "",
            "| | " + names.joined(separator: " | ") + " | total |",
            "|---|" + String(repeating: "---:|", count: names.count + 1),
            row("data rows read", \.rowsRead, bold: true),
        ]
        for reason in RejectReason.allCases {
            lines.append(row("rejected: `\(reason.rawValue)`") { $0.rejects(reason) })
        }
        lines += [
            row("rejected, all reasons", \.rejected, bold: true),
            row("duplicates (superseded copies dropped)", \.duplicates, bold: true),
            row("accepted", \.accepted, bold: true),
            "",
        ]
        let all = exports.flatMap(\.defects)
        let unknown = all.filter { $0.kind.reason == .unknownHall }
        lines += [
            "In all: \(total.rowsRead) rows read, \(total.rejected) rejected ("
                + RejectReason.allCases.filter { total.rejects($0) > 0 }.map { "\($0.rawValue) \(total.rejects($0))" }
                .joined(separator: ", ")
                + "), \(total.duplicates) duplicates, \(total.accepted) accepted. "
                + "Rows with an unknown hall: \(unknown.count) (codes, the street layout's unknown names, the "
                + "village-xml folder `520502099201` and the formula rows). Withdrawn corrections: one duplicate per "
                + "layout ends as 撤件/已撤回, so keeping the earlier copy instead of the later one shows up in the counts.",
            "",
        ]
        return lines
    }

    var plantedRowsSection: [String] {
        var lines = [
            "### Every planted row",
            "",
            "File and line of each (line 1 being the header, or the XML declaration; for XML the line of "
                + "the record's `<办件` start tag):",
            "",
            "| file:line | kind | transaction number | hall code | detail |",
            "|---|---|---|---|---|",
        ]
        for defect in exports.flatMap(\.defects) {
            var place = location(defect.location)
            if let earlier = defect.earlierLocation { place += " (earlier copy " + location(earlier) + ")" }
            let id = defect.transactionID.isEmpty ? "(empty)" : "`\(defect.transactionID)`"
            let hall = defect.hallCode.isEmpty ? "(none)" : "`\(defect.hallCode)`"
            lines.append(
                "| \(place) | \(defect.kind.label) | \(id) | \(hall) | "
                    + defect.detail.replacingOccurrences(of: "|", with: "\\|") + " |")
        }
        lines += ["", "### Times in UTC", ""]
        lines += utcTimes
        return lines
    }

    /// The genuine XML records written with a UTC offset, and the month each counts in.
    private var utcTimes: [String] {
        guard let export = exports.first(where: { $0.layout == .villageXML }) else { return [] }
        var lines = [
            "Genuine village-xml records whose times are written in UTC. They count in the month of 受理时间 "
                + "converted to UTC+8, not in the month of the file that carries them.",
            "",
            "| file:line | transaction number | hall code | 受理时间 as written | in UTC+8 | counts in |",
            "|---|---|---|---|---|---|",
        ]
        for txn in export.transactions where txn.zone != .shanghai {
            let place =
                export.files.lazy.compactMap { file -> String? in
                    guard let position = file.rows.firstIndex(where: { $0.defect == nil && $0.fields[0] == txn.id })
                    else { return nil }
                    return self.location(RowLocation(path: file.relativePath, line: file.startLines(export.layout)[position]))
                }.first ?? "?"
            lines.append(
                "| \(place) | `\(txn.id)` | `\(txn.hall.code)` | `\(txn.zone.format(txn.accepted))` | "
                    + "\(DateStyle.dashed.format(txn.accepted)) | \(months[txn.period].label) |")
        }
        lines.append("")
        return lines
    }

    private func location(_ location: RowLocation?) -> String {
        guard let location else { return "?" }
        return "`" + location.path + ":\(location.line)`"
    }
}
