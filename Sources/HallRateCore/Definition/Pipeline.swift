/// A validated pipeline, ready to run: paths resolved, words mapped to typed values.
package struct Pipeline: Sendable {
    /// One validated source of exports.
    package struct Source: Sendable {
        package enum Format: String, Sendable { case csv, xml }

        package let index: Int
        package let name: String
        /// The glob as written, and resolved against the root (`{hall_code}` may name the hall).
        package let glob: String
        let paths: PathTemplate
        /// The glob resolved against the root, for finding files.
        package var resolvedGlob: String { paths.glob }
        package let format: Format
        package let encoding: TextEncoding
        package let delimiter: UInt8
        /// Canonical field → source column name.
        package let columns: [CanonicalField: String]
        package let channels: [String: Channel]
        package let statuses: [String: Status]
        package let dateFormats: [DateFormat]
        /// XML only: the record element and the distinct field paths (what a CSV header would be).
        let xml: XMLFileReader.Layout?
        /// True when the run may go on although the glob matches no file (contract rule 14).
        package let optional: Bool

        /// The key path of this source in the pipeline file, e.g. `sources[1]`.
        package var keyPath: String { "sources[\(index)]" }
    }

    /// Output options.
    package struct Output: Sendable {
        package enum Language: String, Sendable { case zh, en }
        package enum Encoding: String, Sendable {
            case utf8BOM = "utf-8-bom"
            case utf8 = "utf-8"
            case gb18030
        }
        package var folder: String
        /// The store (SQLite database); by default `hallrate.sqlite` in the output folder.
        package var store: String
        /// True when the pipeline names the store (`output.store`); otherwise it follows the output folder.
        package var storeIsNamed: Bool

        /// Moves the outputs to `folder`, and the store with them unless the pipeline names one.
        package mutating func move(to folder: String) {
            if !storeIsNamed { store = folder + "/hallrate.sqlite" }
            self.folder = folder
        }
        package var language: Language
        package var encoding: Encoding
        /// How codes and months are written in every CSV (`output.csv_codes`).
        package var csvCodes: CSVCodes = .plain
        /// Ratios written as percentages (`59.60%`) instead of fractions (`0.5960`) in the CSVs (`output.percent`).
        package var percent = false
        /// Where the run publishes its counts (`output.postgres`), if anywhere.
        package var postgres: PostgresTarget?

        /// A PostgreSQL server, the schema of hallrate's tables on it, and the member (county) publishing.
        package struct PostgresTarget: Sendable, Equatable {
            /// libpq's URL or `key=value` string, without a password (libpq reads `PGPASSWORD` or `~/.pgpass`).
            package let url: String
            package let schema: String
            package let member: String
        }

        /// How the CSVs write hall codes and months, the same way in every file so that they join.
        package enum CSVCodes: String, Sendable {
            /// `="520502001000"`, `="2019-11"`: Excel and WPS keep them as text (no `5.20502E+11`, no date).
            case excel
            /// As they are: for programs reading the CSVs.
            case plain
        }
    }

    /// Who issues the report and how it is headed (`report:`).
    package struct Publication: Sendable {
        /// The district or county the report covers, e.g. 七星关区; it heads the title.
        package var region: String?
        /// The office issuing the report, e.g. 七星关区政务服务管理办公室.
        package var issuer: String?
        /// The issue number's pattern, e.g. `{year}年第{month}期`; nil when the report has none.
        package var issueNumber: String?
        /// A contact line printed at the end of the report.
        package var contact: String?
        /// `run` also prints each report to PDF (needs Chromium).
        package var pdf = false

        package init(
            region: String? = nil, issuer: String? = nil, issueNumber: String? = nil, contact: String? = nil,
            pdf: Bool = false
        ) {
            self.region = region
            self.issuer = issuer
            self.issueNumber = issueNumber
            self.contact = contact
            self.pdf = pdf
        }

        /// The placeholders an issue-number pattern may use.
        static let issuePlaceholders = ["{year}", "{month}"]

        /// The issue number of the report of `period`, from the pattern: `{year}` → 2019, `{month}` → 11.
        package func issue(of period: Period) -> String? {
            issueNumber.map {
                $0.replacingOccurrences(of: "{year}", with: String(period.year))
                    .replacingOccurrences(of: "{month}", with: String(period.month))
            }
        }
    }

    /// A federated pipeline's members (`members:`, issue 15): the server they publish their counts to, the
    /// schema, and the members expected, in order.
    package struct Members: Sendable, Equatable {
        package let url: String
        package let schema: String
        package let expected: [String]
        /// Members whose missing closed months are a warning, not a failure of the run.
        package let optional: Set<String>
    }

    package let name: String
    /// The pipeline file, as given.
    package let file: String
    /// The registry; empty for a federated pipeline, whose registry is its members'.
    package let registryPath: String
    /// Set for a federated pipeline, which reads its members' counts instead of sources (then empty).
    package var members: Members?
    /// The item catalogue (`catalogue:`; contract rule 18), when the pipeline has one. Not part of any
    /// source's fingerprint: a catalogue edit changes the figures computed, never the rows stored.
    package var cataloguePath: String?
    /// `calendar:`: the district's own closures and extra working days (contract rule 19).
    package var extraClosures: [CalendarDate] = []
    package var extraWorkingDays: [CalendarDate] = []
    package let sources: [Source]
    /// The target ratio of each tier, over time (contract rule 9).
    package let targets: TargetSchedule
    /// The metric the pipeline ranks halls by first: 网上办事率 with the pipeline's `targets`.
    package var metric: Metric { .onlineRate(targets: targets) }
    /// `on_time_targets`, `instant_share_targets`, …: the targets of each time-limit ratio the pipeline
    /// ranks halls by too, by key (``Metric/timeLimitFamily``).
    package var timeLimitTargets: [(key: String, targets: TargetSchedule)] = []
    /// The metrics reported besides the first, each in `metrics/<id>/` of the output folder.
    package var moreMetrics: [Metric] {
        timeLimitTargets.compactMap { written in Metric.timeLimitFamily.first { $0.key == written.key }?.metric(written.targets) }
    }
    /// The least counted transactions a hall needs in a month to be ranked, per tier (contract rule 8).
    package let minVolume: [Tier: Int]
    /// N of the red and black lists (contract rule 12).
    package let listSize: Int
    /// A tier-month with fewer ranked halls has no lists (contract rule 12).
    package let listMinRanked: Int
    /// Days after a month's last day from which it is closed (contract rule 13).
    package let closeAfterDays: Int
    /// The earliest month an `accepted_at` may fall in; earlier ones are `bad_date` rejects.
    package let earliestMonth: Period
    package var output: Output
    /// The report's heading and delivery (`report:`).
    package var publication = Publication()
    /// Where each key of the file was written, for messages.
    package let keyLocations: KeyLocations

    /// The instants an `accepted_at` may take: from the start of `earliestMonth` to the end of the month
    /// after `today`'s. Outside them a date is not a date of this district's work (a typo such as
    /// 2109, an unset clock) and its row is a `bad_date` reject, so no output spans years of empty months.
    package func acceptedWindow(today: CalendarDate = .today) -> ClosedRange<LocalTime> {
        let first = LocalTime(year: earliestMonth.year, month: earliestMonth.month, day: 1) ?? LocalTime(seconds: 0)
        let next = today.period.advanced(by: 1)
        let last = CalendarDate.lastDay(of: next)
        return first...LocalTime(seconds: Int64(last.days) * 86_400 + 86_399)
    }

    /// The location of `keyPath`, or of its nearest written parent.
    package func location(of keyPath: String) -> SourceLocation { keyLocations.location(of: keyPath) }
}
