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
        if let federation {
            return
                "federated: \(federation.members.filter(\.published).count) of \(federation.members.count) members read from \(federation.server)"
        }
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

    /// A federated run's members: who published, their rows, and the closed months any of them lacks.
    package var federation: Federation?

    /// What a federated run read from its members (issue 15).
    package struct Federation: Sendable {
        package let server: String
        package let schema: String
        package var members: [Member] = []

        package struct Member: Sendable {
            package let name: String
            package let optional: Bool
            package var published = false
            /// The as-of date of the member's publication.
            package var asOf = ""
            package var halls = 0
            /// rows read, accepted, rejected, duplicates of the member's run.
            package var rows = (read: 0, accepted: 0, rejected: 0, duplicates: 0)
            /// Its rows reconcile and its published counts add up to its accepted rows.
            package var reconciles = true
            /// Closed months the member has not published closed.
            package var missing: [Period] = []

            package var isComplete: Bool { published && missing.isEmpty }
            /// What it lacks, in words: `has not published` or `has not published the closed months 2019-10, 2019-11`.
            package var gap: String {
                if !published { return "has not published" }
                return "has not published the closed month" + (missing.count == 1 ? " " : "s ")
                    + missing.map(\.description).joined(separator: ", ")
            }
        }

        package var reconciles: Bool { members.allSatisfy(\.reconciles) }
    }

    /// Each exception list has a row for every case its count says (late, 红牌, 黄牌), leaving none out.
    /// A federated run has no lists: they stay with each member, whose run checks them.
    package var listsReconcile: Bool {
        guard let limits = timeLimits, federation == nil else { return true }
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
            && listsReconcile && (federation?.reconciles ?? true)
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
