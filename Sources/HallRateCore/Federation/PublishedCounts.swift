/// What the members of a federated pipeline published (issue 15), read back from PostgreSQL: their
/// registries combined into one, and per hall and month the additive counts every figure is computed
/// from — the same values a single run over all their inputs would count, so the engine from rule 6 on
/// runs on them unchanged.
struct PublishedCounts {
    /// One member's publication: when, which months (closed or not on the member's as-of date) and how
    /// its rows reconciled.
    struct Member {
        let name: String
        let asOf: String
        /// Month → closed at the member.
        let periods: [Period: Bool]
        let halls: Int
        let rowsRead: Int
        let accepted: Int
        let rejected: Int
        let duplicates: Int
        /// Σ of every channel × status count the member published (withdrawn included): its accepted rows.
        var countedAndWithdrawn = 0
        /// The published counts are the member's accepted rows, and its rows read reconcile.
        var reconciles: Bool { countedAndWithdrawn == accepted && rowsRead == accepted + rejected + duplicates }
    }

    /// The members that have published, in the pipeline's order; an expected member without a
    /// publication is not here.
    var members: [Member] = []
    var registry = HallRegistry(halls: [])
    var counts: [HallPeriod: ChannelStatusCounts] = [:]
    var latestDays: [HallPeriod: Int] = [:]
    /// nil when no member published time-limit counts (none has an item catalogue).
    var timeLimits: [HallPeriod: TimeLimitCounts]?
    var breakdowns: [Breakdown] = []

