/// Stages 3 to 6 of a run: from every stored row to what the outputs show — deduplication and counts
/// over the whole store (``StoredRowCounter``), the metric stages (``MetricEngine``), each file's
/// reconciliation and the rejects.
struct StoreAnalysis {
    let pipeline: Pipeline
    /// Which months are closed on the run's as-of date.
    let closing: MonthClosing

    /// Everything computed from the store: deduplication across all stored files (in path order),
    /// counts, the metric stages, the file reports and the rejects.
    ///
    /// Stored rows come back merged by key, so deduplication and counting stream through them with
    /// memory independent of the store's size.
    /// The judge of deadlines, for a pipeline with an item catalogue.
    private func timeLimitJudge() throws(HallRateError) -> TimeLimitJudge? {
        guard let path = pipeline.cataloguePath else { return nil }
        let catalogue = try CatalogueReader(path: path, displayPath: path).read()
        let calendar = try WorkingDayCalendar.official().adding(closures: pipeline.extraClosures, workingDays: pipeline.extraWorkingDays)
        return TimeLimitJudge(catalogue: catalogue, calendar: calendar, asOf: closing.asOf)
    }

    func results(store: Store, registry: HallRegistry, filesRead: Set<String>) throws(HallRateError) -> RunResults {
        let ledger = try store.ledger()
        var paths: [String] = []
        let judge = try timeLimitJudge()
        let counter = try store.readTransactions { files, periods in
            paths = files.map(\.path)
            return StoredRowCounter(files: files, periods: periods, registry: registry, timeLimits: judge)
        }
        if let failure = counter.timeLimits?.failure { throw failure }
        let (deduplicator, orphans) = (counter.deduplicator, counter.orphans)
        var extraRejects: [Reject] = []
        let files = paths.enumerated()
            .compactMap { index, path -> FileReport? in
                guard let entry = ledger[path] else { return nil }
                var report = FileReport(path: path, source: entry.source)
                report.sha256 = entry.sha256
                report.bytes = entry.size
                report.encoding = entry.encoding
                report.status = entry.status
                report.note = entry.note
                report.rowsRead = entry.rowsRead
                report.rejected = entry.rejected
                for (code, count) in orphans[index]?.sorted(by: { $0.key < $1.key }) ?? [] {
                    report.rejected += count
                    extraRejects += Array(
                        repeating: Reject(
                            file: path, line: 0, reason: .unknownHall,
                            detail:
                                "hall code '\(code)' is no longer in the registry (the file is gone from the inputs and cannot be read again)",
                            raw: ""), count: count)
                }
                report.accepted = counter.accepted(file: index)
                report.duplicates = deduplicator.duplicatesByFile[index]
                report.readThisRun = filesRead.contains(path)
                return report
            }
        let counts = counter.aggregator.counts
        let latestDays = counter.aggregator.latestDays  // a dictionary built from the table: once
        let timeLimits = counter.timeLimits?.result
        var (report, more) = MetricEngine.reports(
            pipeline: pipeline, registry: registry, closing: closing, counts: counts, latestDays: latestDays, timeLimits: timeLimits)
        report.breakdowns = counter.items.breakdowns(.item) + counter.departments.breakdowns(.department)
        report.timeLimits = timeLimits
        if let timeLimits = counter.timeLimits {
            report.exceptions = try named(timeLimits.takeExceptions(), paths: paths, store: store)
            report.exceptionsLeftOut = timeLimits.exceptionsLeftOut
            report.catalogue = judge?.catalogue
        }
        let tally = RejectTally(counts: try store.rejectCounts(), extra: extraRejects)
        var results = RunResults(report: report, rejects: tally, files: files, withdrawn: counts.values.reduce(0) { $0 + $1.withdrawn })
        results.counts = counts
        results.latestDays = latestDays
        results.moreReports = more
        return results
    }

    /// The exception rows with their ids from the store, in list order.
    private func named(_ rows: consuming [TimeLimitException], paths: [String], store: Store) throws(HallRateError) -> [TimeLimitException]
    {
        var wanted: [String: Set<UInt64>] = [:]
        for i in rows.indices { wanted[paths[rows[i].file], default: []].insert(rows[i].key) }
        let ids = try store.transactionIDs(wanted)
        var named = consume rows  // up to a million rows: named and put in order in place, never copied
        for i in named.indices { named[i].txnID = ids[paths[named[i].file]]?[named[i].key] }
        // Sorted by position, so that the sort moves integers, not rows holding strings; then each cycle
        // of the permutation is followed once (row i takes the row at order[i]).
        var order = Array(named.indices)
        named.withUnsafeBufferPointer { rows in order.sort { TimeLimitException.precedes(rows[$0], rows[$1]) } }
        for start in order.indices where order[start] >= 0 {
            let held = named[start]
            var current = start
            while true {
                let next = order[current]
                order[current] = -1
                if next == start {
                    named[current] = held
                    break
                }
                named[current] = named[next]
                current = next
            }
        }
        return named
    }
}
