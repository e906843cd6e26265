/// Verifies that the generated set really has the planted patterns, valid ID numbers, consistent layouts
/// and a reconciliation that adds up.
enum ScenarioCheck {
    /// Human-readable problems; empty when everything holds.
    static func problems(registry: HallRegistry, truth: GroundTruth, exports: [TierExport], months: [Month]) -> [String] {
        patternProblems(registry: registry, truth: truth, exports: exports, months: months)
            + registryProblems(registry)
            + layoutProblems(registry: registry, exports: exports, months: months)
    }

    /// The declining town, the silent village, the tie and the villages under the ranking minimum.
    private static func patternProblems(
        registry: HallRegistry, truth: GroundTruth, exports: [TierExport],
        months: [Month]
    ) -> [String] {
        var problems: [String] = []
        let decliningHall = registry.halls.first { $0.code == Scenario.decliningTownship }
        if decliningHall.map({ !ExportLayout.township.carries($0) }) ?? true {
            problems.append("the declining hall is not a town (镇) center of the township layout")
        }
        let declining = truth.counts(of: Scenario.decliningTownship)
        var run = 0
        for t in stride(from: months.count - 1, to: 0, by: -1) where t < declining.count {
            let a = declining[t - 1]
            let b = declining[t]
            guard b.online * a.counted < a.online * b.counted else { break }
            run += 1
        }
        if run < 4 || run < months.count - max(1, Scenario.decliningFrom) {
            problems.append("the declining township falls in only the last \(run) months")
        }

        let absent = truth.counts(of: Scenario.absentVillage)
        for t in absent.indices where Scenario.absentMonths.contains(t) != (absent[t].rows == 0) {
            problems.append("absent village has the wrong presence in \(months[t].label)")
        }
        for export in exports {
            for file in export.files where Scenario.absentMonths.contains(file.monthIndex) {
                if file.rows.contains(where: { $0.hall.code == Scenario.absentVillage }) {
                    problems.append("absent village has rows in \(file.relativePath)")
                }
            }
        }

        let tied = Scenario.tiedVillages.map { truth.counts(of: $0) }
        if tied.contains(where: { $0.count <= Scenario.tieMonth }) {
            problems.append("tied villages are missing")
        } else if tied.contains(where: { $0[Scenario.tieMonth] != tied[0][Scenario.tieMonth] })
            || tied[0][Scenario.tieMonth].counted < 30
        {
            problems.append("tied villages do not tie at or above 30 in \(months[Scenario.tieMonth].label)")
        }

        let villages = truth.halls.indices.filter { truth.halls[$0].tier == .village }
        for (t, month) in months.enumerated() {
            let under = villages.filter { truth.counts[$0][t].counted < 30 }.count
            if under == 0 || villages.count - under < 2 {
                problems.append("\(month.label) has \(under) of \(villages.count) villages under 30")
            }
        }
        return problems
    }

    /// Names and aliases are unique; every street center has one or two aliases.
    private static func registryProblems(_ registry: HallRegistry) -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for hall in registry.halls {
            for name in [hall.name] + hall.aliases {
                if !seen.insert(name).inserted { problems.append("the name \(name) is used twice in halls.csv") }
                if name.contains(";") || name.contains(",") { problems.append("the name \(name) holds a separator") }
            }
            let street = ExportLayout.street.carries(hall)
            if street && !(1...2).contains(hall.aliases.count) {
                problems.append("street center \(hall.code) has \(hall.aliases.count) aliases")
            }
        }
        return problems
    }

    /// ID numbers, the street layout's names, the XML layout's damaged file and UTC times, and the reconciliation.
    private static func layoutProblems(registry: HallRegistry, exports: [TierExport], months: [Month]) -> [String] {
        var problems: [String] = []
        for export in exports {
            let layout = export.layout
            for file in export.files {
                for row in file.rows {
                    // Rows with a field too many or too few still end with the ID number (CSV, TAB).
                    let person = layout.format == .xml ? row.fields[layout.personColumn] : row.fields.last ?? ""
                    if !ResidentID.isValid(person) { problems.append("invalid ID number in \(file.relativePath): \(person)") }
                }
                if layout.filePerHall && file.rows.isEmpty { problems.append("\(file.relativePath) has no records") }
            }
            if export.defects.contains(where: { $0.location == nil }) {
                problems.append("a planted defect of \(layout.directory) did not land in any file")
            }
            let reconciliation = Reconciliation(export)
            if reconciliation.accepted != export.transactions.count {
                problems.append(
                    "\(layout.directory): \(reconciliation.accepted) rows accepted, but "
                        + "\(export.transactions.count) genuine transactions")
            }
        }
        for export in exports where export.layout == .street {
            problems += streetProblems(registry: registry, export: export)
        }
        for export in exports where export.layout == .villageXML {
            problems += xmlProblems(export: export, months: months)
        }
        return problems
    }

    /// No value needs quoting; every row names its hall by name or alias (about half each), except the
    /// planted unknown names, which match nothing.
    private static func streetProblems(registry: HallRegistry, export: TierExport) -> [String] {
        var problems: [String] = []
        var byName = 0
        var byAlias = 0
        for file in export.files {
            for row in file.rows {
                if !row.fields.allSatisfy(TabLine.isPlain) { problems.append("a value in \(file.relativePath) needs quoting") }
                let label = row.fields[1]
                let planted = row.defect.map { export.defects[$0].kind == .unknownHall } ?? false
                guard let hall = registry.hall(named: label) else {
                    if !planted { problems.append("\(file.relativePath): \(label) names no hall") }
                    continue
                }
                if planted || hall.code != row.hall.code { problems.append("\(file.relativePath): \(label) names the wrong hall") }
                if hall.name == label { byName += 1 } else { byAlias += 1 }
            }
        }
        let total = max(1, byName + byAlias)
        if byName * 10 < total * 4 || byAlias * 10 < total * 4 {
            problems.append("street rows name their hall \(byName) times by name and \(byAlias) times by alias")
        }
        return problems
    }

    /// One damaged file (2019-05, the cut-off record last), some times that cross the month boundary in UTC,
    /// and 事项 that fits CDATA.
    private static func xmlProblems(export: TierExport, months: [Month]) -> [String] {
        var problems: [String] = []
        let damaged = export.files.filter(\.isTruncated)
        if damaged.count != 1 || damaged.first?.month.label != "2019-05" {
            problems.append("expected one damaged XML file in 2019-05, found \(damaged.map(\.relativePath))")
        }
        for file in damaged {
            let last = file.rows.last?.defect.map { export.defects[$0].kind }
            if last != .truncatedRecord { problems.append("\(file.relativePath) does not end with the cut-off record") }
        }
        let crossing = export.transactions.filter { $0.zone == .zulu && $0.fileMonth == $0.period - 1 }
        if crossing.count != OffsetPlanter.crossingCount {
            problems.append("\(crossing.count) XML transactions cross into the previous month's file in UTC")
        }
        for txn in crossing where !ZoneStyle.zulu.format(txn.accepted).hasPrefix(months[txn.fileMonth].label) {
            problems.append("\(txn.id) is not in the previous month in UTC")
        }
        for file in export.files {
            for row in file.rows where !XMLEscape.fitsCDATA(row.fields[7]) {
                problems.append("\(file.relativePath): 事项 cannot sit in CDATA")
            }
        }
        return problems
    }
}
