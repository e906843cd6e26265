/// The outcome of a run: per-file counts, totals and where the outputs went.
package struct RunSummary: Sendable {
    package var files: [FileReport]
    package var rejectsByReason: [Reject.Reason: Int]
    /// Accepted transactions with status withdrawn (accepted, not counted).
    package var withdrawn: Int
    package var outputFolder: String
    package var outputs: [String]
    /// Files this run (re)read; the others were already in the store, unchanged.
    package var filesRead = 0
    /// Changed files that are now empty or cannot be read: the rows they gave before are kept.
    package var keptStale: [String] = []
    package var firstPeriod: Period?
    package var lastPeriod: Period?
    /// The day months were judged closed or provisional on.
    package var asOf: CalendarDate?
    /// The latest closed month with data: the month of the 通报.
    package var latestClosedPeriod: Period?
    /// Months with data that are not closed yet.
    package var provisionalPeriods: [Period] = []
    /// Hall-months listed as not reporting (未报送).
    package var notReporting = 0
    /// With an item catalogue: the time-limit counts of every hall-month together (rule 21).
    package var timeLimits: TimeLimitCounts?
    /// The rows of the exception lists by kind, and how many they leave out beyond their limit.
    package var listed: [TimeLimitException.Kind: Int] = [:]
    package var listedLeftOut = 0
    /// With `output.postgres`: what was published, or why it was not (the local outputs are written either way).
    package var publication: Result<Publication, HallRateError>?

    /// What the store's run history says about the publication: nil without one.
    package var publicationNote: String? {
        switch publication {
        case .success(let published): return "published to \(published.server) as \(published.member)"
        case .failure(let error): return "not published: \(error.message)"
        case nil: return nil
        }
    }

    /// A member's publication of its counts (issue 15).
    package struct Publication: Sendable {
        package let server: String
        package let member: String
        package let halls: Int
        package let months: Int
        package let hallMonths: Int
    }

    /// Each exception list has a row for every case its count says (late, 红牌, 黄牌), leaving none out.
    package var listsReconcile: Bool {
        guard let limits = timeLimits else { return true }
        return listedLeftOut > 0
            || (listed[.finishedLate, default: 0] == limits.overdueFinished && listed[.overdue, default: 0] == limits.overdueOpen
                && listed[.dueSoon, default: 0] == limits.dueSoon)
    }

    package var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    package var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
    package var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    package var duplicates: Int { files.reduce(0) { $0 + $1.duplicates } }

    /// rows_read = accepted + rejected + duplicates, for every file and in total; with a catalogue, also
    /// finished + in progress + untimed + uncatalogued = counted (rule 21), and the exception lists hold
    /// every case counted (unless more than their limit).
    package var reconciles: Bool {
        files.allSatisfy { $0.rowsRead == $0.accepted + $0.rejected + $0.duplicates }
            && rowsRead == accepted + rejected + duplicates && (timeLimits?.reconciles ?? true)
            && listsReconcile
    }

    /// 0, or 1 when the counts do not reconcile, more than `maxRejectRate` of the rows were rejected or the
    /// publication failed.
    package func exitStatus(maxRejectRate: Double?) -> Int32 {
        if !reconciles { return 1 }
        if case .failure = publication { return 1 }
        if let maxRejectRate, rejectRate > maxRejectRate { return 1 }
        return 0
    }

    /// Rejected rows as a share of rows read (0 when nothing was read).
    package var rejectRate: Double { rowsRead == 0 ? 0 : Double(rejected) / Double(rowsRead) }
}