    /// Reads the publications of `expected` members from `schema` over `connection`.
    /// - Throws: ``HallRateError`` `.publication` when the server fails or its rows are not what hallrate
    ///   wrote; `.registry` when two members publish the same hall code (naming both).
    static func read(
        _ connection: PostgresConnection, schema name: String, expected: [String]
    ) throws(HallRateError) -> PublishedCounts {
        let schema = PostgresSchema(name: name)
        try schema.requireTables(connection)
        let s = schema.name
        var published = PublishedCounts()
        let order = Dictionary(uniqueKeysWithValues: expected.enumerated().map { ($1, $0) })
        func int(_ text: String?, _ what: String) throws(HallRateError) -> Int {
            guard let text, let value = Int(text) else {
                throw HallRateError(.publication, "\(connection.display): \(what) is not a whole number in \(s)")
            }
            return value
        }
        func period(_ text: String?) throws(HallRateError) -> Period {
            guard let text, let period = Period(text) else {
                throw HallRateError(.publication, "\(connection.display): a month '\(text ?? "NULL")' in \(s) is not YYYY-MM")
            }
            return period
        }

        // Publications and their months, read in one snapshot with everything else.
        return try connection.transaction(readOnly: true) { () throws(HallRateError) -> PublishedCounts in
            var months: [String: [Period: Bool]] = [:]
            for row in try connection.execute("SELECT member, period, closed FROM \(s).periods WHERE member = ANY($1)", [array(expected)]) {
                guard let member = row[0] else { continue }
                months[member, default: [:]][try period(row[1])] = row[2] == "t"
            }
            var members: [Member] = []
            for row in try connection.execute(
                "SELECT member, as_of::text, rows_read, accepted, rejected, duplicates, "
                    + "(SELECT count(*) FROM \(s).halls h WHERE h.member = p.member) FROM \(s).publications p WHERE member = ANY($1)",
                [array(expected)])
            {
                guard let member = row[0] else { continue }
                members.append(
                    Member(
                        name: member, asOf: row[1] ?? "", periods: months[member] ?? [:],
                        halls: try int(row[6], "a hall count"), rowsRead: try int(row[2], "rows_read"),
                        accepted: try int(row[3], "accepted"), rejected: try int(row[4], "rejected"),
                        duplicates: try int(row[5], "duplicates")))
            }
            members.sort { (order[$0.name] ?? 0) < (order[$1.name] ?? 0) }

            // The combined registry.
            var halls: [Hall] = []
            var owner: [String: String] = [:]
            let rows = try connection.execute(
                "SELECT member, hall_code, hall_name, tier, parent_code, aliases FROM \(s).halls WHERE member = ANY($1) "
                    + "ORDER BY array_position($1::text[], member), hall_code", [array(expected)])
            for row in rows {
                guard let member = row[0], let code = row[1], let hallName = row[2], let tierName = row[3],
                    let tier = Tier(rawValue: tierName)
                else { throw HallRateError(.publication, "\(connection.display): a hall in \(s).halls is incomplete") }
                if let other = owner[code], other != member {
                    throw HallRateError(
                        .registry, "hall code \(code) is published by two members, '\(other)' and '\(member)': a code names one hall")
                }
                owner[code] = member
                let aliases = (row[5] ?? "").split(separator: ";").map(String.init)
                halls.append(Hall(code: code, name: hallName, tier: tier, parentCode: row[4] ?? "", aliases: aliases))
            }
            published.registry = HallRegistry(halls: halls)  // in code order, as any registry

            // The counts of every hall-month.
            let channelStatus = PostgresSchema.channelStatusColumns
            let limits = PostgresSchema.timeLimitColumns
            var sums = [Int](repeating: 0, count: expected.count)
            var timeLimits: [HallPeriod: TimeLimitCounts] = [:]
            let count = try connection.execute("SELECT count(*) FROM \(s).hall_month_counts WHERE member = ANY($1)", [array(expected)])
            let capacity = (count.first?.first ?? nil).flatMap { Int($0) } ?? 0
            published.counts.reserveCapacity(capacity)
            published.latestDays.reserveCapacity(capacity)
            timeLimits.reserveCapacity(capacity)
            // Fields read in place (a million rows here): the member as its position, the month as two numbers.
            try connection.forEachRow(
                "SELECT array_position($1::text[], member) - 1, hall_code, substr(period, 1, 4)::int, substr(period, 6, 2)::int, "
                    + "\((channelStatus + ["latest_day"] + limits).joined(separator: ", ")) FROM \(s).hall_month_counts WHERE member = ANY($1)",
                [array(expected)]
            ) { row throws(HallRateError) in
                guard let member = row.int(0), sums.indices.contains(member), let code = row.text(1),
                    let hall = published.registry.index(ofCode: code), let year = row.int(2), let month = row.int(3),
                    (1...12).contains(month)
                else { throw HallRateError(.publication, "\(connection.display): a row of \(s).hall_month_counts is not hallrate's") }
                let key = HallPeriod(hall: hall, period: Period(year: year, month: month))
                var counts = ChannelStatusCounts()
                var column = 4
                for channel in Channel.allCases {
                    for status in Status.allCases {
                        guard let count = row.int(column) else {
                            throw HallRateError(
                                .publication, "\(connection.display): \(channelStatus[column - 4]) is not a whole number in \(s)")
                        }
                        counts.add(channel, status, count: count)
                        column += 1
                    }
                }
                published.counts[key, default: ChannelStatusCounts()].merge(counts)
                sums[member] += counts.total + counts.withdrawn
                if let day = row.int(column) { published.latestDays[key] = day }
                column += 1
                if row.int(column) != nil {
                    var limit = TimeLimitCounts()
                    for (offset, field) in TimeLimitCounts.fields.enumerated() {
                        guard let count = row.int(column + offset) else {
                            throw HallRateError(.publication, "\(connection.display): \(limits[offset]) is not a whole number in \(s)")
                        }
                        limit[keyPath: field] = count
                    }
                    timeLimits[key] = limit
                }
            }
            published.timeLimits = timeLimits.isEmpty ? nil : timeLimits
            for i in members.indices { members[i].countedAndWithdrawn = order[members[i].name].map { sums[$0] } ?? 0 }
            published.members = members

            // The breakdowns, added up over members; an item's name is the last member's to give one.
            var merged: [BreakdownKey: Breakdown] = [:]
            for row in try connection.execute(
                "SELECT dimension, tier, period, key, name, total, online, window_or_kiosk FROM \(s).breakdowns "
                    + "WHERE member = ANY($1) ORDER BY array_position($1::text[], member)", [array(expected)])
            {
                guard let dimension = row[0].flatMap(Breakdown.Dimension.init(rawValue:)), let tier = row[1].flatMap(Tier.init(rawValue:))
                else { throw HallRateError(.publication, "\(connection.display): a breakdown row in \(s) is incomplete") }
                let month = try period(row[2])
                let key = Breakdown.Key(code: row[3])
                let slot = BreakdownKey(dimension: dimension, tier: tier, period: month, key: key)
                let known = merged[slot]
                let name = row[4].flatMap { $0.isEmpty ? nil : $0 } ?? known?.name ?? ""
                merged[slot] = Breakdown(
                    dimension: dimension, tier: tier, period: month, key: key, name: name,
                    total: (known?.total ?? 0) + (try int(row[5], "a breakdown total")),
                    online: (known?.online ?? 0) + (try int(row[6], "a breakdown online count")),
                    windowOrKiosk: (known?.windowOrKiosk ?? 0) + (try int(row[7], "a breakdown window count")))
            }
            let all = merged.values.sorted(by: Breakdown.listedBefore)
            published.breakdowns = all.filter { $0.dimension == .item } + all.filter { $0.dimension == .department }
            return published
        }
    }

    /// A text array literal for `= ANY($1)`: `{"a","b"}` with quotes and backslashes escaped.
    private static func array(_ values: [String]) -> String {
        "{"
            + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    private struct BreakdownKey: Hashable {
        let dimension: Breakdown.Dimension
        let tier: Tier
        let period: Period
        let key: Breakdown.Key
    }
}
