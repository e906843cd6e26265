/// A canonical transaction (办件) after mapping and validation: only what the metrics need.
///
/// `applicant_id` is never carried past the mapper, so it cannot reach any output. Nor is `txn_id`
/// itself: only its ``TransactionKey``, computed from the normalised bytes without building a `String`.
package struct Transaction: Sendable {
    /// The deduplication key: the hash of the normalised `txn_id`.
    package let key: TransactionKey
    /// Index of the hall in the ``HallRegistry``.
    package let hall: Int
    package let channel: Channel
    package let status: Status
    package let updatedAt: LocalTime?
    /// The calendar month of the acceptance time (受理时间), in Shanghai.
    package let period: Period
    /// The day of the month of the acceptance time (1–31; 0 when unknown), for a month's data cut-off.
    package let day: Int
    /// `completed_at` (办结时间), as far as it can be read.
    package var completed = Completion.none
    /// The item (事项) and the department (受理部门) as numbered in their file (``notRecorded`` when the
    /// source maps no such column): the store keeps each file's codes and names once.
    package var item = Transaction.notRecorded
    package var department = Transaction.notRecorded

    /// `item` or `department` when the source does not map the field.
    package static let notRecorded = UInt16.max
    /// The most distinct items (or departments) one file's rows can number; later ones share the last number.
    package static let maxCodesPerFile = Int(UInt16.max - 1)

    /// What a row's `completed_at` says (contract rule 21: never a reject, at worst "untimed").
    package enum Completion: Equatable, Sendable {
        /// Empty, or not mapped.
        case none
        /// Present but matching none of the date formats, or beyond any plausible date.
        case unreadable
        /// Before `accepted_at`.
        case beforeAcceptance
        /// The minute it was completed (``LocalTime`` seconds / 60, rounded down).
        case at(minute: Int32)

        /// A time after acceptance, or why not.
        package init(_ completed: LocalTime?, acceptedAt: LocalTime) {
            guard let completed else {
                self = .unreadable
                return
            }
            guard completed.seconds >= acceptedAt.seconds else {
                self = .beforeAcceptance
                return
            }
            let minute = completed.seconds / 60
            self = minute > Int64(Int32.max) ? .unreadable : .at(minute: Int32(minute))
        }

        /// As a stored row keeps it: the minute, or one of three marks below any minute.
        var stored: Int32 {
            switch self {
            case .none: return Int32.min
            case .unreadable: return Int32.min + 1
            case .beforeAcceptance: return Int32.min + 2
            case .at(let minute): return minute
            }
        }

        init(stored: Int32) {
            switch stored {
            case Int32.min: self = .none
            case Int32.min + 1: self = .unreadable
            case Int32.min + 2: self = .beforeAcceptance
            default: self = .at(minute: stored)
            }
        }
    }

    package init(key: TransactionKey, hall: Int, channel: Channel, status: Status, acceptedAt: LocalTime, updatedAt: LocalTime?) {
        let (period, day) = acceptedAt.periodAndDay
        self.init(key: key, hall: hall, channel: channel, status: status, period: period, day: day, updatedAt: updatedAt)
    }

    /// A transaction as the store keeps it: the month and day, not the exact acceptance time.
    package init(
        key: TransactionKey, hall: Int, channel: Channel, status: Status, period: Period, day: Int = 0,
        updatedAt: LocalTime?
    ) {
        self.key = key
        self.hall = hall
        self.channel = channel
        self.status = status
        self.period = period
        self.day = day
        self.updatedAt = updatedAt
    }
}
