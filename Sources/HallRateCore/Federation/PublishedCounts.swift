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

    /// Reads the publications of `expected` members from `schema` over `connection`, inside a read-only
    /// transaction of the caller's (``PostgresConnection/transaction(readOnly:_:)``), so that these and the
    /// ``breakdowns(_:schema:expected:)`` are one snapshot.
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

        // Publications and their months.
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
        // Streamed (a million rows here); members and halls looked up once per run of their rows.
        let cells = PostgresSchema.channelStatusCells
        var (memberOf, hallOf) = (RunLookup(), RunLookup())
        func bad(_ what: String) -> HallRateError {
            HallRateError(.publication, "\(connection.display): \(what) in \(s).hall_month_counts is not hallrate's")
        }
        try connection.copyOut(
            "SELECT member, hall_code, period, \((channelStatus + ["latest_day"] + limits).joined(separator: ", ")) "
                + "FROM \(s).hall_month_counts WHERE member = ANY(\(try connection.literal(array(expected)))::text[])"
        ) { row throws(HallRateError) in
            guard let memberName = row.bytes(0), let code = row.bytes(1), row.count == 4 + channelStatus.count + limits.count
            else { throw bad("a row") }
            guard let member = memberOf(memberName, { order[$0] }) else { throw bad("a member") }
            guard let hall = hallOf(code, { published.registry.index(ofCode: $0) }) else {
                throw bad("hall code \(String(decoding: code, as: UTF8.self))")
            }
            guard let month = row.bytes(2).flatMap(Self.period) else { throw bad("a month") }
            let key = HallPeriod(hall: hall, period: month)
            var counts = ChannelStatusCounts()
            var column = 3
            for (channel, status) in cells {
                guard let count = row.int(column) else { throw bad(channelStatus[column - 3]) }
                counts.add(channel, status, count: count)
                column += 1
            }
            published.counts[key, default: ChannelStatusCounts()].merge(counts)
            sums[member] += counts.total + counts.withdrawn
            if let day = row.int(column) { published.latestDays[key] = day }
            column += 1
            if row.int(column) != nil {
                var limit = TimeLimitCounts()
                for field in 0..<TimeLimitCounts.fieldCount {
                    guard let count = row.int(column + field) else { throw bad(limits[field]) }
                    limit[field: field] = count
                }
                timeLimits[key] = limit
            }
        }
        published.timeLimits = timeLimits.isEmpty ? nil : timeLimits
        for i in members.indices { members[i].countedAndWithdrawn = order[members[i].name].map { sums[$0] } ?? 0 }
        published.members = members

        return published
    }

    /// The members' breakdowns (contract rule 17), added up over members: as ``read(_:schema:expected:)``,
    /// inside the caller's read-only transaction.
    static func breakdowns(
        _ connection: PostgresConnection, schema name: String, expected: [String]
    ) throws(HallRateError) -> [Breakdown] {
        let s = PostgresSchema(name: name).name
        let order = Dictionary(uniqueKeysWithValues: expected.enumerated().map { ($1, $0) })
        // The breakdowns, added up over members; an item's name is the last member's (in the pipeline's
        // order) to give one. Streamed too: a province has hundreds of thousands of rows.
        var merged: [BreakdownKey: BreakdownSum] = [:]
        var memberOf = RunLookup()
        try connection.copyOut(
            "SELECT member, dimension, tier, period, key, name, total, online, window_or_kiosk FROM \(s).breakdowns "
                + "WHERE member = ANY(\(try connection.literal(array(expected)))::text[])"
        ) { row throws(HallRateError) in
            guard let memberName = row.bytes(0), let dimension = row.text(1).flatMap(Breakdown.Dimension.init(rawValue:)),
                let tier = row.text(2).flatMap(Tier.init(rawValue:)), let month = row.bytes(3).flatMap(Self.period),
                let name = row.bytes(5), let total = row.int(6), let online = row.int(7), let windowOrKiosk = row.int(8)
            else { throw HallRateError(.publication, "\(connection.display): a row of \(s).breakdowns is not hallrate's") }
            guard let member = memberOf(memberName, { order[$0] }) else {
                throw HallRateError(.publication, "\(connection.display): a member in \(s).breakdowns is not hallrate's")
            }
            let slot = BreakdownKey(dimension: dimension, tier: tier, period: month, key: Breakdown.Key(code: row.text(4)))
            merged[slot, default: BreakdownSum()].add(
                total: total, online: online, windowOrKiosk: windowOrKiosk, name: name, from: member)
        }
        let summed = merged.map { slot, sum in
            Breakdown(
                dimension: slot.dimension, tier: slot.tier, period: slot.period, key: slot.key, name: sum.name, total: sum.total,
                online: sum.online, windowOrKiosk: sum.windowOrKiosk)
        }
        // Positions sorted, not the rows: each carries two strings.
        let sorted = summed.withUnsafeBufferPointer { rows in
            rows.indices.sorted { a, b in
                rows[a].dimension != rows[b].dimension ? rows[a].dimension == .item : Breakdown.listedBefore(rows[a], rows[b])
            }
        }
        return sorted.map { summed[$0] }
    }

    /// `YYYY-MM` as bytes; nil for anything else.
    private static func period(_ bytes: UnsafeRawBufferPointer) -> Period? {
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var number = 0
        for (i, byte) in bytes.enumerated() where i != 4 {
            guard (48...57).contains(byte) else { return nil }
            number = number * 10 + Int(byte) - 48
        }
        let (year, month) = number.quotientAndRemainder(dividingBy: 100)
        return (1...12).contains(month) ? Period(year: year, month: month) : nil
    }

    /// A text array literal for `= ANY($1)`: `{"a","b"}` with quotes and backslashes escaped.
    private static func array(_ values: [String]) -> String {
        "{"
            + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// A lookup by bytes that come in runs (a member's rows, a hall's months, as a member copied them in):
    /// asked again, with a `String`, only when they change.
    private struct RunLookup {
        private var last: [UInt8] = []
        private var value: Int?

        mutating func callAsFunction(_ bytes: UnsafeRawBufferPointer, _ find: (String) -> Int?) -> Int? {
            if value == nil || !bytes.elementsEqual(last) {
                (last, value) = (Array(bytes), find(String(decoding: bytes, as: UTF8.self)))
            }
            return value
        }
    }

    /// A breakdown row's counts added up over members, and the name of the last member to give one.
    private struct BreakdownSum {
        var total = 0
        var online = 0
        var windowOrKiosk = 0
        var name = ""
        var nameFrom = -1

        mutating func add(total: Int, online: Int, windowOrKiosk: Int, name: UnsafeRawBufferPointer, from member: Int) {
            self.total += total
            self.online += online
            self.windowOrKiosk += windowOrKiosk
            if !name.isEmpty, member > nameFrom { (self.name, nameFrom) = (String(decoding: name, as: UTF8.self), member) }
        }
    }

    private struct BreakdownKey: Hashable {
        let dimension: Breakdown.Dimension
        let tier: Tier
        let period: Period
        let key: Breakdown.Key
    }
}
