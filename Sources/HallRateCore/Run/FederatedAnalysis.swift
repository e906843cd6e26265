/// Stages 3 to 6 of a federated run (issue 15): instead of a store, the counts the members published to
/// PostgreSQL, combined over one registry; from there the same metric stages as any run
/// (``MetricEngine/reports(pipeline:registry:closing:counts:latestDays:timeLimits:)``).
///
/// Completeness is rule 14 at member level: every closed month from a member's first published month to
/// the latest closed month any member published must be closed at that member too (published as closed,
/// or published by a run on a day that closes it). A member that is not optional and has not is an error
/// of the run, naming it and the months, before any output is written.
struct FederatedAnalysis {
    let pipeline: Pipeline
    let members: Pipeline.Members
    /// Which months are closed on the run's as-of date.
    let closing: MonthClosing

    func results(store: Store) throws(HallRateError) -> (RunResults, RunSummary.Federation) {
        let connection = try PostgresConnection(url: members.url)
        // One snapshot: every statement sees the same publications.
        let (published, federation, reports, breakdowns) = try connection.transaction(readOnly: true) {
            () throws(HallRateError) -> (PublishedCounts, RunSummary.Federation, (SupervisionReport, [SupervisionReport]), [Breakdown]) in
            let published = try PublishedCounts.read(connection, schema: members.schema, expected: members.expected)
            let federation = try completeness(published, server: connection.display)
            // The metrics need no breakdowns: these are read while they are computed.
            let (reports, breakdowns) = try Concurrently.both(
                { () throws(HallRateError) in
                    MetricEngine.reports(
                        pipeline: pipeline, registry: published.registry, closing: closing, counts: published.counts,
                        latestDays: published.latestDays, timeLimits: published.timeLimits)
                },
                { () throws(HallRateError) in
                    try PublishedCounts.breakdowns(connection, schema: members.schema, expected: members.expected)
                })
            return (published, federation, reports, breakdowns)
        }

        var catalogue: ItemCatalogue?
        if let path = pipeline.cataloguePath { catalogue = try CatalogueReader(path: path, displayPath: path).read() }
        var (report, more) = reports
        report.breakdowns = breakdowns
        report.timeLimits = published.timeLimits
        report.catalogue = catalogue
        report.casesStayWithMembers = true
        var results = RunResults(
            report: report, rejects: RejectTally(counts: try store.rejectCounts(), extra: []), files: [],
            withdrawn: published.counts.values.reduce(0) { $0 + $1.withdrawn })
        results.moreReports = more
        results.counts = published.counts
        results.latestDays = published.latestDays
        return (results, federation)
    }

    /// Each expected member's publication and the closed months it lacks; throws for a member that is not optional.
    private func completeness(_ published: PublishedCounts, server: String) throws(HallRateError) -> RunSummary.Federation {
        let byName = Dictionary(uniqueKeysWithValues: published.members.map { ($0.name, $0) })
        let latestClosed = published.members.flatMap { $0.periods.keys }.filter(closing.isClosed).max()
        var federation = RunSummary.Federation(server: server, schema: members.schema)
        for name in members.expected {
            var state = RunSummary.Federation.Member(name: name, optional: members.optional.contains(name))
            if let member = byName[name] {
                state.published = true
                state.asOf = member.asOf
                state.halls = member.halls
                state.rows = (member.rowsRead, member.accepted, member.rejected, member.duplicates)
                state.reconciles = member.reconciles
                // Closed at the member: published as closed, or its run's day closes the month by our rule.
                let memberClosing = CalendarDate(member.asOf).map { MonthClosing(asOf: $0, closeAfterDays: closing.closeAfterDays) }
                if let first = member.periods.keys.min(), let latestClosed, first <= latestClosed {
                    state.missing = (first.index...latestClosed.index).map(Period.init(index:)).filter { month in
                        closing.isClosed(month) && member.periods[month] != true && memberClosing?.isClosed(month) != true
                    }
                }
            }
            federation.members.append(state)
        }
        if let missing = federation.members.first(where: { !$0.optional && !$0.isComplete }) {
            throw HallRateError(
                .missingMember,
                "member '\(missing.name)' " + missing.gap + "; its halls would be published as not reporting (mark it optional in "
                    + "members.optional to run without it)", at: pipeline.location(of: "members.expect"), key: "members.expect")
        }
        return federation
    }
}
