/// Verifies that the generated set really has the planted patterns and valid ID numbers.
enum ScenarioCheck {
    /// Human-readable problems; empty when everything holds.
    static func problems(truth: GroundTruth, exports: [TierExport], months: [Month]) -> [String] {
        var problems: [String] = []
        let declining = truth.counts(of: Scenario.decliningTownship)
        let first = max(1, Scenario.decliningFrom)
        for t in first..<min(declining.count, months.count) {
            let a = declining[t - 1], b = declining[t]
            if !(b.online * a.counted < a.online * b.counted) {
                problems.append("declining township does not fall in \(months[t].label)")
            }
        }
        let absent = truth.counts(of: Scenario.absentVillage)
        for t in absent.indices where Scenario.absentMonths.contains(t) != (absent[t].rows == 0) {
            problems.append("absent village has the wrong presence in \(months[t].label)")
        }
        for export in exports where export.layout == .village {
            for t in Scenario.absentMonths where t < export.files.count {
                if export.files[t].contains(where: { $0.fields.count > 1 && $0.fields[1] == Scenario.absentVillage }) {
                    problems.append("absent village has rows in the \(months[t].label) file")
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
        for export in exports {
            for (t, file) in export.files.enumerated() {
                for row in file where !ResidentID.isValid(row.fields.last ?? "") {
                    problems.append("invalid ID number in \(export.layout.relativePath(months[t])): \(row.fields.last ?? "")")
                }
            }
        }
        return problems
    }
}
