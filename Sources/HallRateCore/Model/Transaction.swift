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
