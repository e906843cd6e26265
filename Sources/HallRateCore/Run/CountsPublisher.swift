/// Publishes what a member's run computed to PostgreSQL (`output.postgres`, issue 15): its registry, which
/// of its months are closed, and per hall and month the additive counts every metric is computed from —
/// the 20 channel × status counts, the data cut-off day and, with an item catalogue, the time-limit counts —
/// with the breakdown counts per tier, month and item or department. Counts, never ratios and never a
/// transaction: nothing that names a person leaves the county.
///
/// A publication is the member's whole store as of the run, written in **one transaction** that first
/// deletes the member's earlier publication: publishing twice leaves the same rows, a correction replaces
/// them, a month gone from the member's store is gone from the server, and a publication killed half-way
/// leaves the earlier one as it was. Members write disjoint rows, so two publishing at once do not meet
/// (one member's publications are serialised by an advisory lock).
struct CountsPublisher {
    let target: Pipeline.Output.PostgresTarget
    /// The pipeline's name, recorded with the publication.
    let pipeline: String
    /// Called with every row written and the transaction not yet committed (the fault-injection test kills
    /// the process there: the earlier publication must stay).
    var checkpoint: (String) -> Void = { _ in }

    /// - Returns: what was published, for the run's summary.
    func publish(_ results: RunResults) throws(HallRateError) -> RunSummary.Publication {
        let connection = try PostgresConnection(url: target.url)
        let schema = PostgresSchema(name: target.schema)
        try schema.migrate(connection)
        let s = schema.name
        let member = target.member
        let report = results.report
        let periods = Set(report.periods + results.counts.keys.map(\.period) + report.breakdowns.map(\.period))
            .sorted { $0.index < $1.index }
        let hallMonths = results.counts.sorted { ($0.key.hall, $0.key.period.index) < ($1.key.hall, $1.key.period.index) }
        let halls = report.registry.halls
        try connection.transaction { () throws(HallRateError) in
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext('hallrate member ' || $1))", [member])
            // The earlier publication goes, its halls, months and counts with it (ON DELETE CASCADE).
            try connection.execute("DELETE FROM \(s).publications WHERE member = $1", [member])
            let files = results.files
            try connection.execute(
                "INSERT INTO \(s).publications (member, pipeline, as_of, hallrate_version, rows_read, accepted, rejected, duplicates) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                [
                    member, pipeline, report.closing.asOf.description, HallRate.version, String(files.reduce(0) { $0 + $1.rowsRead }),
                    String(files.reduce(0) { $0 + $1.accepted }), String(files.reduce(0) { $0 + $1.rejected }),
                    String(files.reduce(0) { $0 + $1.duplicates }),
                ])
            try connection.copy(
                into: "\(s).halls", columns: ["member", "hall_code", "hall_name", "tier", "parent_code", "aliases"],
                rows: halls.map { [member, $0.code, $0.name, $0.tier.rawValue, $0.parentCode, $0.aliases.joined(separator: ";")] })
            try connection.copy(
                into: "\(s).periods", columns: ["member", "period", "closed"],
                rows: periods.map { [member, $0.description, report.closing.isClosed($0) ? "t" : "f"] })
            try connection.copy(
                into: "\(s).hall_month_counts",
                columns: ["member", "hall_code", "period"] + PostgresSchema.channelStatusColumns + ["latest_day"]
                    + PostgresSchema.timeLimitColumns,
                rows: hallMonths.map { key, counts in
                    var row: [String?] = [member, halls[key.hall].code, key.period.description]
                    for (channel, status) in PostgresSchema.channelStatusCells { row.append(String(counts[channel, status])) }
                    row.append(results.latestDays[key].map(String.init))
                    let limits = report.timeLimits.map { $0[key] ?? TimeLimitCounts() }
                    row += (0..<TimeLimitCounts.fieldCount).map { field in limits.map { String($0[field: field]) } }
                    return row
                })
            try connection.copy(
                into: "\(s).breakdowns",
                columns: ["member", "dimension", "tier", "period", "key", "name", "total", "online", "window_or_kiosk"],
                rows: report.breakdowns.map {
                    [
                        member, $0.dimension.rawValue, $0.tier.rawValue, $0.period.description, $0.key.code, $0.name, String($0.total),
                        String($0.online), String($0.windowOrKiosk),
                    ]
                })
            checkpoint("publication copied, not committed")
        }
        return RunSummary.Publication(
            server: connection.display, member: member, halls: halls.count, months: periods.count, hallMonths: hallMonths.count)
    }
}
