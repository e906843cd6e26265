import HallRateCore

/// The short summary printed at the end of a run.
struct SummaryText {
    let summary: RunSummary

    init(_ summary: RunSummary) { self.summary = summary }

    var text: String {
        var lines: [String] = []
        if let federation = summary.federation { lines += Self.members(federation) }
        let refused = summary.files.filter { $0.status == .refused }.count
        let damaged = summary.files.filter { $0.status == .damaged }.count
        var notes = ["\(summary.filesRead) read this run"]
        if refused > 0 { notes.append("\(refused) refused") }
        if damaged > 0 { notes.append("\(damaged) damaged") }
        if summary.federation == nil { lines.append("files: \(summary.files.count) (\(notes.joined(separator: ", ")))") }
        if !summary.keptStale.isEmpty {
            lines.append(
                "not taken this run (emptied, unreadable, or changing while read), earlier rows kept: "
                    + summary.keptStale.joined(separator: ", "))
        }
        if let first = summary.firstPeriod, let last = summary.lastPeriod {
            var months = "months: \(first) to \(last)"
            if let asOf = summary.asOf {
                var status: [String] = []
                if let closed = summary.latestClosedPeriod { status.append("closed through \(closed)") }
                if !summary.provisionalPeriods.isEmpty {
                    status.append("provisional: " + summary.provisionalPeriods.map(\.description).joined(separator: ", "))
                }
                months += " (" + status.joined(separator: "; ") + " as of \(asOf))"
            }
            lines.append(months)
        }
        if summary.notReporting > 0 {
            lines.append("halls not reporting (未报送) in a closed month: \(summary.notReporting), listed in not_reporting.csv")
        }
        if summary.federation == nil {
            lines.append(rowsLine)
        }
        if let limits = summary.timeLimits {
            lines.append(
                "time limits: counted \(limits.counted) = finished \(limits.finished) (on time \(limits.onTime))"
                    + " + in progress \(limits.inProgress) (overdue \(limits.overdueOpen)) + untimed \(limits.untimed)"
                    + " + uncatalogued \(limits.uncatalogued)" + (limits.reconciles ? " (reconciled)" : " (DOES NOT RECONCILE)"))
            if summary.federation == nil { lines.append(listsLine) }
        }
        if summary.withdrawn > 0 {
            lines.append("withdrawn (accepted, not counted): \(summary.withdrawn)")
        }
        for (reason, count) in summary.rejectsByReason.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            lines.append("  rejected \(reason.rawValue): \(count)")
        }
        switch summary.publication {
        case .success(let published):
            lines.append(
                "published to PostgreSQL at \(published.server) as member \(published.member): \(published.halls) halls, "
                    + "\(published.months) months, \(published.hallMonths) hall-months of counts")
        case .failure: lines.append("NOT published to PostgreSQL (see the error below)")
        case nil: break
        }
        lines.append("outputs: \(summary.outputFolder)/ (\(summary.outputs.count) files; rejects in rejects.csv)")
        return lines.joined(separator: "\n")
    }

    private var rowsLine: String {
        "rows read \(summary.rowsRead) = accepted \(summary.accepted) + rejected \(summary.rejected)"
            + " + duplicates \(summary.duplicates)" + (summary.reconciles ? " (reconciled)" : " (DOES NOT RECONCILE)")
    }

    private var listsLine: String {
        let listed = summary.listed
        return "exception lists: finished late \(listed[.finishedLate, default: 0]) in overdue_finished/, overdue 红牌 "
            + "\(listed[.overdue, default: 0]) and due soon 黄牌 \(listed[.dueSoon, default: 0]) in overdue_open/"
            + (summary.listedLeftOut > 0
                ? " (\(summary.listedLeftOut) more cases left out: the lists keep at most \(TimeLimitException.listLimit) rows)"
                : summary.listsReconcile ? " (as counted)" : " (DO NOT MATCH THE COUNTS)")
    }

    /// A federated run's members: each one's publication and rows, and what any lacks.
    private static func members(_ federation: RunSummary.Federation) -> [String] {
        var lines = [
            "members: \(federation.members.filter(\.published).count) of \(federation.members.count) published to \(federation.server) (schema \(federation.schema))"
        ]
        // A province has dozens of members: beyond a dozen, only those with something to say get a line.
        let quiet = federation.members.count > 12
        let isFine = { (member: RunSummary.Federation.Member) in member.isComplete && member.reconciles }
        if quiet {
            lines.append(
                "  \(federation.members.filter(isFine).count) members complete and reconciled "
                    + "(rows read = accepted + rejected + duplicates; counts = accepted)")
        }
        for member in federation.members where !(quiet && isFine(member)) {
            guard member.published else {
                lines.append("  \(member.name): NOT PUBLISHED" + (member.optional ? " (optional: its halls are left out)" : ""))
                continue
            }
            let rows = member.rows
            var line =
                "  \(member.name): as of \(member.asOf), \(member.halls) halls; rows read \(rows.read) = accepted \(rows.accepted)"
                + " + rejected \(rows.rejected) + duplicates \(rows.duplicates)"
                + (member.reconciles ? " (reconciled)" : " (DOES NOT RECONCILE with its published counts)")
            if !member.missing.isEmpty { line += "; " + member.gap + (member.optional ? " (optional)" : "") }
            lines.append(line)
        }
        lines.append("exception lists and rejects stay with each member (cases are not published)")
        return lines
    }
}
