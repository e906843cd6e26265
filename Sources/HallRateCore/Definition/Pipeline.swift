/// A validated pipeline, ready to run: paths resolved, words mapped to typed values.
public struct Pipeline: Sendable {
    /// One validated source of exports.
    public struct Source: Sendable {
        public enum Format: String, Sendable { case csv, xml }

        public let index: Int
        public let name: String
        /// The glob as written, and resolved against the root (`{hall_code}` may name the hall).
        public let glob: String
        let paths: PathTemplate
        /// The glob resolved against the root, for finding files.
        public var resolvedGlob: String { paths.glob }
        public let format: Format
        public let encoding: TextEncoding
        public let delimiter: UInt8
        /// Canonical field → source column name.
        public let columns: [CanonicalField: String]
        public let channels: [String: Channel]
        public let statuses: [String: Status]
        public let dateFormats: [DateFormat]
        /// XML only: the record element and the distinct field paths (what a CSV header would be).
        let xml: XMLFileReader.Layout?
        /// True when the run may go on although the glob matches no file (contract rule 14).
        public let optional: Bool

        /// The key path of this source in the pipeline file, e.g. `sources[1]`.
        public var keyPath: String { "sources[\(index)]" }
    }

    /// Output options.
    public struct Output: Sendable {
        public enum Language: String, Sendable { case zh, en }
        public enum Encoding: String, Sendable {
            case utf8BOM = "utf-8-bom"
            case utf8 = "utf-8"
            case gb18030
        }
        public var folder: String
        /// The store (SQLite database); by default `hallrate.sqlite` in the output folder.
        public var store: String
        /// True when the pipeline names the store (`output.store`); otherwise it follows the output folder.
        public var storeIsNamed: Bool

        /// Moves the outputs to `folder`, and the store with them unless the pipeline names one.
        public mutating func move(to folder: String) {
            if !storeIsNamed { store = folder + "/hallrate.sqlite" }
            self.folder = folder
        }
        public var language: Language
        public var encoding: Encoding
    }

    public let name: String
    /// The pipeline file, as given.
    public let file: String
    public let registryPath: String
    public let sources: [Source]
    /// The target ratio of each tier, over time (contract rule 9).
    public let targets: TargetSchedule
    /// The least counted transactions a hall needs in a month to be ranked, per tier (contract rule 8).
    public let minVolume: [Tier: Int]
    /// N of the red and black lists (contract rule 12).
    public let listSize: Int
    /// A tier-month with fewer ranked halls has no lists (contract rule 12).
    public let listMinRanked: Int
    /// Days after a month's last day from which it is closed (contract rule 13).
    public let closeAfterDays: Int
    /// The earliest month an `accepted_at` may fall in; earlier ones are `bad_date` rejects.
    public let earliestMonth: Period
    public var output: Output
    /// Where each key of the file was written, for messages.
    public let keyLocations: KeyLocations

    /// The instants an `accepted_at` may take: from the start of `earliestMonth` to the end of the month
    /// after `today`'s. Outside them a date is not a date of this district's work (a typo such as
    /// 2109, an unset clock) and its row is a `bad_date` reject, so no output spans years of empty months.
    public func acceptedWindow(today: CalendarDate = .today) -> ClosedRange<LocalTime> {
        let first = LocalTime(year: earliestMonth.year, month: earliestMonth.month, day: 1) ?? LocalTime(seconds: 0)
        let next = today.period.advanced(by: 1)
        let last = CalendarDate.lastDay(of: next)
        return first...LocalTime(seconds: Int64(last.days) * 86_400 + 86_399)
    }

    /// The location of `keyPath`, or of its nearest written parent.
    public func location(of keyPath: String) -> SourceLocation { keyLocations.location(of: keyPath) }
}
