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

        /// Whether the count comes from the time-limit counts (rules 19–21) rather than channel × status.
        package var isTimeLimit: Bool { self == .finished || self == .onTime }

        /// The count in one hall-month's counts.
        @inline(__always)
        package func value(in counts: ChannelStatusCounts) -> Int {
            switch self {
            case .counted: return counts.total
            case .online: return counts.online
            case .offline: return counts.total - counts.online
            case .finished, .onTime: return 0
            }
        }

        /// The count in one hall-month's time-limit counts.
        package func value(in counts: TimeLimitCounts) -> Int {
            switch self {
            case .finished: return counts.finished
            case .onTime: return counts.onTime
            case .counted: return counts.counted
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

        /// 网上办事率's.
        package static let onlineRate = Words(
            denominatorColumn: "total", numeratorColumn: "online", ratio: "网上办事率", shortRatio: "办事率", denominator: "办件量",
            numerator: "网办件量", ratioInEnglish: "online rate", denominatorInEnglish: "transactions", numeratorInEnglish: "online",
            titleInEnglish: "Online Handling Rate")
    }

    /// A short name for files and logs: `online_rate`.
    package let id: String
    package let numerator: Count
    /// The volume a hall is ranked on (rule 8's `total ≥ min_volume`) and the ratio's denominator.
    package let denominator: Count
    package let better: Better
    /// The target of each tier over time (rule 9).
    package let targets: TargetSchedule
    package let words: Words

    package init(id: String, numerator: Count, denominator: Count, better: Better, targets: TargetSchedule, words: Words) {
        self.id = id
        self.numerator = numerator
        self.denominator = denominator
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
