/// A figure halls are judged by: per hall and month, one count over another (a ratio), with the
/// targets of each tier and the way that is better. Contract rules 6–16 speak of "ratio", "total" and
/// "online"; for a metric they read as its ratio, its denominator and its numerator, so every stage
/// from the figures to the roll-up works on any metric (``MetricEngine``).
///
/// 网上办事率 is ``onlineRate(targets:)``. A new metric is a new static declaration here (its counts,
/// its words and its direction) and, when it needs a count the store does not keep yet, a new
/// ``Count`` — see docs/architecture.md, "Adding a metric".
package struct Metric: Sendable {
    /// A count per hall and month that metrics are made of, read from the month's additive counts.
    package enum Count: String, Sendable, CaseIterable {
        /// Counted transactions: every status but withdrawn (contract rule 4).
        case counted
        /// Counted transactions handled online or on mobile (rule 5).
        case online
        /// Counted transactions handled any other way (window, kiosk, other).
        case offline
        /// Catalogued transactions finished with a usable completed_at, and of those the ones on time
        /// (rule 21; only with an item catalogue).
        case finished
        case onTime = "on_time"
        /// Counted transactions of catalogued items; of those, the ones of instant items, and the ones
        /// handled online of fully-online items (rule 21).
        case catalogued
        case instant
        case fullyOnline = "fully_online"
        /// Σ legal_limit over the distinct catalogued items a hall handled in the month, and of it the days
        /// its promises take off: Σ (legal_limit − promised_limit) (承诺时限压缩率, rule 21).
        case legalDays = "legal_days"
        case compressedDays = "compressed_days"

        /// Whether the count comes from the time-limit counts (rules 19–21) rather than channel × status.
        package var isTimeLimit: Bool {
            switch self {
            case .counted, .online, .offline: return false
            case .finished, .onTime, .catalogued, .instant, .fullyOnline, .legalDays, .compressedDays: return true
            }
        }

        /// The count in one hall-month's counts.
        @inline(__always)
        package func value(in counts: ChannelStatusCounts) -> Int {
            switch self {
            case .counted: return counts.total
            case .online: return counts.online
            case .offline: return counts.total - counts.online
            case .finished, .onTime, .catalogued, .instant, .fullyOnline, .legalDays, .compressedDays: return 0
            }
        }

        /// The count in one hall-month's time-limit counts.
        package func value(in counts: TimeLimitCounts) -> Int {
            switch self {
            case .finished: return counts.finished
            case .onTime: return counts.onTime
            case .counted: return counts.counted
            case .catalogued: return counts.catalogued
            case .instant: return counts.instant
            case .fullyOnline: return counts.fullyOnlineOnline
            case .legalDays: return counts.legalSum
            case .compressedDays: return counts.legalSum - counts.promisedSum
            case .online, .offline: return 0
            }
        }
    }

    /// Whether the metric is computed from the time-limit counts.
    package var isTimeLimit: Bool { numerator.isTimeLimit || denominator.isTimeLimit }

    /// Which way is better: a higher ratio (网上办事率) or a lower one (a share of late work).
    package enum Better: Sendable { case higher, lower }

    /// What outputs call the metric and its counts.
    package struct Words: Sendable {
        /// Column names in English: the contract's `total`, `online`, `ratio` for the first metric.
        package let denominatorColumn: String
        package let numeratorColumn: String
        /// In Chinese: the ratio (网上办事率), its short form in derived columns (上月办事率), the counts.
        package let ratio: String
        package let shortRatio: String
        package let denominator: String
        package let numerator: String
        /// In English prose and report headings: `online rate`, `transactions`, `online`, and the title's
        /// `Online Handling Rate`.
        package let ratioInEnglish: String
        package let denominatorInEnglish: String
        package let numeratorInEnglish: String
        package let titleInEnglish: String
        /// For a metric ranked on another count than its denominator (``Metric/volume``): that count's
        /// column, in English and in Chinese, shown before the denominator so `insufficient_volume` reads.
        package var volumeColumn: String? = nil
        package var volume: String? = nil

        /// 网上办事率's.
        package static let onlineRate = Words(
            denominatorColumn: "total", numeratorColumn: "online", ratio: "网上办事率", shortRatio: "办事率", denominator: "办件量",
            numerator: "网办件量", ratioInEnglish: "online rate", denominatorInEnglish: "transactions", numeratorInEnglish: "online",
            titleInEnglish: "Online Handling Rate")
    }

    /// A short name for files and logs: `online_rate`.
    package let id: String
    package let numerator: Count
    /// The ratio's denominator.
    package let denominator: Count
    /// The transactions a hall is ranked on (rule 8's `total ≥ min_volume`, and the tie-break after the
    /// ratio): the denominator, except for a ratio of days (承诺时限压缩率), which is ranked on the
    /// transactions the days come from.
    package let volume: Count
    package let better: Better
    /// The target of each tier over time (rule 9).
    package let targets: TargetSchedule
    package let words: Words

    /// A metric of one source of counts: channel × status (rules 4–5) or time limits (rules 19–21).
    package init(
        id: String, numerator: Count, denominator: Count, volume: Count? = nil, better: Better, targets: TargetSchedule, words: Words
    ) {
        let volume = volume ?? denominator
        precondition(
            numerator.isTimeLimit == denominator.isTimeLimit && volume.isTimeLimit == denominator.isTimeLimit,
            "metric \(id) mixes channel and time-limit counts")
        self.id = id
        self.numerator = numerator
        self.denominator = denominator
        self.volume = volume
        self.better = better
        self.targets = targets
        self.words = words
    }

    /// 网上办事率: counted transactions handled online or on mobile over counted transactions (rules 4–5).
    package static func onlineRate(targets: TargetSchedule) -> Metric {
        Metric(
            id: "online_rate", numerator: .online, denominator: .counted, better: .higher, targets: targets, words: .onlineRate)
    }

    /// 按时办结率 (rule 21): catalogued transactions finished on time over those finished.
    package static func onTimeRate(targets: TargetSchedule) -> Metric {
        Metric(
            id: "on_time_rate", numerator: .onTime, denominator: .finished, better: .higher, targets: targets,
            words: Words(
                denominatorColumn: "finished", numeratorColumn: "on_time", ratio: "按时办结率", shortRatio: "按时办结率",
                denominator: "办结量", numerator: "按时办结量", ratioInEnglish: "on-time rate", denominatorInEnglish: "finished",
                numeratorInEnglish: "on time", titleInEnglish: "On-time Completion Rate"))
    }

    /// 即办件率 (rule 21): catalogued transactions of instant items over catalogued transactions.
    package static func instantShare(targets: TargetSchedule) -> Metric {
        Metric(
            id: "instant_share", numerator: .instant, denominator: .catalogued, better: .higher, targets: targets,
            words: Words(
                denominatorColumn: "catalogued", numeratorColumn: "instant", ratio: "即办件率", shortRatio: "即办件率",
                denominator: "目录内办件量", numerator: "即办件量", ratioInEnglish: "instant share", denominatorInEnglish: "catalogued",
                numeratorInEnglish: "instant", titleInEnglish: "Instant Item Share"))
    }

    /// 全程网办率 (rule 21): online-handled transactions of fully-online items over catalogued transactions.
    package static func fullyOnlineShare(targets: TargetSchedule) -> Metric {
        Metric(
            id: "fully_online_share", numerator: .fullyOnline, denominator: .catalogued, better: .higher, targets: targets,
            words: Words(
                denominatorColumn: "catalogued", numeratorColumn: "fully_online", ratio: "全程网办率", shortRatio: "全程网办率",
                denominator: "目录内办件量", numerator: "全程网办件量", ratioInEnglish: "fully-online share",
                denominatorInEnglish: "catalogued", numeratorInEnglish: "fully online", titleInEnglish: "Fully Online Share"))
    }

    /// 承诺时限压缩率 (rule 21): 1 − Σpromised / Σlegal over the distinct catalogued items a hall handled,
    /// as the exact ratio Σ(legal − promised) / Σlegal, ranked on the catalogued transactions (a count of
    /// days is no volume; docs/metrics.md, "Ranked time-limit metrics").
    package static func compression(targets: TargetSchedule) -> Metric {
        Metric(
            id: "compression", numerator: .compressedDays, denominator: .legalDays, volume: .catalogued, better: .higher,
            targets: targets,
            words: Words(
                denominatorColumn: "legal_days", numeratorColumn: "compressed_days", ratio: "承诺时限压缩率", shortRatio: "压缩率",
                denominator: "法定时限天数", numerator: "压缩天数", ratioInEnglish: "time-limit compression",
                denominatorInEnglish: "legal days", numeratorInEnglish: "days compressed", titleInEnglish: "Time-limit Compression",
                volumeColumn: "catalogued", volume: "目录内办件量"))
    }

    /// The time-limit metrics a pipeline may rank halls by, each with the key of its targets in the
    /// pipeline (`on_time_targets`, …), in the order their tables are written.
    package static let timeLimitFamily: [(key: String, metric: @Sendable (TargetSchedule) -> Metric)] = [
        ("on_time_targets", onTimeRate), ("instant_share_targets", instantShare),
        ("fully_online_share_targets", fullyOnlineShare), ("compression_targets", compression),
    ]

    /// True when ratio `a` is better than `b`, compared exactly.
    @inline(__always)
    package func isBetter(_ a: Fraction, than b: Fraction) -> Bool {
        better == .higher ? b.isLess(than: a) : a.isLess(than: b)
    }

    /// True when `ratio` misses `target` (the flag `below_target`: below it, or above it for a metric
    /// where lower is better), compared exactly.
    @inline(__always)
    package func misses(_ target: Fraction, with ratio: Fraction) -> Bool {
        isBetter(target, than: ratio)
    }
}
