/// The tables hallrate publishes into on a PostgreSQL server, created and migrated by hallrate itself
/// in a schema of the pipeline's choice (`output.postgres.schema`, default `hallrate`). Documented for
/// BI tools in docs/outputs.md, "The PostgreSQL publication".
///
/// Each migration runs once, in order, in one transaction holding an advisory lock, so two members
/// starting at once do not both create the tables; the versions applied are in `schema_migrations`.
/// A new column or table is a new migration at the end of ``migrations``, never an edit of an old one.
struct PostgresSchema {
    /// The schema's name, quoted for SQL.
    let name: String

    init(name: String) { self.name = PostgresConnection.quoted(name) }

    /// The 20 channel × status counts of a hall-month, as columns (`window_completed`, …).
    static let channelStatusColumns: [String] = channelStatusCells.map { "\($0.rawValue)_\($1.rawValue)" }

    /// The channel and status of each of ``channelStatusColumns``, in their order.
    static let channelStatusCells: [(Channel, Status)] = Channel.allCases.flatMap { channel in
        Status.allCases.map { (channel, $0) }
    }

    /// The time-limit counts of a hall-month (contract rule 21), as columns in the order of
    /// ``TimeLimitCounts/subscript(field:)``; NULL without a catalogue.
    static let timeLimitColumns = [
        "tl_counted", "tl_uncatalogued", "tl_finished", "tl_on_time", "tl_in_progress", "tl_overdue_open",
        "tl_due_soon", "tl_untimed", "tl_instant", "tl_fully_online", "tl_promised_days", "tl_legal_days",
    ]

    /// (version, what it does, its statements).
    var migrations: [(version: Int, name: String, sql: [String])] {
        let s = name
        let counts = Self.channelStatusColumns.map { "\($0) integer NOT NULL" }
        let timeLimits = Self.timeLimitColumns.map { "\($0) integer" }
        let online = "(online_completed + online_in_progress + online_rejected + mobile_completed + mobile_in_progress + mobile_rejected)"
        let total = Channel.allCases.map { channel in
            Status.allCases.filter { $0 != .withdrawn }.map { "\(channel.rawValue)_\($0.rawValue)" }.joined(separator: " + ")
        }.joined(separator: " + ")
        return [
            (
                1, "members, their halls, months and counts",
                [
                    """
                    CREATE TABLE \(s).publications (
                      member text PRIMARY KEY,
                      pipeline text NOT NULL,
                      as_of date NOT NULL,
                      published_at timestamptz NOT NULL DEFAULT now(),
                      hallrate_version text NOT NULL,
                      rows_read bigint NOT NULL,
                      accepted bigint NOT NULL,
                      rejected bigint NOT NULL,
                      duplicates bigint NOT NULL)
                    """,
                    """
                    CREATE TABLE \(s).halls (
                      member text NOT NULL REFERENCES \(s).publications ON DELETE CASCADE,
                      hall_code text NOT NULL,
                      hall_name text NOT NULL,
                      tier text NOT NULL CHECK (tier IN ('district', 'township', 'village')),
                      parent_code text NOT NULL,
                      aliases text NOT NULL DEFAULT '',
                      PRIMARY KEY (member, hall_code))
                    """,
                    """
                    CREATE TABLE \(s).periods (
                      member text NOT NULL REFERENCES \(s).publications ON DELETE CASCADE,
                      period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
                      closed boolean NOT NULL,
                      PRIMARY KEY (member, period))
                    """,
                    """
                    CREATE TABLE \(s).hall_month_counts (
                      member text NOT NULL,
                      hall_code text NOT NULL,
                      period text NOT NULL,
                      \(counts.joined(separator: ",\n  ")),
                      latest_day integer,
                      \(timeLimits.joined(separator: ",\n  ")),
                      PRIMARY KEY (member, hall_code, period),
                      FOREIGN KEY (member, hall_code) REFERENCES \(s).halls ON DELETE CASCADE,
                      FOREIGN KEY (member, period) REFERENCES \(s).periods ON DELETE CASCADE)
                    """,
                    """
                    CREATE TABLE \(s).breakdowns (
                      member text NOT NULL,
                      dimension text NOT NULL CHECK (dimension IN ('item', 'department')),
                      tier text NOT NULL,
                      period text NOT NULL,
                      key text,
                      name text NOT NULL,
                      total integer NOT NULL,
                      online integer NOT NULL,
                      window_or_kiosk integer NOT NULL,
                      UNIQUE NULLS NOT DISTINCT (member, dimension, tier, period, key),
                      FOREIGN KEY (member, period) REFERENCES \(s).periods ON DELETE CASCADE)
                    """,
                    """
                    CREATE VIEW \(s).hall_months AS
                    SELECT c.member, c.hall_code, h.hall_name, h.tier, c.period, p.closed,
                           \(total) AS total,
                           \(online) AS online,
                           round(\(online)::numeric / nullif(\(total), 0), 4) AS online_rate,
                           c.tl_finished AS finished, c.tl_on_time AS on_time,
                           round(c.tl_on_time::numeric / nullif(c.tl_finished, 0), 4) AS on_time_rate,
                           c.tl_overdue_open AS overdue_open,
                           round(c.tl_instant::numeric / nullif(c.tl_counted - c.tl_uncatalogued, 0), 4) AS instant_share,
                           round(c.tl_fully_online::numeric / nullif(c.tl_counted - c.tl_uncatalogued, 0), 4) AS fully_online_share,
                           round(1 - c.tl_promised_days::numeric / nullif(c.tl_legal_days, 0), 4) AS compression
                    FROM \(s).hall_month_counts c
                    JOIN \(s).halls h USING (member, hall_code)
                    JOIN \(s).periods p USING (member, period)
                    """,
                ]
            )
        ]
    }

    /// For a reader (the federated run): the tables exist and no newer hallrate has migrated them.
    /// - Throws: ``HallRateError`` `.publication` saying which.
    func requireTables(_ connection: PostgresConnection) throws(HallRateError) {
        let version = try appliedVersion(connection)
        guard version > 0 else {
            throw HallRateError(
                .publication, "no member has published to schema \(name) at \(connection.display) yet (no hallrate tables there)")
        }
        let known = migrations.map(\.version).max() ?? 0
        if version > known {
            throw HallRateError(
                .publication,
                "schema \(name) at \(connection.display) is at version \(version), newer than this hallrate knows (\(known)): upgrade hallrate"
            )
        }
    }

    /// The latest migration applied on the server, 0 when hallrate's tables are not there.
    func appliedVersion(_ connection: PostgresConnection) throws(HallRateError) -> Int {
        let found = try connection.execute("SELECT to_regclass($1) IS NOT NULL", [name + ".schema_migrations"])
        guard found.first?.first == "t" else { return 0 }
        let latest = try connection.execute("SELECT coalesce(max(version), 0) FROM \(name).schema_migrations")
        return (latest.first?.first ?? nil).flatMap { Int($0) } ?? 0
    }

    /// Creates the schema if needed and applies every migration not applied yet. When the tables are up to
    /// date nothing else runs, so a member's role needs no right to create anything (docs/operations.md).
    func migrate(_ connection: PostgresConnection) throws(HallRateError) {
        let known = migrations.map(\.version).max() ?? 0
        if try appliedVersion(connection) >= known { return }
        try connection.transaction { () throws(HallRateError) in
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext('hallrate schema ' || $1))", [name])
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(name)")
            try connection.execute(
                "CREATE TABLE IF NOT EXISTS \(name).schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())")
            let applied = Set(
                try connection.execute("SELECT version FROM \(name).schema_migrations").compactMap {
                    $0.first.flatMap { $0 }.flatMap { Int($0) }
                })
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.sql { try connection.execute(statement) }
                try connection.execute(
                    "INSERT INTO \(name).schema_migrations (version, name) VALUES ($1, $2)", [String(migration.version), migration.name])
            }
        }
    }
}
